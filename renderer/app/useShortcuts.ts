// The keyboard and the desktop menu: Ctrl/Cmd+O opens, Ctrl/Cmd+F finds in the open files,
// Ctrl/Cmd+C on a copyable field copies its value, Escape goes back to the workbench; menu
// commands open files, print, or show a tool.
import { useEffect, type Dispatch } from 'react';
import type { AppServices } from '../components/context.js';
import type { MenuCommand, Platform } from '../platform/platform.js';
import type { View, WorkbenchAction } from '../state/workbench.js';
import { isEditable } from './isEditable.js';

/** The tool each menu command shows (open and print act instead). */
const MENU_VIEWS: Partial<Record<MenuCommand, View>> = {
  'new-request': 'request',
  commands: 'commands',
  report: 'report',
  environment: 'environment',
  thumbprint: 'thumbprint',
  rules: 'rules',
  about: 'about',
};

interface ShortcutContext {
  platform: Platform;
  services: AppServices;
  dispatch: Dispatch<WorkbenchAction>;
  openWithPicker(): Promise<void>;
  view: View;
  /** A password dialog is up: it owns Escape and Ctrl+F. */
  prompting: boolean;
  hasDocuments: boolean;
}

export function useMenu({ platform, dispatch, openWithPicker }: Pick<ShortcutContext, 'platform' | 'dispatch' | 'openWithPicker'>): void {
  useEffect(
    () =>
      platform.onMenu((command) => {
        const view = MENU_VIEWS[command];
        if (command === 'open') void openWithPicker();
        else if (command === 'print') void platform.printPage('certbench-report.pdf');
        else if (view) dispatch({ type: 'view', view });
      }),
    [platform, dispatch, openWithPicker],
  );
}

export function useShortcuts({ platform, services, dispatch, openWithPicker, view, prompting, hasDocuments }: ShortcutContext): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && !event.shiftKey && !event.altKey && key === 'o') {
        event.preventDefault();
        void openWithPicker();
      } else if (mod && !event.shiftKey && !event.altKey && key === 'f' && hasDocuments && view === 'workbench' && !prompting) {
        // Find in the open files (the browser's own find stays on Ctrl+F when nothing is open).
        const filter = document.querySelector<HTMLInputElement>('input[aria-label="Filter documents"]');
        if (filter) {
          event.preventDefault();
          filter.focus();
          filter.select();
        }
      } else if (mod && key === 'c') {
        const el = document.activeElement as HTMLElement | null;
        const value = el?.dataset.copy;
        if (value && !window.getSelection()?.toString()) {
          event.preventDefault();
          platform.copyText(value).then(
            () => services.notify('Copied'),
            (e: Error) => services.notify(e.message, 'error'),
          );
        }
      } else if (event.key === 'Escape' && !prompting && view !== 'workbench' && !isEditable(event.target)) {
        dispatch({ type: 'view', view: 'workbench' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openWithPicker, platform, services, dispatch, prompting, view, hasDocuments]);
}
