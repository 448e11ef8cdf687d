// Request designer: pick a role → subject and SAN pre-filled from the environment; edit
// freely; the same rules check the draft live; Generate (../request/GenerateSection.tsx) makes
// the CSR, the encrypted key, the certreq INF and the server-side script with the core's
// generateRequestFiles — the files `certbench request` writes — and says where they went.
import { useEffect, useMemo, useState } from 'react';
import { draftFor, validateDraft, type RequestDraft } from '../../shared/csr/draft.js';
import { OID_CLIENT_AUTH, REQUEST_ROLES, ROLE_PROFILES, type KeyChoice, type RequestRole } from '../../shared/csr/roles.js';
import { SUBJECT_FIELD_ORDER } from '../../shared/csr/subjectFields.js';
import type { Environment } from '../../shared/environment/types.js';
import type { RoleId } from '../../shared/rules/engine/roles.js';
import { useServices } from '../components/context.js';
import { FindingsPanel, type EvaluationState } from '../components/FindingsPanel.js';
import { Icon } from '../components/Icon.js';
import { NotAvailable } from '../components/NotAvailable.js';
import { forPeople } from '../../shared/words/forPeople.js';
import { roleLabel } from '../lib/roles.js';
import { GenerateSection } from '../request/GenerateSection.js';

const profileOf = (draft: RequestDraft) => ROLE_PROFILES[draft.role];

const KEY_LABEL: Record<KeyChoice, string> = { rsa2048: 'RSA 2048', rsa3072: 'RSA 3072', rsa4096: 'RSA 4096', p256: 'ECDSA P-256', p384: 'ECDSA P-384' };

function startDraft(role: RequestRole, environment: Environment, server: string): { draft: RequestDraft; problem: string | null } {
  try {
    return { draft: draftFor(role, environment, server.trim() || undefined), problem: null };
  } catch (error) {
    const p = ROLE_PROFILES[role];
    return {
      draft: { role, product: p.product, commonName: '', dnsNames: [], key: p.defaultKey, allowedKeys: [...p.allowedKeys], exportable: p.exportable, ekus: [...p.ekus], friendlyName: '', notes: [] },
      problem: (error as Error).message,
    };
  }
}

export function RequestDesigner({ environment, initialRole }: { environment: Environment; initialRole?: RoleId }) {
  const { worker, platform } = useServices();
  const [role, setRole] = useState<RequestRole>(initialRole && (REQUEST_ROLES as readonly string[]).includes(initialRole) ? (initialRole as RequestRole) : 'exchange-um');
  const [server, setServer] = useState('');
  const initial = useMemo(() => startDraft(role, environment, server), [role, environment, server]);
  const [draft, setDraft] = useState<RequestDraft>(initial.draft);
  const [sanText, setSanText] = useState(initial.draft.dnsNames.join('\n'));
  useEffect(() => {
    setDraft(initial.draft);
    setSanText(initial.draft.dnsNames.join('\n'));
  }, [initial]);

  const [evaluation, setEvaluation] = useState<EvaluationState>({ state: 'running' });
  const validation = useMemo(() => {
    try {
      return { draft: validateDraft(draft), error: null as string | null };
    } catch (error) {
      return { draft: null, error: (error as Error).message };
    }
  }, [draft]);
  useEffect(() => {
    if (!validation.draft) return;
    let cancelled = false;
    setEvaluation({ state: 'running' });
    const timer = setTimeout(() => {
      worker.checkDraft(validation.draft!, environment, new Date().toISOString()).then(
        (checked) => !cancelled && setEvaluation({ state: 'done', result: checked.evaluation, trust: null }),
        (error: Error) => !cancelled && setEvaluation({ state: 'error', message: error.message }),
      );
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [validation.draft, environment, worker]);



  return (
    <section className="tool-view designer" aria-label="Request designer">
      <div className="designer-form">
        <h2>New request</h2>
        <div className="control-row">
          <label className="field">
            <span>Role</span>
            <select aria-label="Request role" value={role} onChange={(e) => setRole(e.target.value as RequestRole)}>
              {REQUEST_ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Server / name the certificate is for (optional)</span>
            <input type="text" aria-label="Server FQDN for the request" value={server} onChange={(e) => setServer(e.target.value)} placeholder="from the environment" spellCheck={false} />
          </label>
        </div>
        {initial.problem ? (
          <p className="inline-warnings">
            <span>
              <Icon name="warn" size={13} /> {forPeople(initial.problem)}
            </span>
          </p>
        ) : null}
        <label className="field">
          <span>Subject CN</span>
          <input type="text" aria-label="Subject CN" value={draft.commonName} onChange={(e) => setDraft({ ...draft, commonName: e.target.value })} spellCheck={false} />
        </label>
        <label className="field">
          <span>SAN DNS names (one per line)</span>
          <textarea
            aria-label="SAN DNS names"
            className="mono"
            rows={4}
            value={sanText}
            spellCheck={false}
            onChange={(e) => {
              setSanText(e.target.value);
              setDraft({ ...draft, dnsNames: e.target.value.split(/[\s,;]+/).filter(Boolean) });
            }}
          />
        </label>
        <div className="control-row">
          <label className="field">
            <span>Key</span>
            <select aria-label="Key" value={draft.key} onChange={(e) => setDraft({ ...draft, key: e.target.value as KeyChoice })}>
              {draft.allowedKeys.map((k) => (
                <option key={k} value={k}>
                  {KEY_LABEL[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Friendly name</span>
            <input type="text" aria-label="Friendly name" value={draft.friendlyName} onChange={(e) => setDraft({ ...draft, friendlyName: e.target.value })} />
          </label>
        </div>
        <fieldset className="section">
          <legend>Organisation (optional)</legend>
          <div className="grid-2">
            {SUBJECT_FIELD_ORDER.map((f) => (
              <label key={f.key} className="field">
                <span>{f.label}</span>
                <input
                  type="text"
                  aria-label={f.label}
                  value={draft.subjectFields?.[f.key] ?? ''}
                  maxLength={f.key === 'country' ? 2 : 64}
                  onChange={(e) => setDraft({ ...draft, subjectFields: { ...draft.subjectFields, [f.key]: e.target.value } })}
                />
              </label>
            ))}
            <label className="field">
              <span>CA certificate template (optional, for certreq -submit)</span>
              <input
                type="text"
                aria-label="Certificate template"
                placeholder="template name, for example WebServer"
                value={draft.template ?? ''}
                onChange={(e) => setDraft({ ...draft, template: e.target.value })}
              />
            </label>
          </div>
          <div className="control-row">
            <label className="check" title={profileOf(draft).exportable ? 'This role needs an exportable key (every server of the pool gets the same PFX)' : ''}>
              <input type="checkbox" aria-label="Exportable key" checked={draft.exportable} disabled={profileOf(draft).exportable} onChange={(e) => setDraft({ ...draft, exportable: e.target.checked })} />{' '}
              Exportable key
            </label>
            <label className="check">
              <input
                type="checkbox"
                aria-label="Client Authentication"
                checked={draft.ekus.includes(OID_CLIENT_AUTH)}
                onChange={(e) =>
                  setDraft({ ...draft, ekus: e.target.checked ? [...draft.ekus.filter((o) => o !== OID_CLIENT_AUTH), OID_CLIENT_AUTH] : draft.ekus.filter((o) => o !== OID_CLIENT_AUTH) })
                }
              />{' '}
              Client Authentication{ROLE_PROFILES[draft.role].ekus.includes(OID_CLIENT_AUTH) ? ' (the role asks for it)' : ' (the role does not need it)'}
            </label>
          </div>
        </fieldset>
        {draft.notes.length > 0 ? (
          <ul className="notes">
            {draft.notes.map((n) => (
              <li key={n}>{forPeople(n)}</li>
            ))}
          </ul>
        ) : null}
        {validation.error ? (
          <p className="form-error" role="alert">
            <Icon name="error" size={13} /> {forPeople(validation.error)}
          </p>
        ) : null}

        {/* Keyed by role: another role starts with no outputs and empty passphrase fields. */}
        <GenerateSection key={role} draft={validation.draft} />
      </div>
      <div className="designer-side">
        {validation.error ? (
          <NotAvailable title="Fix the draft to see the checks">{forPeople(validation.error)}</NotAvailable>
        ) : (
          <FindingsPanel
            evaluation={evaluation}
            onHighlight={() => undefined}
            onDraft={() => undefined}
            onCommands={() => undefined}
            onOpenUrl={(url) => void platform.openExternal(url)}
            canDraft={false}
            canCommands={false}
          />
        )}
      </div>
    </section>
  );
}
