// Builds the native menu from the tested template; menu items post a command to the window.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { menuTemplate, type MenuItemSpec } from './menuTemplate.js';

function toElectron(spec: MenuItemSpec, getWindow: () => BrowserWindow | null): MenuItemConstructorOptions {
  const item: MenuItemConstructorOptions = {};
  if (spec.type === 'separator') return { type: 'separator' };
  if (spec.label) item.label = spec.label;
  if (spec.role) item.role = spec.role as MenuItemConstructorOptions['role'];
  if (spec.accelerator) item.accelerator = spec.accelerator;
  if (spec.command) {
    const command = spec.command;
    item.click = () => getWindow()?.webContents.send('certbench:menu', command);
  }
  if (spec.submenu) item.submenu = spec.submenu.map((child) => toElectron(child, getWindow));
  return item;
}

export function installMenu(getWindow: () => BrowserWindow | null, devTools: boolean): void {
  const template = menuTemplate(process.platform, devTools).map((spec) => toElectron(spec, getWindow));
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
