// Plan: when each open certificate (and each bound certificate of the estate) must be renewed,
// why, the steps and the servers — the core's plan (shared/renewal), run in the worker; saved
// as a calendar or CSV through the platform.
import { Untrusted, Visible } from '../components/Untrusted.js';
import { forPeople } from '../../shared/words/forPeople.js';
import { useEffect, useState } from 'react';
import type { PlanEntry } from '../../shared/renewal/planTypes.js';
import { useServices } from '../components/context.js';
import type { OpenDocumentsViewProps } from './openDocumentsViewProps.js';
import { loadPlan } from './loadPlan.js';
import type { PlanReply } from '../worker/renewalWorker.js';
import '../styles/renewal.css';

const STATE: Record<PlanEntry['state'], string> = { expired: 'Expired', overdue: 'Overdue', 'due-soon': 'Due soon', planned: 'Planned' };

export function PlanView({ documents, role, environment, trustedDocIds = [] }: OpenDocumentsViewProps) {
  const { worker, now, platform, notify } = useServices();
  const [reply, setReply] = useState<PlanReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const docIds = documents.filter((d) => d.summary.certificates.length > 0).map((d) => d.docId);
  const key = `${docIds.join(',')}|${[...trustedDocIds].sort().join(',')}`;

  useEffect(() => {
    let cancelled = false;
    setError(null);
    loadPlan(worker, { docIds, role, environment, atIso: now().toISOString(), trustedDocIds }).then(
      (planned) => !cancelled && setReply(planned),
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
    };
    // key stands for the open documents and the roots trusted for the session
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, role, environment, worker, now]);

  const save = async (data: string, suggestedName: string, mimeType: string) => {
    const saved = await platform.saveFile({ suggestedName, data, mimeType });
    if (saved) notify(`Saved to ${saved.where}`);
  };

  const entries = reply?.plan.entries ?? [];
  return (
    <section className="tool-view" aria-label="Renewal plan">
      <div className="view-head">
        <h2>Renewal plan</h2>
        <div className="plan-actions">
          {reply?.ics ? (
            <button type="button" className="btn btn-small" onClick={() => void save(reply.ics!, 'certbench-renewals.ics', 'text/calendar')}>
              Save calendar
            </button>
          ) : null}
          {reply?.csv ? (
            <button type="button" className="btn btn-small" onClick={() => void save(reply.csv!, 'certbench-renewals.csv', 'text/csv')}>
              Save CSV
            </button>
          ) : null}
        </div>
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {!reply && !error ? <p className="muted">Planning…</p> : null}
      {reply && entries.length === 0 ? <p>Open certificates or an estate snapshot: the plan shows when each must be renewed and how.</p> : null}
      {entries.length > 0 ? <Timeline entries={entries} /> : null}
      <ol className="plan-list">
        {entries.map((e) => (
          <li key={`${e.thumbprint}-${e.role}`} className={`plan-entry plan-${e.state}`}>
            <div>
              <strong data-testid="renew-by">{e.renewBy}</strong> · {STATE[e.state]} · <Untrusted text={e.subject} /> <span className="muted small mono">{e.thumbprint}</span>
            </div>
            <div className="small">
              {e.roleTitle}
              {e.use ? ` — ${e.use}` : ''}; expires {e.notAfter.slice(0, 10)}; from {e.source}
            </div>
            <p className="small">
              <Visible text={forPeople(e.why)} />
            </p>
            {e.staging ? <p className="small">Takes over: <span className="mono">{e.staging.how}</span></p> : null}
            {e.nextLifetime ? <p className="small"><Visible text={forPeople(e.nextLifetime.why)} /></p> : null}
            <ol className="small">
              {e.steps.map((s, i) => (
                <li key={i}>
                  <Visible text={forPeople(s.text)} />
                  {s.powershell ? <div className="mono">{s.powershell}</div> : null}
                </li>
              ))}
            </ol>
            {e.servers.length ? <div className="small">Servers: <Untrusted text={e.servers.join(', ')} /></div> : null}
          </li>
        ))}
      </ol>
      {reply?.plan.notes.map((n, i) => (
        <p key={i} className="muted small">
          <Visible text={forPeople(n)} />
        </p>
      ))}
    </section>
  );
}

/** A timeline: one mark per renew-by date between the first and the last. */
function Timeline({ entries }: { entries: readonly PlanEntry[] }) {
  const times = entries.map((e) => Date.parse(`${e.renewBy}T00:00:00Z`));
  const min = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - min);
  return (
    <svg className="plan-timeline" viewBox="0 0 1000 44" role="img" aria-label={`Renewals from ${entries[0]!.renewBy} to ${entries[entries.length - 1]!.renewBy}`}>
      <line x1="10" y1="18" x2="990" y2="18" stroke="currentColor" strokeWidth="1" />
      <text x="10" y="38" className="plan-axis">{entries[0]!.renewBy}</text>
      {entries.length > 1 ? (
        <text x="990" y="38" textAnchor="end" className="plan-axis">
          {entries[entries.length - 1]!.renewBy}
        </text>
      ) : null}
      {entries.map((e, i) => (
        <circle key={i} cx={10 + ((times[i]! - min) / span) * 980} cy="18" r="6" className={`plan-dot plan-${e.state}`}>
          <title>{`${e.renewBy}: ${e.subject}`}</title>
        </circle>
      ))}
    </svg>
  );
}
