// Centre pane: tabs Overview / Extensions / Chain / Raw for the selected file.
import { useState } from 'react';
import { certificateBaseName } from '../../shared/x509/fileName.js';
import { toPem } from '../lib/document.js';
import type { DocumentDetails } from '../worker/protocol.js';
import { ChainTab } from './ChainTab.js';
import { TrustRootToggle, type TrustMarks } from './TrustRootToggle.js';
import { ExtensionsTab } from './ExtensionsTab.js';
import { Overview } from './Overview.js';
import { RawTab } from './RawTab.js';
import { MakePfx } from './MakePfx.js';
import { RequestOverview } from './RequestOverview.js';
import { CrlPanel } from '../crl/CrlPanel.js';
import '../styles/workbench.css';
import { Untrusted } from '../components/Untrusted.js';
import { showInvisible } from '../../shared/encoding/invisibleCharacters.js';

type Tab = 'overview' | 'extensions' | 'chain' | 'raw';
const TABS: { id: Tab; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'extensions', label: 'Extensions' },
  { id: 'chain', label: 'Chain' },
  { id: 'raw', label: 'Raw' },
];

/** The file the inspector shows: its name, which certificate, and the full model the worker sent. */
export interface InspectedFile {
  /** The open document (for actions the worker does on it, e.g. making a PFX). */
  docId?: string;
  fileName: string;
  headline: string;
  certIndex: number;
  details: DocumentDetails;
}

/** `trustMarks`: the files trusted for checks in this session and how to mark one (absent: no control). */
export function Inspector({ doc, highlight, onSelectCert, trustMarks }: { doc: InspectedFile; highlight: string | null; onSelectCert(index: number): void; trustMarks?: TrustMarks }) {
  const [tab, setTab] = useState<Tab>('overview');
  const { document, chain, trust } = doc.details;
  const cert = document.certificates[doc.certIndex];
  // The worker built the chain for this certificate; the certificate alone while another is fetched.
  const current = cert !== undefined && chain[0]?.cert.sha256 === cert.sha256;
  const links = current ? chain : cert ? [{ cert, fileName: doc.fileName }] : [];
  const request = document.request;
  const isCrl = document.kind === 'crl';
  const visibleTabs = isCrl ? TABS.filter((t) => t.id === 'overview') : cert ? TABS : TABS.filter((t) => t.id !== 'chain');
  const activeTab = visibleTabs.some((t) => t.id === tab) ? tab : 'overview';
  const baseName = doc.fileName.replace(/\.[^.]+$/, '');

  let body: React.ReactNode;
  if (isCrl && doc.docId) {
    body = <CrlPanel docId={doc.docId} revision={doc.details} />;
  } else if (cert) {
    if (activeTab === 'overview')
      body = (
        <>
          <Overview cert={cert} document={document} chain={links.map((l) => l.cert)} highlight={highlight} />
          {doc.docId && document.kind === 'pkcs12' && document.container?.profile === 'aes' && cert.hasPrivateKey ? (
            <div className="overview-actions">
              <MakePfx docId={doc.docId} fileName={doc.fileName} mode="reexport" needsPassphrase={false} />
            </div>
          ) : null}
        </>
      );
    else if (activeTab === 'extensions') body = <ExtensionsTab extensions={cert.extensions} />;
    else if (activeTab === 'chain')
      body = (
        <>
          <ChainTab cert={cert} trust={current ? trust : null} />
          {trustMarks && current ? <TrustRootToggle links={chain} trust={trust} marks={trustMarks} /> : null}
        </>
      );
    else body = <RawTab pem={toPem(cert.der)} derBase64={cert.der} baseName={certificateBaseName(cert)} kind="certificate" />;
  } else if (request) {
    if (activeTab === 'overview') body = <RequestOverview request={request} highlight={highlight} />;
    else if (activeTab === 'extensions') body = <ExtensionsTab extensions={request.extensions} />;
    else body = <RawTab pem={toPem(request.der, 'NEW CERTIFICATE REQUEST')} derBase64={request.der} baseName={baseName} kind="request" />;
  } else {
    body = (
      <div className="pad">
        <h2 className="cn">
          <Untrusted text={doc.headline} />
        </h2>
        <p className="muted">
          {doc.fileName} holds a private key and no certificate. Complete it into a PFX with the issued certificate: CertBench finds it among the open
          files by its public key (open it too if it is not).
        </p>
        {doc.docId ? <MakePfx docId={doc.docId} fileName={doc.fileName} mode="complete" needsPassphrase={!document.keys.some((k) => k.id && !k.locked)} /> : null}
      </div>
    );
  }

  return (
    <section className="inspector" aria-label="Inspector">
      <div className="tabs-bar">
        <div className="tabs" role="tablist" aria-label="Inspector views">
          {visibleTabs.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={activeTab === t.id}
              aria-controls="inspector-panel"
              tabIndex={activeTab === t.id ? 0 : -1}
              className={activeTab === t.id ? 'tab active' : 'tab'}
              onClick={() => setTab(t.id)}
              onKeyDown={(event) => {
                if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
                const i = visibleTabs.findIndex((x) => x.id === activeTab);
                const next = visibleTabs[(i + (event.key === 'ArrowRight' ? 1 : visibleTabs.length - 1)) % visibleTabs.length]!;
                setTab(next.id);
                (event.currentTarget.parentElement?.querySelector(`#tab-${next.id}`) as HTMLElement | null)?.focus();
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
        {document.certificates.length > 1 ? (
          <label className="cert-picker">
            <span className="muted">Certificate</span>
            <select value={doc.certIndex} onChange={(e) => onSelectCert(Number(e.target.value))}>
              {document.certificates.map((c, i) => (
                <option key={c.sha256} value={i}>
                  {i + 1}. {showInvisible(c.commonName ?? c.subject)}
                  {c.hasPrivateKey ? ' (key)' : c.isCA ? ' (CA)' : ''}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div className="tab-panel" id="inspector-panel" role="tabpanel" aria-labelledby={`tab-${activeTab}`}>
        {body}
      </div>
    </section>
  );
}
