// Commands: role and product version as tabs, a monospaced script with copy and "save .ps1",
// and inline warnings where the environment lacks a value the script needs. Every value is
// validated by shared/commands; a hostile one is refused with its sentence, never written.
import { useMemo, useState } from 'react';
import { commandsFor } from '../../shared/commands/commandsFor.js';
import { EXCHANGE_VERSIONS, SFB_VERSIONS, resolveOptions, type CommandExchangeVersion, type CommandSfbVersion } from '../../shared/commands/options.js';
import { REQUEST_ROLES, ROLE_PROFILES, type RequestRole } from '../../shared/csr/roles.js';
import type { Environment } from '../../shared/environment/types.js';
import type { RoleId } from '../../shared/rules/engine/roles.js';
import { CopyButton } from '../components/CopyButton.js';
import { useServices } from '../components/context.js';
import { Icon } from '../components/Icon.js';
import { NotAvailable } from '../components/NotAvailable.js';
import { roleLabel } from '../lib/roles.js';

function Tabs<T extends string>({ label, values, value, onChange, format }: { label: string; values: readonly T[]; value: T; onChange(v: T): void; format?: (v: T) => string }) {
  return (
    <div className="segmented" role="tablist" aria-label={label}>
      {values.map((v) => (
        <button key={v} type="button" role="tab" aria-selected={v === value} onClick={() => onChange(v)}>
          {format ? format(v) : v}
        </button>
      ))}
    </div>
  );
}

const usesExchange = (role: RequestRole) => role === 'exchange-um' || role === 'exchange-auth' || role === 'owa-im';
const usesLync = (role: RequestRole) => ROLE_PROFILES[role].product === 'lync' || role === 'owa-im';

export function CommandsView({ available, environment, initialRole, thumbprint }: { available: boolean; environment: Environment; initialRole?: RoleId; thumbprint?: string }) {
  const { platform, notify } = useServices();
  const [role, setRole] = useState<RequestRole>(initialRole && (REQUEST_ROLES as readonly string[]).includes(initialRole) ? (initialRole as RequestRole) : 'exchange-um');
  const defaults = useMemo(() => {
    try {
      return resolveOptions({ role, environment });
    } catch {
      return null;
    }
  }, [role, environment]);
  const [exchangeVersion, setExchangeVersion] = useState<CommandExchangeVersion | null>(null);
  const [sfbVersion, setSfbVersion] = useState<CommandSfbVersion | null>(null);
  const [server, setServer] = useState('');
  const [thumb, setThumb] = useState(thumbprint ?? '');
  const exVersion = exchangeVersion ?? defaults?.exchangeVersion ?? '2016';
  const lyncVersion = sfbVersion ?? defaults?.sfbVersion ?? 'SfB2015';

  const outcome = useMemo(() => {
    try {
      const options = {
        role,
        environment,
        exchangeVersion: exVersion,
        sfbVersion: lyncVersion,
        ...(server.trim() ? { server: server.trim() } : {}),
        ...(thumb.trim() ? { thumbprint: thumb } : {}),
      };
      const resolved = resolveOptions(options);
      const warnings: string[] = [];
      if (!resolved.thumbprint) warnings.push('No thumbprint: the script uses a placeholder. Select the certificate in Documents or paste its thumbprint.');
      if (!resolved.server && role !== 'sfb-oauth') warnings.push('No server given: name the server the script configures, or list it in the environment.');
      if (usesExchange(role) && resolved.exchangeVersionAssumed && exchangeVersion === null) warnings.push(`The environment does not say which Exchange version runs; Exchange ${resolved.exchangeVersion} is assumed.`);
      if (usesLync(role) && resolved.sfbVersionAssumed && sfbVersion === null) warnings.push(`The environment does not say which Lync / Skype for Business version runs; ${resolved.sfbVersion} is assumed.`);
      if (role === 'owa-im' && !environment.owaIm?.trustedApplicationPoolFqdn) warnings.push('The environment has no OWA trusted application pool FQDN (Environment ▸ OWA IM).');
      if (role === 'edge-external' && !(environment.edgePools ?? []).some((p) => p.accessEdgeFqdn)) warnings.push('The environment has no Edge pool with an Access Edge FQDN.');
      return { script: commandsFor(options), warnings, error: null as string | null };
    } catch (error) {
      return { script: '', warnings: [], error: (error as Error).message };
    }
  }, [role, environment, exVersion, lyncVersion, server, thumb, exchangeVersion, sfbVersion]);

  if (!available) {
    return (
      <section className="tool-view" aria-label="Commands">
        <h2>Commands</h2>
        <NotAvailable title="The PowerShell generator is not in this build yet" />
      </section>
    );
  }
  return (
    <section className="tool-view" aria-label="Commands">
      <h2>Commands</h2>
      <p className="muted">The PowerShell that imports and assigns the certificate for a role, with checks after each step. Read it before you run it.</p>
      <div className="control-row">
        <Tabs<RequestRole> label="Role" values={REQUEST_ROLES} value={role} onChange={setRole} format={roleLabel} />
      </div>
      <div className="control-row">
        {usesExchange(role) ? <Tabs<CommandExchangeVersion> label="Exchange version" values={EXCHANGE_VERSIONS} value={exVersion} onChange={setExchangeVersion} format={(v) => `Exchange ${v}`} /> : null}
        {usesLync(role) ? <Tabs<CommandSfbVersion> label="Lync / SfB version" values={SFB_VERSIONS} value={lyncVersion} onChange={setSfbVersion} /> : null}
      </div>
      <div className="control-row">
        <label className="field">
          <span>Server FQDN</span>
          <input type="text" value={server} onChange={(e) => setServer(e.target.value)} placeholder={defaults?.server ?? 'ex1.contoso.com'} spellCheck={false} aria-label="Server FQDN" />
        </label>
        <label className="field">
          <span>Thumbprint</span>
          <input type="text" className="mono" value={thumb} onChange={(e) => setThumb(e.target.value)} placeholder="40 hex characters" spellCheck={false} aria-label="Certificate thumbprint" />
        </label>
      </div>
      {outcome.warnings.length > 0 ? (
        <ul className="inline-warnings" aria-label="What the script is missing">
          {outcome.warnings.map((w) => (
            <li key={w}>
              <Icon name="warn" size={13} /> {w}
            </li>
          ))}
        </ul>
      ) : null}
      {outcome.error ? (
        <p className="form-error" role="alert">
          <Icon name="error" size={13} /> {outcome.error}
        </p>
      ) : (
        <>
          <div className="script-actions">
            <CopyButton text={outcome.script} label="Copy script" what="script" />
            <button
              type="button"
              className="btn btn-small"
              onClick={async () => {
                const saved = await platform.saveFile({ suggestedName: `certbench-${role}.ps1`, data: outcome.script.replace(/\r?\n/g, '\r\n'), mimeType: 'text/plain' });
                if (saved) notify(`Saved to ${saved.where}`);
              }}
            >
              Save .ps1
            </button>
          </div>
          <pre className="mono script" data-testid="script" tabIndex={0}>
            {outcome.script}
          </pre>
        </>
      )}
    </section>
  );
}
