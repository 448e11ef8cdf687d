// Troubleshoot: paste an event entry, an error message or a code and see the certificate
// problems that cause it, ranked — the core's symptom search over the rule catalogue, run in
// the worker. Causes the open certificates (or the estate) actually show come first.
import { Untrusted, Visible } from '../components/Untrusted.js';
import { forPeople } from '../../shared/words/forPeople.js';
import { useState } from 'react';
import type { WhyResult } from '../../shared/troubleshoot/why.js';
import { useServices } from '../components/context.js';
import type { OpenDocumentsViewProps } from './openDocumentsViewProps.js';
import { loadTroubleshoot } from './loadTroubleshoot.js';
import '../styles/renewal.css';

export function TroubleshootView({ documents, role, environment, trustedDocIds = [] }: OpenDocumentsViewProps) {
  const { worker, now } = useServices();
  const [text, setText] = useState('');
  const [result, setResult] = useState<WhyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const atIso = now().toISOString();
      const docIds = documents.filter((d) => d.summary.certificates.length > 0).map((d) => d.docId);
      setResult(await loadTroubleshoot(worker, { text, docIds, role, environment, atIso, trustedDocIds }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="tool-view" aria-label="Troubleshoot">
      <div className="view-head">
        <h2>Troubleshoot a symptom</h2>
      </div>
      <p className="muted">Paste an event log entry, an error message or a code — Event 1344, 32263, 0x800B010F, ms-diagnostics: 1010, 451 5.7.3 STARTTLS is required…</p>
      <form
        className="troubleshoot-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <textarea aria-label="Symptom" rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder="Event 1344" />
        <button type="submit" className="btn btn-primary" disabled={busy || !text.trim()}>
          Find the cause
        </button>
      </form>
      {error ? <p role="alert">{error}</p> : null}
      {result && result.causes.length === 0 ? <p role="status">No rule names this. Try the event id or the error code alone.</p> : null}
      {result && result.causes.length > 0 ? (
        <ol className="causes" aria-label="Causes">
          {result.causes.map((c) => {
            const seen = c.shownBy.filter((s) => s.status === 'error' || s.status === 'warn' || s.status === 'fatal');
            return (
              <li key={c.ruleId} className="cause" data-rule={c.ruleId}>
                <div>
                  <strong>{forPeople(c.title)}</strong> <span className="muted small mono">{c.ruleId}</span>
                  {c.unconfirmed ? <span className="muted small"> · reported, not documented</span> : null}
                </div>
                {seen.map((s, i) => (
                  <p key={i} className="cause-seen">
                    Seen in <Untrusted text={s.source} />: <Visible text={forPeople(s.title)} /> — <Visible text={forPeople(s.detail)} />
                  </p>
                ))}
                <dl className="small">
                  <dt>Matches</dt>
                  <dd>{c.matched.join(', ')}</dd>
                  <dt>Check</dt>
                  <dd>{forPeople(c.check)}</dd>
                  <dt>Open or paste</dt>
                  <dd>{forPeople(c.open)}</dd>
                  <dt>Fix</dt>
                  <dd>{forPeople(seen.find((s) => s.fix)?.fix ?? c.fix)}</dd>
                </dl>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
