// The toolbar: actions on the left, role and environment pickers on the right (ux.md).
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { View } from '../state/workbench.js';
import { Icon } from './Icon.js';
import { ROLE_OPTIONS } from '../lib/roles.js';

export interface ToolbarProps {
  view: View;
  role: RoleChoice;
  environmentNames: string[];
  activeEnvironment: string;
  onOpen(): void;
  onView(view: View): void;
  onRole(role: RoleChoice): void;
  onEnvironment(name: string): void;
}

function ToolButton({ icon, label, shortcut, active, onClick }: { icon: string; label: string; shortcut?: string; active?: boolean; onClick(): void }) {
  return (
    <button type="button" className={`tool${active ? ' tool-active' : ''}`} onClick={onClick} title={shortcut ? `${label} (${shortcut})` : label} aria-pressed={active ?? undefined}>
      <Icon name={icon} />
      <span>{label}</span>
    </button>
  );
}

const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

export function Toolbar(props: ToolbarProps) {
  const toggle = (view: View) => props.onView(props.view === view ? 'workbench' : view);
  return (
    <header className="toolbar" role="toolbar" aria-label="Main actions">
      <div className="brand" aria-label="CertBench">
        <img src="./icon.svg" alt="" width={20} height={20} />
        <span>CertBench</span>
      </div>
      <ToolButton icon="open" label="Open" shortcut={`${MOD}O`} onClick={props.onOpen} />
      <ToolButton icon="request" label="New request" active={props.view === 'request'} onClick={() => toggle('request')} />
      <ToolButton icon="terminal" label="Commands" active={props.view === 'commands'} onClick={() => toggle('commands')} />
      <ToolButton icon="report" label="Report" active={props.view === 'report'} onClick={() => toggle('report')} />
      <ToolButton icon="estate" label="Estate" active={props.view === 'estate'} onClick={() => toggle('estate')} />
      <ToolButton icon="collect" label="Collect" active={props.view === 'collect'} onClick={() => toggle('collect')} />
      <ToolButton icon="copy" label="Compare" active={props.view === 'compare'} onClick={() => toggle('compare')} />
      <ToolButton icon="report" label="Plan" active={props.view === 'plan'} onClick={() => toggle('plan')} />
      <ToolButton icon="info" label="Troubleshoot" active={props.view === 'troubleshoot'} onClick={() => toggle('troubleshoot')} />
      <span className="toolbar-sep" aria-hidden="true" />
      <ToolButton icon="hash" label="Thumbprint" active={props.view === 'thumbprint'} onClick={() => toggle('thumbprint')} />
      <ToolButton icon="server" label="Environment" active={props.view === 'environment'} onClick={() => toggle('environment')} />
      <ToolButton icon="book" label="Rules" active={props.view === 'rules'} onClick={() => toggle('rules')} />
      <span className="toolbar-spacer" />
      <label className="picker">
        <span>Role</span>
        <select value={props.role} onChange={(e) => props.onRole(e.target.value as RoleChoice)} aria-label="Role">
          {ROLE_OPTIONS.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="picker">
        <span>Env</span>
        <select value={props.activeEnvironment} onChange={(e) => props.onEnvironment(e.target.value)} aria-label="Environment">
          {props.environmentNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
