// The environment form: what the rules need to know about the deployment, in sections, with
// several named environments, import / export as the JSON the CLI reads with --env. Every field
// is checked by the core validator as it is typed, with the problem under the field; what is
// refused is never used by a check and never exported. Saved in this browser profile
// (localStorage); it never holds keys or passwords. The sections are in ../environment/.
import { useEffect, useRef, useState } from 'react';
import type { Environment } from '../../shared/environment/types.js';
import { useServices } from '../components/context.js';
import { FieldRow } from '../components/FieldRow.js';
import { ExchangeServersSection } from '../environment/ExchangeServersSection.js';
import { EdgePoolsSection, SfbPoolsSection } from '../environment/PoolsSections.js';
import { AuthConfigSection, DomainsSection, OwaImSection, TrustedRootsSection } from '../environment/SettingsSections.js';
import { useEnvironmentDraft } from '../environment/useEnvironmentDraft.js';
import { parseEnvironmentJson, usableEnvironment } from '../state/environments.js';

export interface EnvironmentViewProps {
  /** The environment as last edited (a draft may hold values the validator refuses). */
  environment: Environment;
  names: string[];
  onChange(env: Environment): void;
  onSwitch(name: string): void;
  onCreate(): void;
  onRename(name: string): void;
  onDelete(): void;
  onImport(env: Environment): void;
}

export function EnvironmentView(props: EnvironmentViewProps) {
  const { platform, notify } = useServices();
  const draft = useEnvironmentDraft(props.environment, props.onChange);
  const env = draft.env;
  const fileInput = useRef<HTMLInputElement>(null);
  const [rename, setRename] = useState(props.environment.name ?? '');
  useEffect(() => setRename(props.environment.name ?? ''), [props.environment.name]);

  const exportJson = async () => {
    const count = draft.problems.length;
    if (count > 0) {
      notify(`Not exported: ${count} field${count === 1 ? ' is' : 's are'} marked with a problem; correct ${count === 1 ? 'it' : 'them'} first.`, 'error');
      return;
    }
    // The validated form: versions in canonical spelling, exactly what `certbench --env` reads back.
    const valid = usableEnvironment({ ...env, name: props.environment.name ?? env.name });
    const name = (valid.name ?? 'environment').replace(/[^A-Za-z0-9._-]+/g, '-').toLowerCase();
    const saved = await platform.saveFile({ suggestedName: `${name}.env.json`, data: JSON.stringify(valid, null, 2) + '\n', mimeType: 'application/json' });
    if (saved) notify(`Saved to ${saved.where}`);
  };

  return (
    <section className="tool-view env-view" aria-label="Environment">
      <div className="view-head">
        <h2>Environment</h2>
        <div className="view-actions">
          <button type="button" className="btn btn-small" onClick={props.onCreate}>
            New
          </button>
          <button type="button" className="btn btn-small" onClick={() => fileInput.current?.click()} title="Import an environment JSON (the file the CLI reads with --env)">
            Import JSON…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="env-import-input"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              try {
                props.onImport(parseEnvironmentJson(await file.text(), file.name));
                notify(`Imported ${file.name}`);
              } catch (error) {
                notify((error as Error).message, 'error');
              }
            }}
          />
          <button type="button" className="btn btn-small" onClick={() => void exportJson()}>
            Export JSON
          </button>
          <button type="button" className="btn btn-small btn-danger" onClick={props.onDelete} disabled={props.names.length <= 1 && Object.keys(env).length <= 1}>
            Delete
          </button>
        </div>
      </div>
      <p className="muted">
        What the rules need to know about your deployment. Saved in this {platform.kind === 'web' ? 'browser' : 'app'} only, never uploaded. No keys or
        passwords belong here.
      </p>

      <fieldset className="section">
        <legend>Name</legend>
        <div className="grid-2">
          <FieldRow caption="Environment name">
            <input type="text" value={rename} onChange={(e) => setRename(e.target.value)} onBlur={() => rename.trim() && rename !== props.environment.name && props.onRename(rename.trim())} />
          </FieldRow>
        </div>
      </fieldset>

      <ExchangeServersSection draft={draft} />
      <SfbPoolsSection draft={draft} />
      <EdgePoolsSection draft={draft} />
      <DomainsSection draft={draft} />
      <OwaImSection draft={draft} />
      <AuthConfigSection draft={draft} />
      <TrustedRootsSection draft={draft} />
    </section>
  );
}
