// The report's choice of files. Memoised, so typing a title or a customer name does not redraw
// 1,100 check boxes. A long list is folded to one line ("1,100 of 1,100 files — Change…") and,
// unfolded, is a bounded scroll box: either way the preview's summary stays on the first screen.
import { memo, useState } from 'react';
import { Untrusted } from '../components/Untrusted.js';
import type { Verdict } from '../../shared/rules/engine/status.js';
import type { OpenDocument } from '../state/workbench.js';
import '../styles/report.css';

/** Up to this many files are listed as they are; more are folded. */
export const LISTED_AS_IS = 12;

export const ReportFiles = memo(function ReportFiles({
  documents,
  excluded,
  setExcluded,
  verdicts,
}: {
  documents: readonly OpenDocument[];
  excluded: ReadonlySet<string>;
  setExcluded(next: Set<string>): void;
  verdicts: Record<string, Verdict | undefined>;
}) {
  const [unfolded, setUnfolded] = useState(false);
  const long = documents.length > LISTED_AS_IS;
  const chosen = long ? documents.filter((d) => !excluded.has(d.docId)).length : 0;
  return (
    <>
      {documents.length > 1 ? (
        <div className="script-actions" role="group" aria-label="Choose files">
          <button type="button" className="btn btn-small" onClick={() => setExcluded(new Set())}>
            All
          </button>
          <button type="button" className="btn btn-small" onClick={() => setExcluded(new Set(documents.map((d) => d.docId)))}>
            None
          </button>
          <button type="button" className="btn btn-small" onClick={() => setExcluded(new Set(documents.filter((d) => verdicts[d.docId] !== 'fail').map((d) => d.docId)))}>
            Only failing
          </button>
          {long ? (
            <>
              <span className="report-docs-count" data-testid="report-docs-count">
                {chosen.toLocaleString('en-US')} of {documents.length.toLocaleString('en-US')} files
              </span>
              <button type="button" className="btn btn-small" aria-expanded={unfolded} onClick={() => setUnfolded(!unfolded)}>
                {unfolded ? 'Hide the list' : 'Change…'}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {documents.length === 0 ? <p className="muted">Open certificates first: the report covers the open files.</p> : null}
      {!long || unfolded ? (
        <ul className={long ? 'report-docs report-docs-long' : 'report-docs'} aria-label="Files in the report">
          {documents.map((d) => (
            <li key={d.docId}>
              <label>
                <input
                  type="checkbox"
                  checked={!excluded.has(d.docId)}
                  onChange={(e) => {
                    const next = new Set(excluded);
                    if (e.target.checked) next.delete(d.docId);
                    else next.add(d.docId);
                    setExcluded(next);
                  }}
                />{' '}
                <Untrusted text={d.fileName} />
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
});
