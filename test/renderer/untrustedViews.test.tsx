// Issue 18.7 in the Chain tab, the Commands view and the estate finding page, without a browser: rendered to HTML
// by React, a subject, issuer, file name or server name with a RIGHT-TO-LEFT OVERRIDE (U+202E)
// or a ZERO WIDTH SPACE (U+200B) is inside <bdi> and its hidden character is a visible marker;
// no raw hidden character is left in the markup.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ServicesContext, type AppServices } from '../../renderer/components/context.js';
import { EstateFindingPage } from '../../renderer/estate/EstateFindings.js';
import type { OpenDocument } from '../../renderer/state/workbench.js';
import { CommandsView } from '../../renderer/views/CommandsView.js';
import { ChainTab } from '../../renderer/inspector/ChainTab.js';
import type { CertificateModel } from '../../shared/model/certificate.js';
import type { TrustResult } from '../../shared/trust/types.js';

const RLO_CN = 'ex1.contoso.com\u202emoc.live';
const ZWSP_CA = 'Contoso\u200b Issuing CA';
const HIDDEN = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/;
const marker = (cp: string) => new RegExp(`<span class="invisible-char"[^>]*>\\[${cp.replace('+', '\\+')}\\]</span>`);

const services = { now: () => new Date('2026-03-01T00:00:00Z') } as unknown as AppServices;

describe('Chain tab', () => {
  it('subjects, issuers and file names are isolated, their hidden characters markers', () => {
    const trust: TrustResult = {
      status: 'incomplete',
      anchor: null,
      publicCa: false,
      selfSigned: false,
      selfSignatureVerified: null,
      problems: [],
      chain: [
        { subject: `CN=${RLO_CN}`, issuer: `CN=${ZWSP_CA}`, sha256: null, thumbprint: null, source: 'file', selfSigned: false, signatureVerified: null, notBefore: null, notAfter: null, fileName: 'ex1\u202e.cer' },
      ],
    };
    const html = renderToStaticMarkup(
      <ServicesContext.Provider value={services}>
        <ChainTab cert={{ isCA: false } as CertificateModel} trust={trust} />
      </ServicesContext.Provider>,
    );
    expect(html).not.toMatch(HIDDEN);
    expect(html).toMatch(/<bdi class="untrusted"[^>]*>ex1\.contoso\.com<span class="invisible-char"[^>]*>\[U\+202E\]<\/span>moc\.live<\/bdi>/);
    expect(html).toMatch(/Issued by <bdi class="untrusted"[^>]*>Contoso<span class="invisible-char"[^>]*>\[U\+200B\]<\/span> Issuing CA<\/bdi>/);
    expect(html).toContain('from ex1<span class="invisible-char"');
    expect(html).toMatch(marker('U+202E'));
  });
});

describe('Estate finding page', () => {
  it('server names are isolated and marked; the detail that quotes them is marked', () => {
    const html = renderToStaticMarkup(
      <EstateFindingPage
        finding={{ ruleId: 'estate.test', status: 'error', title: `Auth certificate missing on ${RLO_CN}`, detail: `ex1\u200b.contoso.com has none.`, fix: 'Renew it.', citation: 'S1', servers: [RLO_CN], thumbprints: [] }}
        onServer={() => undefined}
        onCertificate={() => undefined}
        onOpenUrl={() => undefined}
      />,
    );
    expect(html).not.toMatch(HIDDEN);
    expect(html).toMatch(/<bdi class="untrusted"[^>]*>ex1\.contoso\.com<span class="invisible-char"[^>]*>\[U\+202E\]<\/span>moc\.live<\/bdi>/);
    expect(html).toMatch(marker('U+200B'));
    expect(html).toContain('aria-label="Finding: Auth certificate missing on ex1.contoso.com[U+202E]moc.live"');
  });
});

describe('Commands view', () => {
  it('the certificate picker and the thumbprint line show the name and file with markers, isolated', () => {
    const thumbprint = 'A'.repeat(40);
    const doc = {
      docId: 'd1',
      fileName: 'ex1\u200b.pfx',
      certIndex: 0,
      summary: { certificates: [{ name: RLO_CN, thumbprint }] },
    } as unknown as OpenDocument;
    const html = renderToStaticMarkup(
      <ServicesContext.Provider value={services}>
        <CommandsView environment={{}} documents={[doc]} selectedDocId="d1" />
      </ServicesContext.Provider>,
    );
    // The only isolates in the page are the view's own FSI … PDI pairs around the two names.
    expect(html).not.toMatch(/[\u202a-\u202e\u200b-\u200f]/);
    expect(html.match(/[\u2066-\u2069]/g)).toEqual(['\u2068', '\u2069', '\u2068', '\u2069']);
    // <option> holds text only: the name isolated by FSI … PDI, the plain-text <bdi>.
    expect(html).toContain('\u2068ex1.contoso.com[U+202E]moc.live\u2069 — \u2068ex1[U+200B].pfx\u2069');
    const line = html.match(/<p class="thumbprint-source[^]*?<\/p>/)?.[0] ?? '';
    expect(line).toContain(thumbprint);
    expect(line).toMatch(/<bdi class="untrusted"[^>]*>ex1<span class="invisible-char"[^>]*>\[U\+200B\]<\/span>\.pfx<\/bdi>/);
    expect(line).toMatch(/<bdi class="untrusted"[^>]*>ex1\.contoso\.com<span class="invisible-char"[^>]*>\[U\+202E\]<\/span>moc\.live<\/bdi>/);
  });
});
