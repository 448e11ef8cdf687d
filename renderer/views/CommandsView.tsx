// Commands: role and product version as tabs, a monospaced script with copy and "save .ps1",
// and inline warnings where the environment lacks a value the script needs. Every value is
// validated by shared/commands; a hostile one is refused with its sentence, never written.
// The certificate comes from an open file (named on the page) and is checked for the chosen
// role first: one that fails the role is not written into the script.
import { useMemo, useState } from 'react';
import { commandsWithNotices } from '../../shared/commands/commandsFor.js';
import { SCRIPT_EXCHANGE_VERSIONS, SCRIPT_SFB_VERSIONS, resolveOptions, type CommandExchangeVersion, type CommandSfbVersion } from '../../shared/commands/options.js';
import { REQUEST_ROLES, ROLE_PROFILES, type RequestRole } from '../../shared/csr/roles.js';
import { roleServers } from '../../shared/environment/roleServers.js';
import type { Environment } from '../../shared/environment/types.js';
import type { RoleId } from '../../shared/rules/engine/roles.js';
import { CopyButton } from '../components/CopyButton.js';
import { useServices } from '../components/context.js';
import { Icon } from '../components/Icon.js';
import { Untrusted, Visible } from '../components/Untrusted.js';
import { isolatedText } from '../../shared/encoding/invisibleCharacters.js';
import { forPeople } from '../../shared/words/forPeople.js';
import { roleLabel } from '../lib/roles.js';
import { useRoleCheck, type CheckedCertificate, type RoleCheck } from '../lib/useRoleCheck.js';
import type { OpenDocument } from '../state/workbench.js';
import '../styles/workbench.css';

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
/** The Exchange scripts configure one server; the Edge and SfB OAuth ones name none. */
const needsServer = (role: RequestRole) => usesExchange(role);

const TYPED = '\u0000typed';
const NONE = '\u0000none';
const OTHER_SERVER = '\u0000other';

/** The certificate each open file shows, for the certificate picker. */
function openCertificates(documents: readonly OpenDocument[]): CheckedCertificate[] {
  return documents.flatMap((doc) => {
    const cert = doc.summary.certificates[doc.certIndex];
    return cert ? [{ docId: doc.docId, certIndex: doc.certIndex, fileName: doc.fileName, name: cert.name, thumbprint: cert.thumbprint }] : [];
  });
}

function GateNotice({ check, role, certificate }: { check: RoleCheck; role: RequestRole; certificate: CheckedCertificate | null }) {
  if (check.state === 'none') return null;
  if (check.state === 'checking') {
    return (
      <p className="gate gate-checking muted" data-testid="certificate-gate" aria-busy="true">
        Checking <Untrusted text={certificate?.name ?? ''} /> for {roleLabel(role)}…
      </p>
    );
  }
  if (check.state === 'error') {
    return (
      <p className="gate gate-warn" data-testid="certificate-gate" data-gate="error">
        <Icon name="warn" size={13} /> The certificate could not be checked for {roleLabel(role)}: {forPeople(check.message)}
      </p>
    );
  }
  const { gate } = check;
  return (
    <div className={`gate gate-${gate.state}`} data-testid="certificate-gate" data-gate={gate.state} role={gate.state === 'fail' ? 'alert' : undefined}>
      <p>
        <Icon name={gate.state === 'fail' ? 'error' : gate.state === 'warn' ? 'warn' : 'pass'} size={13} /> <Visible text={gate.sentence} />
      </p>
      {gate.reasons.length > 0 ? (
        <ul>
          {gate.reasons.map((r) => (
            <li key={r}>
              <Visible text={forPeople(r)} />
            </li>
          ))}
        </ul>
      ) : null}
      {gate.state === 'fail' ? (
        <p>
          Choose another certificate above{role === 'exchange-auth' ? ', or “No certificate” to have the script create a new Auth certificate' : ', or type the thumbprint of one that passes'}. The findings for this role
          are on the workbench when you select the file with this role.
        </p>
      ) : null}
    </div>
  );
}

export function CommandsView({
  environment,
  initialRole,
  documents = [],
  selectedDocId = null,
  trustedDocIds = [],
}: {
  environment: Environment;
  initialRole?: RoleId;
  documents?: readonly OpenDocument[];
  selectedDocId?: string | null;
  /** Open files trusted for checks in this session (the workbench state's): the gate's chain honours them. */
  trustedDocIds?: readonly string[];
}) {
  const { platform, notify } = useServices();
  const [role, setRole] = useState<RequestRole>(initialRole && (REQUEST_ROLES as readonly string[]).includes(initialRole) ? (initialRole as RequestRole) : 'exchange-um');
  // ---- the server: the environment's matching servers, or one typed in
  const servers = useMemo(() => roleServers(role, environment), [role, environment]);
  const [serverChoice, setServerChoice] = useState<string | null>(null);
  const [typedServer, setTypedServer] = useState('');
  const chosenServer = serverChoice !== null && (serverChoice === OTHER_SERVER || servers.some((s) => s.fqdn === serverChoice)) ? serverChoice : (servers[0]?.fqdn ?? OTHER_SERVER);
  const server = chosenServer === OTHER_SERVER ? typedServer.trim() : chosenServer;

  const defaults = useMemo(() => {
    try {
      // The chosen server's version from the environment, so the script is written for the server it targets.
      return resolveOptions({ role, environment, ...(server ? { server } : {}) });
    } catch {
      return null;
    }
  }, [role, environment, server]);
  const [exchangeVersion, setExchangeVersion] = useState<CommandExchangeVersion | null>(null);
  const [sfbVersion, setSfbVersion] = useState<CommandSfbVersion | null>(null);
  const exVersion = exchangeVersion ?? defaults?.exchangeVersion ?? '2016';
  const lyncVersion = sfbVersion ?? defaults?.sfbVersion ?? 'SfB2015';

  // ---- the certificate: an open file's, or a typed thumbprint (looked up among the open files)
  const certificates = useMemo(() => openCertificates(documents), [documents]);
  const [certChoice, setCertChoice] = useState<string>(() => (certificates.some((c) => c.docId === selectedDocId) ? selectedDocId! : certificates.length > 0 ? certificates[0]!.docId : TYPED));
  // A file selected (or opened) while the page is shown becomes the certificate.
  const [followed, setFollowed] = useState(selectedDocId);
  if (followed !== selectedDocId) {
    setFollowed(selectedDocId);
    if (certificates.some((c) => c.docId === selectedDocId)) setCertChoice(selectedDocId!);
  }
  const [typedThumb, setTypedThumb] = useState('');
  const typedClean = typedThumb.replace(/[^0-9A-Fa-f]/g, '').toUpperCase();
  const certificate =
    certChoice === TYPED
      ? (certificates.find((c) => c.thumbprint === typedClean) ?? null)
      : certChoice === NONE
        ? null
        : (certificates.find((c) => c.docId === certChoice) ?? null);
  const thumb = certChoice === NONE ? '' : certChoice === TYPED ? typedThumb : (certificate?.thumbprint ?? '');
  const check = useRoleCheck(certificate, role, environment, trustedDocIds);
  const blocked = check.state === 'checking' || (check.state === 'done' && check.gate.state === 'fail');

  const outcome = useMemo(() => {
    try {
      const options = {
        role,
        environment,
        exchangeVersion: exVersion,
        sfbVersion: lyncVersion,
        ...(server ? { server } : {}),
        ...(thumb.trim() ? { thumbprint: thumb } : {}),
      };
      const resolved = resolveOptions(options);
      const warnings: string[] = [];
      if (!resolved.thumbprint && role !== 'exchange-auth') warnings.push('No certificate chosen: the script uses a placeholder. Choose an open file or type its thumbprint.');
      if (certChoice === TYPED && resolved.thumbprint && !certificate)
        warnings.push(`That thumbprint is not among the open files, so CertBench has not checked it for ${roleLabel(role)}. Open the certificate to have it checked.`);
      if (!resolved.server && needsServer(role)) warnings.push('No server chosen: name the server the script configures, or list it in the environment.');
      if (usesExchange(role) && resolved.exchangeVersionAssumed && exchangeVersion === null) warnings.push(`The environment does not say which Exchange version runs; Exchange ${resolved.exchangeVersion} is assumed.`);
      if (usesLync(role) && resolved.sfbVersionAssumed && sfbVersion === null) warnings.push(`The environment does not say which Lync / Skype for Business version runs; ${resolved.sfbVersion} is assumed.`);
      if (role === 'owa-im' && !environment.owaIm?.trustedApplicationPoolFqdn) warnings.push('The environment has no OWA trusted application pool FQDN (Environment ▸ OWA IM).');
      if (role === 'edge-external' && !(environment.edgePools ?? []).some((p) => p.accessEdgeFqdn)) warnings.push('The environment has no Edge pool with an Access Edge FQDN.');
      // The script's own warnings (restarts that drop calls or sessions, servers that need their own script).
      const { script, notices } = commandsWithNotices(options);
      return { script, warnings, notices, error: null as string | null };
    } catch (error) {
      return { script: '', warnings: [], notices: [] as string[], error: (error as Error).message };
    }
  }, [role, environment, exVersion, lyncVersion, server, thumb, exchangeVersion, sfbVersion, certChoice, certificate]);

  return (
    <section className="tool-view commands-view" aria-label="Commands">
      <h2>Commands</h2>
      <p className="muted">The PowerShell that imports and assigns the certificate for a role, with checks after each step. Read it before you run it.</p>
      <div className="control-row">
        <Tabs<RequestRole> label="Role" values={REQUEST_ROLES} value={role} onChange={setRole} format={roleLabel} />
      </div>
      <div className="control-row">
        {usesExchange(role) ? <Tabs<CommandExchangeVersion> label="Exchange version" values={SCRIPT_EXCHANGE_VERSIONS} value={exVersion} onChange={setExchangeVersion} format={(v) => `Exchange ${v}`} /> : null}
        {usesLync(role) ? <Tabs<CommandSfbVersion> label="Lync / SfB version" values={SCRIPT_SFB_VERSIONS} value={lyncVersion} onChange={setSfbVersion} /> : null}
      </div>
      <div className="control-row">
        <label className="field">
          <span>Certificate</span>
          <select aria-label="Certificate" value={certChoice} onChange={(e) => setCertChoice(e.target.value)}>
            {certificates.map((c) => (
              <option key={c.docId} value={c.docId}>
                {isolatedText(c.name)} — {isolatedText(c.fileName)}
              </option>
            ))}
            <option value={TYPED}>Type a thumbprint…</option>
            <option value={NONE}>{role === 'exchange-auth' ? 'No certificate: the script creates a new one' : 'No certificate yet (placeholder)'}</option>
          </select>
        </label>
        {certChoice === TYPED ? (
          <label className="field">
            <span>Thumbprint</span>
            <input type="text" className="mono" value={typedThumb} onChange={(e) => setTypedThumb(e.target.value)} placeholder="40 hex characters" spellCheck={false} aria-label="Certificate thumbprint" />
          </label>
        ) : null}
        {needsServer(role) ? (
          <>
            {servers.length > 0 ? (
              <label className="field">
                <span>Server</span>
                <select aria-label="Server from the environment" value={chosenServer} onChange={(e) => setServerChoice(e.target.value)}>
                  {servers.map((s) => (
                    <option key={s.fqdn} value={s.fqdn}>
                      {isolatedText(s.fqdn)} — {s.why}
                    </option>
                  ))}
                  <option value={OTHER_SERVER}>Another server…</option>
                </select>
              </label>
            ) : null}
            {chosenServer === OTHER_SERVER ? (
              <label className="field">
                <span>Server FQDN</span>
                <input type="text" value={typedServer} onChange={(e) => setTypedServer(e.target.value)} placeholder="server FQDN, for example ex1.contoso.com" spellCheck={false} aria-label="Server FQDN" />
              </label>
            ) : null}
          </>
        ) : null}
      </div>
      {certificate ? (
        <p className="thumbprint-source small" data-testid="thumbprint-source">
          Thumbprint <span className="mono">{certificate.thumbprint}</span> from{' '}
          <strong>
            <Untrusted text={certificate.fileName} />
          </strong>{' '}
          (<Untrusted text={certificate.name} />)
        </p>
      ) : null}
      <GateNotice check={check} role={role} certificate={certificate} />
      {outcome.warnings.length > 0 ? (
        <ul className="inline-warnings" aria-label="What the script is missing">
          {outcome.warnings.map((w) => (
            <li key={w}>
              <Icon name="warn" size={13} /> {w}
            </li>
          ))}
        </ul>
      ) : null}
      {outcome.notices.length > 0 && !outcome.error ? (
        <ul className="inline-warnings" aria-label="Before you run the script" data-testid="script-notices">
          {outcome.notices.map((n) => (
            <li key={n}>
              <Icon name="warn" size={13} /> {n}
            </li>
          ))}
        </ul>
      ) : null}
      {outcome.error ? (
        <p className="form-error" role="alert">
          <Icon name="error" size={13} /> {forPeople(outcome.error)}
        </p>
      ) : blocked ? null : (
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
