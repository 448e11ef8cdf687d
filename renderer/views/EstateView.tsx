// The Estate: certificates as the servers use them. Open a snapshot (what the collector wrote)
// or paste what a server printed; the worker imports, merges and audits it with the core, and
// this view shows the estate findings (fix first), the servers × certificates matrix, a
// server's page, a certificate's page, and what was read from each input.
import { useCallback, useMemo, useState } from 'react';
import type { Environment } from '../../shared/environment/types.js';
import type { EstateAudit } from '../../shared/estate/auditTypes.js';
import { useServices } from '../components/context.js';
import { Icon } from '../components/Icon.js';
import { VerdictBadge } from '../components/StatusBadge.js';
import { EstateFindingList, EstateFindingPage } from '../estate/EstateFindings.js';
import { EstateMatrix } from '../estate/EstateMatrix.js';
import { CertificatePage, ServerPage } from '../estate/EstatePages.js';
import { EstateSources } from '../estate/EstateSources.js';
import { ServerOutputBox } from '../estate/ServerOutputBox.js';
import { indexEstate, orderedFindings } from '../estate/estateIndex.js';
import { ESTATE_LOCALES } from '../estate/locales.js';
import { useEstate } from '../estate/useEstate.js';
import type { OpenDocument } from '../state/workbench.js';
import '../styles/estate.css';

type Page = { kind: 'overview' } | { kind: 'server'; fqdn: string } | { kind: 'certificate'; key: string } | { kind: 'finding'; index: number };

export interface EstateViewProps {
  documents: readonly OpenDocument[];
  /** The active environment: its trusted roots are trusted by the audit, as in the workbench. */
  environment: Environment;
  /** The roots marked "Trust this root" for the session, as the inspector uses them. */
  trustedDocIds?: readonly string[];
  /** Bumped when opened files joined the estate. */
  revision: number;
  onOpen(): void;
  onSelectDocument(docId: string, certIndex: number): void;
  onUseEnvironment(environment: Environment): void;
}

const NO_ROOTS: readonly string[] = [];

export function EstateView({ documents, environment, trustedDocIds = NO_ROOTS, revision, onOpen, onSelectDocument, onUseEnvironment }: EstateViewProps) {
  const { worker, platform, notify, now } = useServices();
  const [at] = useState(now);
  const [page, setPage] = useState<Page>({ kind: 'overview' });
  const onError = useCallback((message: string) => notify(message, 'error'), [notify]);
  const docIds = useMemo(() => documents.map((d) => d.docId), [documents]);
  const estate = useEstate(worker, at, docIds, environment.trustedRoots ?? NO_ROOTS, trustedDocIds, revision, onError);
  const state = estate.state;
  const audit = state?.audit ?? null;
  const index = useMemo(() => (audit ? indexEstate(audit) : null), [audit]);
  const findings = useMemo(() => (audit ? orderedFindings(audit.estateFindings) : []), [audit]);
  const openUrl = (url: string) => void platform.openExternal(url);
  const hasSources = (state?.sources.length ?? 0) > 0;

  const exportReport = async (format: 'html' | 'json' | 'md' | 'csv') => {
    try {
      const report = await worker.estateReport(format, {}, estate.context());
      const saved = await platform.saveFile({ suggestedName: report.fileName, data: report.text, mimeType: report.mimeType });
      if (saved) notify(`Saved to ${saved.where}`);
    } catch (error) {
      notify((error as Error).message, 'error');
    }
  };

  const useAsEnvironment = () => {
    if (!state?.environment) return;
    const name = state.environment.name ?? state.snapshot?.organization ?? 'Estate';
    onUseEnvironment({ ...state.environment, name });
    notify(`“${name}” is now your environment: the checks use the servers, pools and settings of the estate.`);
  };

  const verdictCounts = audit
    ? audit.servers.reduce(
        (acc, s) => {
          for (const c of s.certificates) acc[c.verdict]++;
          return acc;
        },
        { pass: 0, warn: 0, fail: 0 },
      )
    : null;

  let body: React.ReactNode;
  if (!state) {
    body = <p className="muted" aria-live="polite">Reading the estate…</p>;
  } else if (!hasSources) {
    body = (
      <div className="estate-empty">
        <p>
          See every server&apos;s certificates at once, and what points at them: AuthConfig, OWA IM, connectors, Get-CsCertificate. Open the snapshot the
          collector script wrote, or paste what Get-ExchangeCertificate, Get-AuthConfig, Get-CsCertificate or certutil printed.
        </p>
        <p>
          <button type="button" className="btn btn-primary" onClick={onOpen}>
            <Icon name="open" size={14} /> Open a snapshot…
          </button>
        </p>
        <ServerOutputBox options={state.options} locales={ESTATE_LOCALES} busy={estate.busy} onAdd={(text) => estate.paste('Pasted text', text).then(() => undefined)} onOptions={(o) => void estate.setOptions(o)} />
      </div>
    );
  } else if (page.kind === 'finding' && audit && findings[page.index]) {
    body = (
      <EstateFindingPage
        finding={findings[page.index]!}
        onServer={(fqdn) => setPage({ kind: 'server', fqdn: resolveServer(audit, fqdn) })}
        onCertificate={(key) => setPage({ kind: 'certificate', key })}
        onOpenUrl={openUrl}
      />
    );
  } else if (page.kind === 'server' && audit) {
    body = (
      <ServerPage
        audit={audit}
        fqdn={page.fqdn}
        at={at}
        onCertificate={(key) => setPage({ kind: 'certificate', key })}
        onFinding={(i) => setPage({ kind: 'finding', index: findings.indexOf(audit.estateFindings[i]!) })}
        onOpenUrl={openUrl}
      />
    );
  } else if (page.kind === 'certificate' && audit) {
    body = (
      <CertificatePage
        audit={audit}
        snapshot={state.snapshot}
        certKey={page.key}
        at={at}
        documents={documents}
        onServer={(fqdn) => setPage({ kind: 'server', fqdn })}
        onFinding={(i) => setPage({ kind: 'finding', index: findings.indexOf(audit.estateFindings[i]!) })}
        onSelectDocument={onSelectDocument}
        onOpenUrl={openUrl}
      />
    );
  } else {
    body = (
      <>
        {state.error ? (
          <p className="form-error" role="alert">
            {state.error}
          </p>
        ) : null}
        {audit && index ? (
          <>
            <section aria-label="Estate findings" className="estate-section">
              <h3>
                Estate findings <span className="count">{findings.filter((f) => f.status !== 'pass' && f.status !== 'not_applicable').length}</span>
              </h3>
              <EstateFindingList findings={findings} onOpen={(i) => setPage({ kind: 'finding', index: i })} />
            </section>
            <section aria-label="Servers and certificates" className="estate-section">
              <h3>Servers × certificates</h3>
              <p className="muted small">
                Letters as Get-ExchangeCertificate prints its Services: I IMAP · P POP · U UM · W IIS · S SMTP · F Federation · C UM Call Router (· for none).
                Skype for Business cells show the Get-CsCertificate uses.
              </p>
              <EstateMatrix audit={audit} index={index} at={at} onServer={(fqdn) => setPage({ kind: 'server', fqdn })} onCertificate={(key) => setPage({ kind: 'certificate', key })} />
            </section>
            {audit.errors.length > 0 ? (
              <section aria-label="What the collector could not read" className="estate-section">
                <h3>Not collected</h3>
                <ul className="estate-notes">
                  {audit.errors.map((e, i) => (
                    <li key={i} className="estate-note estate-note-warn">
                      <Icon name="warn" size={12} /> {e.server ? `${e.server} · ` : ''}
                      {e.step}: {e.message}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        ) : null}
        <section aria-label="Inputs" className="estate-section">
          <h3>What CertBench read</h3>
          <EstateSources state={state} locales={ESTATE_LOCALES} onRemove={(id) => void estate.remove(id)} onOptions={(o) => void estate.setOptions(o)} />
          <details className="estate-add">
            <summary>Add more server output</summary>
            <ServerOutputBox options={state.options} locales={ESTATE_LOCALES} busy={estate.busy} onAdd={(text) => estate.paste('Pasted text', text).then(() => undefined)} onOptions={(o) => void estate.setOptions(o)} />
          </details>
        </section>
      </>
    );
  }

  return (
    <section className="tool-view estate-view" aria-label="Estate" aria-busy={estate.busy}>
      <div className="view-head">
        <h2>Estate{state?.snapshot?.organization ? ` · ${state.snapshot.organization}` : ''}</h2>
        {hasSources ? (
          <div className="view-actions estate-actions">
            <button type="button" className="btn btn-small" onClick={onOpen}>
              <Icon name="open" size={13} /> Open…
            </button>
            <button type="button" className="btn btn-small" onClick={useAsEnvironment} disabled={!state?.environment}>
              <Icon name="server" size={13} /> Use as my environment
            </button>
            <button type="button" className="btn btn-small" onClick={() => void exportReport('html')} disabled={!audit}>
              <Icon name="report" size={13} /> Export HTML report
            </button>
            <span className="estate-more-formats">
              {(
                [
                  ['csv', 'CSV'],
                  ['md', 'Markdown'],
                  ['json', 'JSON'],
                ] as const
              ).map(([format, label]) => (
                <button key={format} type="button" className="btn btn-small" onClick={() => void exportReport(format)} disabled={!audit} aria-label={`Export ${label} report`}>
                  {label}
                </button>
              ))}
            </span>
            <button type="button" className="btn btn-small btn-danger" onClick={() => (setPage({ kind: 'overview' }), void estate.clear())}>
              Clear
            </button>
          </div>
        ) : null}
      </div>
      {estate.busy ? (
        <p className="busy" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> Reading and checking the estate…
        </p>
      ) : null}
      {audit && verdictCounts ? (
        <p className="estate-summary" data-testid="estate-summary">
          <VerdictBadge verdict={audit.verdict} /> {audit.servers.length} server{audit.servers.length === 1 ? '' : 's'} ·{' '}
          {index?.all.length ?? 0} certificate{index?.all.length === 1 ? '' : 's'} · certificates on servers: {verdictCounts.fail} fail, {verdictCounts.warn} warn, {verdictCounts.pass} pass{audit.collectedAt ? ` · collected ${audit.collectedAt.slice(0, 16).replace('T', ' ')}` : ''}
        </p>
      ) : null}
      {page.kind !== 'overview' && hasSources ? (
        <nav className="estate-crumbs" aria-label="Estate navigation">
          <button type="button" className="btn btn-small" onClick={() => setPage({ kind: 'overview' })}>
            ← Estate overview
          </button>
        </nav>
      ) : null}
      {body}
    </section>
  );
}

/** A finding may name a server by its short name; the pages go by FQDN. */
function resolveServer(audit: EstateAudit, name: string): string {
  const lower = name.toLowerCase();
  return audit.servers.find((s) => s.fqdn.toLowerCase() === lower || s.name.toLowerCase() === lower)?.fqdn ?? name;
}
