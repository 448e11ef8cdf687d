// Compare: the certificate in service and its renewal side by side, with the verdict "drop-in
// replacement for this role?" — the core's diff (shared/renewal), run in the worker.
import { Untrusted, Visible } from '../components/Untrusted.js';
import { isolatedText } from '../../shared/encoding/invisibleCharacters.js';
import { forPeople } from '../../shared/words/forPeople.js';
import { useEffect, useState } from 'react';
import type { DiffResult, Impact } from '../../shared/renewal/diffTypes.js';
import { ROLE_TITLES } from '../../shared/rules/engine/roles.js';
import { useServices } from '../components/context.js';
import type { OpenDocumentsViewProps } from './openDocumentsViewProps.js';
import type { OpenDocument } from '../state/workbench.js';
import '../styles/renewal.css';

const IMPACT: Record<Impact, string> = { breaks: 'Breaks', review: 'Check', none: 'Same' };

function certificateChoices(documents: readonly OpenDocument[]): { key: string; label: string; docId: string; thumbprint: string }[] {
  return documents
    .filter((d) => d.summary.certificates.length > 0)
    .map((d) => {
      const certIndex = d.summary.primaryIndex >= 0 ? d.summary.primaryIndex : 0;
      const thumbprint = d.summary.certificates[certIndex]!.thumbprint;
      return { key: `${d.docId}:${certIndex}`, label: `${isolatedText(d.fileName)} — ${isolatedText(d.summary.headline)}`, docId: d.docId, thumbprint };
    });
}

export function CompareView({ documents, selectedDocId, role, environment, trustedDocIds = [] }: OpenDocumentsViewProps & { selectedDocId: string | null }) {
  const { worker, now } = useServices();
  const choices = certificateChoices(documents);
  const firstIndex = Math.max(0, choices.findIndex((c) => c.docId === selectedDocId));
  const [older, setOlder] = useState(choices[firstIndex]?.key ?? '');
  const [newer, setNewer] = useState(choices[(firstIndex + 1) % Math.max(1, choices.length)]?.key ?? '');
  const [result, setResult] = useState<DiffResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => setResult(null), [older, newer, role, environment, trustedDocIds]);

  if (choices.length < 2) {
    return (
      <section className="tool-view" aria-label="Compare">
        <h2>Compare with the renewal</h2>
        <p>Open the certificate in service and its renewal (two files), then compare them here: every name, usage, key, issuer and PFX setting side by side, and whether the renewal can simply take the old one's place.</p>
      </section>
    );
  }

  const run = async () => {
    const a = choices.find((c) => c.key === older);
    const b = choices.find((c) => c.key === newer);
    if (!a || !b) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await worker.compare({ docId: a.docId, thumbprint: a.thumbprint }, { docId: b.docId, thumbprint: b.thumbprint }, role, environment, now().toISOString(), trustedDocIds));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const picker = (label: string, value: string, set: (v: string) => void) => (
    <label className="picker">
      <span>{label}</span>
      <select aria-label={label} value={value} onChange={(e) => set(e.target.value)}>
        {choices.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );

  const ordered = result ? [...result.differences].sort((x, y) => rank(x.impact) - rank(y.impact)) : [];
  return (
    <section className="tool-view" aria-label="Compare">
      <div className="view-head">
        <h2>Compare with the renewal</h2>
      </div>
      <div className="compare-pickers">
        {picker('In service', older, setOlder)}
        {picker('Renewal', newer, setNewer)}
        <button type="button" className="btn btn-primary" disabled={busy || older === newer} onClick={() => void run()}>
          Compare
        </button>
      </div>
      {older === newer ? <p className="muted">Choose two different certificates.</p> : null}
      {error ? <p role="alert">{error}</p> : null}
      {result ? (
        <>
          <div className={`compare-verdict ${result.replacement ? 'is-replacement' : 'is-not-replacement'}`} role="status" data-testid="compare-verdict">
            <strong>Drop-in replacement for {result.roles.filter((r) => r !== 'general' || result.roles.length === 1).map((r) => ROLE_TITLES[r]).join(', ')}: {result.replacement ? 'yes' : 'no'}.</strong>{' '}
            {forPeople(result.because.replace(/^(Yes|No)[:,]\s*/, ''))}
          </div>
          <table className="table" aria-label="Differences">
            <thead>
              <tr>
                <th scope="col">Impact</th>
                <th scope="col">What</th>
                <th scope="col">In service</th>
                <th scope="col">Renewal</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((d, i) => (
                <tr key={`${d.field}-${i}`} className={`impact-${d.impact}`}>
                  <td>{IMPACT[d.impact]}</td>
                  <td>{d.label}</td>
                  <td className="mono small">
                    <Untrusted text={d.old} />
                  </td>
                  <td className="mono small">
                    <Untrusted text={d.new} />
                  </td>
                  <td className="small">
                    <Visible text={forPeople(d.why)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {ordered.length === 0 ? <p>No differences besides the thumbprint.</p> : null}
        </>
      ) : null}
    </section>
  );
}

function rank(impact: Impact): number {
  return impact === 'breaks' ? 0 : impact === 'review' ? 1 : 2;
}
