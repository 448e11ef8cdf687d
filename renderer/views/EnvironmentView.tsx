// The environment form: what the rules need to know about the deployment, in sections, with
// several named environments, import / export as the JSON the CLI reads with --env.
// Saved in this browser profile (localStorage); it never holds keys or passwords.
import { useEffect, useRef, useState } from 'react';
import type { EdgePool, Environment, ExchangeServer, SfbPool } from '../../shared/environment/types.js';
import { useServices } from '../components/context.js';
import { Icon } from '../components/Icon.js';
import { parseEnvironmentJson } from '../state/environments.js';

const EXCHANGE_VERSIONS = ['', '2010', '2010SP1', '2013', '2016', '2019', 'SE'];
const SFB_VERSIONS = ['', 'Lync2010', 'Lync2013', 'SfB2015', 'SfB2019', 'SE'];
const OS_VERSIONS = ['', '2008R2', '2012', '2012R2', '2016', '2019', '2022', '2025'];

function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A text input for a list, committed as you type but keeping your own spacing. It reads its
 * value once: the parent remounts the form (key) when another environment is shown.
 */
function ListInput({ value, onChange, label, placeholder }: { value: string[] | undefined; onChange(list: string[]): void; label: string; placeholder?: string }) {
  const [text, setText] = useState((value ?? []).join(', '));
  return (
    <input
      type="text"
      aria-label={label}
      value={text}
      placeholder={placeholder}
      spellCheck={false}
      onChange={(e) => {
        setText(e.target.value);
        onChange(splitList(e.target.value));
      }}
    />
  );
}

function TextInput({ value, onChange, label, placeholder, mono }: { value: string | undefined; onChange(v: string): void; label: string; placeholder?: string; mono?: boolean }) {
  return (
    <input
      type="text"
      aria-label={label}
      className={mono ? 'mono' : undefined}
      value={value ?? ''}
      placeholder={placeholder}
      spellCheck={false}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function Select({ value, options, onChange, label }: { value: string | undefined; options: string[]; onChange(v: string): void; label: string }) {
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
      {options.map((o) => (
        <option key={o} value={o}>
          {o || '—'}
        </option>
      ))}
    </select>
  );
}

function clean<T extends object>(obj: T): T {
  const out = {} as T;
  for (const [k, v] of Object.entries(obj)) {
    if (v === '' || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

export interface EnvironmentViewProps {
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
  const env = props.environment;
  const set = (patch: Partial<Environment>) => {
    const next: Environment = { ...env, ...patch };
    for (const key of Object.keys(patch) as (keyof Environment)[]) {
      const v = next[key];
      if (v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)) delete next[key];
    }
    props.onChange(next);
  };
  const servers = env.exchangeServers ?? [];
  const pools = env.sfbPools ?? [];
  const edges = env.edgePools ?? [];
  const setServer = (i: number, patch: Partial<ExchangeServer>) => set({ exchangeServers: servers.map((s, j) => (j === i ? clean({ ...s, ...patch }) : s)) });
  const setPool = (i: number, patch: Partial<SfbPool>) => set({ sfbPools: pools.map((s, j) => (j === i ? clean({ ...s, ...patch }) : s)) });
  const setEdge = (i: number, patch: Partial<EdgePool>) => set({ edgePools: edges.map((s, j) => (j === i ? clean({ ...s, ...patch }) : s)) });
  const fileInput = useRef<HTMLInputElement>(null);
  const [rename, setRename] = useState(env.name ?? '');
  useEffect(() => setRename(env.name ?? ''), [env.name]);

  return (
    <section className="tool-view env-view" aria-label="Environment">
      <div className="view-head">
        <h2>Environment</h2>
        <div className="view-actions">
          <button type="button" className="btn btn-small" onClick={props.onCreate}>
            New
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => fileInput.current?.click()}
            title="Import an environment JSON (the file the CLI reads with --env)"
          >
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
                props.onImport(parseEnvironmentJson(await file.text()));
                notify(`Imported ${file.name}`);
              } catch (error) {
                notify((error as Error).message, 'error');
              }
            }}
          />
          <button
            type="button"
            className="btn btn-small"
            onClick={async () => {
              const name = (env.name ?? 'environment').replace(/[^A-Za-z0-9._-]+/g, '-').toLowerCase();
              const saved = await platform.saveFile({ suggestedName: `${name}.env.json`, data: JSON.stringify(env, null, 2) + '\n', mimeType: 'application/json' });
              if (saved) notify(`Saved to ${saved.where}`);
            }}
          >
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
          <label className="field">
            <span>Environment name</span>
            <input type="text" value={rename} onChange={(e) => setRename(e.target.value)} onBlur={() => rename.trim() && rename !== env.name && props.onRename(rename.trim())} />
          </label>
        </div>
      </fieldset>

      <fieldset className="section">
        <legend>Exchange servers</legend>
        {servers.length > 0 ? (
          <table className="form-table">
            <thead>
              <tr>
                <th>FQDN</th>
                <th>Version</th>
                <th>Windows</th>
                <th>Roles</th>
                <th title="Hosts a UM dial plan of URI type SipName">SipName plan</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {servers.map((s, i) => (
                <tr key={i}>
                  <td>
                    <TextInput label={`Exchange server ${i + 1} FQDN`} value={s.fqdn} onChange={(v) => setServer(i, { fqdn: v })} placeholder="ex1.contoso.com" />
                  </td>
                  <td>
                    <Select label={`Exchange server ${i + 1} version`} value={s.version} options={EXCHANGE_VERSIONS} onChange={(v) => setServer(i, { version: (v || undefined) as ExchangeServer['version'] })} />
                  </td>
                  <td>
                    <Select label={`Exchange server ${i + 1} Windows version`} value={s.os} options={OS_VERSIONS} onChange={(v) => setServer(i, { os: (v || undefined) as ExchangeServer['os'] })} />
                  </td>
                  <td>
                    <ListInput label={`Exchange server ${i + 1} roles`} value={s.roles} onChange={(roles) => setServer(i, { roles })} placeholder="Mailbox, UM, UMCallRouter" />
                  </td>
                  <td className="center">
                    <input
                      type="checkbox"
                      aria-label={`Exchange server ${i + 1} hosts a SipName dial plan`}
                      checked={s.hostsSipNameDialPlan ?? false}
                      onChange={(e) => setServer(i, { hostsSipNameDialPlan: e.target.checked || undefined })}
                    />
                  </td>
                  <td>
                    <button type="button" className="icon-btn" aria-label={`Remove Exchange server ${i + 1}`} onClick={() => set({ exchangeServers: servers.filter((_, j) => j !== i) })}>
                      <Icon name="close" size={12} />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <button type="button" className="btn btn-small" onClick={() => set({ exchangeServers: [...servers, { fqdn: '' }] })}>
          Add Exchange server
        </button>
      </fieldset>

      <fieldset className="section">
        <legend>Lync / Skype for Business pools</legend>
        {pools.length > 0 ? (
          <table className="form-table">
            <thead>
              <tr>
                <th>Pool FQDN</th>
                <th>Version</th>
                <th>Front End servers</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {pools.map((p, i) => (
                <tr key={i}>
                  <td>
                    <TextInput label={`Pool ${i + 1} FQDN`} value={p.fqdn} onChange={(v) => setPool(i, { fqdn: v })} placeholder="pool01.contoso.com" />
                  </td>
                  <td>
                    <Select label={`Pool ${i + 1} version`} value={p.version} options={SFB_VERSIONS} onChange={(v) => setPool(i, { version: (v || undefined) as SfbPool['version'] })} />
                  </td>
                  <td>
                    <ListInput label={`Pool ${i + 1} servers`} value={p.servers} onChange={(list) => setPool(i, { servers: list })} placeholder="fe1.contoso.com, fe2.contoso.com" />
                  </td>
                  <td>
                    <button type="button" className="icon-btn" aria-label={`Remove pool ${i + 1}`} onClick={() => set({ sfbPools: pools.filter((_, j) => j !== i) })}>
                      <Icon name="close" size={12} />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <button type="button" className="btn btn-small" onClick={() => set({ sfbPools: [...pools, { fqdn: '' }] })}>
          Add pool
        </button>
      </fieldset>

      <fieldset className="section">
        <legend>Edge pools</legend>
        {edges.map((p, i) => (
          <div key={i} className="grid-2 edge-block">
            <label className="field">
              <span>Internal FQDN</span>
              <TextInput label={`Edge pool ${i + 1} internal FQDN`} value={p.internalFqdn} onChange={(v) => setEdge(i, { internalFqdn: v })} placeholder="edge-int.contoso.local" />
            </label>
            <label className="field">
              <span>Access Edge FQDN</span>
              <TextInput label={`Edge pool ${i + 1} Access Edge FQDN`} value={p.accessEdgeFqdn} onChange={(v) => setEdge(i, { accessEdgeFqdn: v })} placeholder="sip.contoso.com" />
            </label>
            <label className="field">
              <span>Web Conferencing Edge FQDN</span>
              <TextInput label={`Edge pool ${i + 1} Web Conferencing Edge FQDN`} value={p.webConferencingEdgeFqdn} onChange={(v) => setEdge(i, { webConferencingEdgeFqdn: v })} placeholder="webconf.contoso.com" />
            </label>
            <label className="field">
              <span>A/V Edge FQDN</span>
              <TextInput label={`Edge pool ${i + 1} A/V Edge FQDN`} value={p.avEdgeFqdn} onChange={(v) => setEdge(i, { avEdgeFqdn: v })} placeholder="av.contoso.com" />
            </label>
            <button type="button" className="btn btn-small btn-danger" onClick={() => set({ edgePools: edges.filter((_, j) => j !== i) })}>
              Remove Edge pool {i + 1}
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-small" onClick={() => set({ edgePools: [...edges, {}] })}>
          Add Edge pool
        </button>
      </fieldset>

      <fieldset className="section">
        <legend>Domains</legend>
        <div className="grid-2">
          <label className="field">
            <span>SIP domains</span>
            <ListInput label="SIP domains" value={env.sipDomains} onChange={(list) => set({ sipDomains: list })} placeholder="contoso.com, fabrikam.com" />
          </label>
          <label className="field">
            <span>SMTP domains</span>
            <ListInput label="SMTP domains" value={env.smtpDomains} onChange={(list) => set({ smtpDomains: list })} placeholder="contoso.com" />
          </label>
        </div>
      </fieldset>

      <fieldset className="section">
        <legend>OWA IM</legend>
        <div className="grid-2">
          <label className="field">
            <span>Trusted application pool FQDN</span>
            <TextInput label="OWA trusted application pool FQDN" value={env.owaIm?.trustedApplicationPoolFqdn} onChange={(v) => set({ owaIm: clean({ ...env.owaIm, trustedApplicationPoolFqdn: v }) })} placeholder="mail.contoso.com" />
          </label>
          <label className="field">
            <span>IMServerName (Lync pool)</span>
            <TextInput label="IM server name" value={env.owaIm?.imServerName} onChange={(v) => set({ owaIm: clean({ ...env.owaIm, imServerName: v }) })} placeholder="pool01.contoso.com" />
          </label>
          <label className="field span-2">
            <span>IMCertificateThumbprint as configured (paste it exactly)</span>
            <TextInput label="Configured IM certificate thumbprint" mono value={env.owaIm?.certificateThumbprint} onChange={(v) => set({ owaIm: clean({ ...env.owaIm, certificateThumbprint: v }) })} />
          </label>
        </div>
      </fieldset>

      <fieldset className="section">
        <legend>Exchange AuthConfig</legend>
        <div className="grid-2">
          <label className="field span-2">
            <span>CurrentCertificateThumbprint</span>
            <TextInput label="AuthConfig current thumbprint" mono value={env.authConfig?.currentCertificateThumbprint} onChange={(v) => set({ authConfig: clean({ ...env.authConfig, currentCertificateThumbprint: v }) })} />
          </label>
          <label className="field span-2">
            <span>NextCertificateThumbprint</span>
            <TextInput label="AuthConfig next thumbprint" mono value={env.authConfig?.nextCertificateThumbprint} onChange={(v) => set({ authConfig: clean({ ...env.authConfig, nextCertificateThumbprint: v }) })} />
          </label>
        </div>
      </fieldset>

      <fieldset className="section">
        <legend>Trusted internal roots</legend>
        <p className="muted small">
          {(env.trustedRoots ?? []).length} root{(env.trustedRoots ?? []).length === 1 ? '' : 's'}. Paste PEM certificates of your internal root CAs
          (certificates only — never keys).
        </p>
        <textarea
          className="mono"
          rows={4}
          aria-label="Trusted roots as PEM"
          spellCheck={false}
          defaultValue={(env.trustedRoots ?? []).join('\n')}
          key={env.name}
          onBlur={(e) => {
            const blocks = e.target.value.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
            set({ trustedRoots: blocks.map((b) => b.trim() + '\n') });
          }}
        />
      </fieldset>
    </section>
  );
}
