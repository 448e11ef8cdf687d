// The estate audit on an OpenSSL-made estate (two Exchange 2016 servers, an SfB pool with two
// Front Ends, an Edge pool): the clean twin passes; each fault issue 12 plants yields exactly
// its estate finding and the right per-certificate verdicts; all together yield exactly those.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEstate } from '../../shared/estate/audit.js';
import type { EstateAudit, EstateCertificateResult } from '../../shared/estate/auditTypes.js';
import type { CertificateModel } from '../../shared/model/certificate.js';
import { parseCertificate } from '../../shared/x509/certificate.js';
import { makeWorkDir, removeWorkDir } from '../support/openssl.js';
import { buildEstateSnapshot, ESTATE_AT, ESTATE_FAULTS, makeEstateCertificates, thumbprintOf, type EstateCertificates, type EstateFault } from './estateFixture.js';

let dir: string;
let certs: EstateCertificates;
let root: CertificateModel;

beforeAll(async () => {
  dir = makeWorkDir('estate-audit');
  certs = makeEstateCertificates(dir);
  root = (await parseCertificate(new Uint8Array(fs.readFileSync(certs.root.certDer)))).model;
}, 120_000);
afterAll(() => removeWorkDir(dir));

async function run(faults: readonly EstateFault[] = []): Promise<EstateAudit> {
  return auditEstate(buildEstateSnapshot(certs, faults), { at: ESTATE_AT, trustCertificates: [root] });
}

/** Estate findings that say something, as `ruleId:outcome`. */
function estateProblems(a: EstateAudit): string[] {
  return a.estateFindings.filter((f) => f.status !== 'pass' && f.status !== 'not_applicable').map((f) => `${f.ruleId}:${f.outcome}`).sort();
}

function cert(a: EstateAudit, server: string, subjectCn: string): EstateCertificateResult {
  const s = a.servers.find((x) => x.name === server)!;
  const c = s.certificates.find((x) => (x.subject ?? '').includes(`CN=${subjectCn}`));
  if (!c) throw new Error(`no ${subjectCn} on ${server}`);
  return c;
}

function problems(c: EstateCertificateResult): string[] {
  return c.findings.filter((f) => f.status === 'error' || f.status === 'warn' || f.status === 'fatal').map((f) => `${f.ruleId}:${f.status}`).sort();
}

/** Every bound certificate's verdict, as `server/CN:verdict`. */
function verdicts(a: EstateAudit): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of a.servers) for (const c of s.certificates) if (c.bindings.length) out[`${s.name}/${/CN=([^,]+)/.exec(c.subject ?? '')?.[1]}`] = c.verdict;
  return out;
}

const CLEAN_VERDICTS = {
  'EX1/mail.contoso.com': 'pass',
  'EX1/Microsoft Exchange Server Auth Certificate': 'pass',
  'EX1/ex1.contoso.com': 'pass',
  'EX2/mail.contoso.com': 'pass',
  'EX2/Microsoft Exchange Server Auth Certificate': 'pass',
  'EX2/ex2.contoso.com': 'pass',
  'fe1/pool01.contoso.com': 'pass',
  'fe1/contoso.com': 'pass',
  'fe2/pool01.contoso.com': 'pass',
  'fe2/contoso.com': 'pass',
  // Issued by a CA whose root the audit was not given: CertBench cannot tell it is public.
  'edge1/sip.contoso.com': 'warn',
  'edge1/edgepool.contoso.local': 'pass',
};

describe('the clean twin', () => {
  it('has no estate finding but passes, and every certificate its expected verdict', async () => {
    const a = await run();
    expect(estateProblems(a)).toEqual([]);
    expect(verdicts(a)).toEqual(CLEAN_VERDICTS);
    expect(problems(cert(a, 'edge1', 'sip.contoso.com'))).toEqual(['edge-external.public-ca:warn', 'general.chain-trust:warn']);
    expect(a.verdict).toBe('warn');
    // Every estate rule said something (pass or not applicable), none is silent.
    expect(new Set(a.estateFindings.map((f) => f.ruleId)).size).toBe(13);
  });

  it('judges each binding for the roles it implies', async () => {
    const a = await run();
    expect(cert(a, 'EX1', 'ex1.contoso.com').roles).toEqual(['exchange-um', 'general']);
    expect(cert(a, 'EX1', 'Microsoft Exchange Server Auth Certificate').roles).toEqual(['exchange-auth', 'general']);
    expect(cert(a, 'EX1', 'mail.contoso.com').roles).toEqual(['owa-im', 'general']);
    expect(cert(a, 'fe1', 'contoso.com').roles).toEqual(['sfb-oauth', 'general']);
    expect(cert(a, 'fe1', 'pool01.contoso.com').roles).toEqual(['general']);
    expect(cert(a, 'edge1', 'sip.contoso.com').roles).toEqual(['edge-external', 'general']);
    expect(cert(a, 'edge1', 'edgepool.contoso.local').roles).toEqual(['edge-internal', 'general']);
    expect(cert(a, 'EX1', 'mail.contoso.com').bindings.map((b) => b.name)).toEqual(['IMAP', 'POP', 'IIS', 'SMTP', 'OWA IM', 'internal transport certificate']);
  });

  it('judges the Edge against its pool, never the computer name as the Access Edge', async () => {
    const a = await run();
    const external = cert(a, 'edge1', 'sip.contoso.com');
    const cn = external.findings.find((f) => f.ruleId === 'edge-external.cn-is-access-edge')!;
    expect(cn.status).toBe('pass');
    expect(cn.detail).toContain('Access Edge FQDN');
    expect(external.findings.find((f) => f.ruleId === 'edge-external.san-required-names')!.status).toBe('pass');
    expect(JSON.stringify(external.findings)).not.toContain('edge1.contoso.local');
    expect(cert(a, 'edge1', 'edgepool.contoso.local').findings.find((f) => f.ruleId === 'edge-internal.cn-is-internal-fqdn')!.status).toBe('pass');
  });
});

describe('each planted fault', () => {
  const cases: { fault: EstateFault; finding: string; changed: Record<string, string>; check?: (a: EstateAudit) => void }[] = [
    {
      fault: 'auth-missing',
      finding: 'estate.auth-certificate-on-every-server:missing',
      changed: {},
      check: (a) => {
        const f = a.estateFindings.find((x) => x.outcome === 'missing')!;
        expect(f.title).toBe('Auth certificate missing on EX2');
        expect(f.servers).toEqual(['ex2.contoso.com']);
        expect(f.thumbprints).toEqual([thumbprintOf(certs.auth)]);
      },
    },
    {
      fault: 'owa-im-mismatch',
      finding: 'estate.owa-im-thumbprint-is-iis:mismatch',
      changed: { 'EX2/mail.contoso.com': 'fail' },
      check: (a) => {
        expect(problems(cert(a, 'EX2', 'mail.contoso.com'))).toEqual(['owa-im.thumbprint-matches:error']);
        expect(a.estateFindings.find((x) => x.outcome === 'mismatch')!.servers).toEqual(['ex2.contoso.com']);
      },
    },
    {
      fault: 'expired-smtp',
      finding: 'estate.expired-bound:expired',
      changed: { 'EX1/smtp.contoso.com': 'fail' },
      check: (a) => {
        expect(problems(cert(a, 'EX1', 'smtp.contoso.com'))).toEqual(['general.expired:error']);
        expect(a.estateFindings.find((x) => x.outcome === 'expired')!.title).toBe('Expired certificate still bound to SMTP on EX1');
      },
    },
    {
      fault: 'oauth-differs',
      finding: 'estate.oauth-token-issuer-same:differs',
      changed: { 'fe1/contoso.com': 'fail', 'fe2/contoso.com': undefined as unknown as string, 'fe2/oauth.contoso.com': 'fail' },
      check: (a) => {
        const f = a.estateFindings.find((x) => x.outcome === 'differs')!;
        expect(f.thumbprints.sort()).toEqual([thumbprintOf(certs.oauth), thumbprintOf(certs.oauthOther)].sort());
      },
    },
    {
      fault: 'wildcard-um',
      finding: 'estate.um-certificate-valid:invalid',
      changed: { 'EX2/ex2.contoso.com': undefined as unknown as string, 'EX2/*.contoso.com': 'fail' },
      check: (a) => {
        expect(problems(cert(a, 'EX2', '*.contoso.com'))).toEqual(['exchange-um.cn-is-server-fqdn:error', 'lync.cn-not-wildcard:error']);
        expect(a.estateFindings.find((x) => x.outcome === 'invalid')!.title).toBe('UM certificate not valid for UM on EX2');
      },
    },
  ];

  for (const c of cases) {
    it(`${c.fault}: exactly ${c.finding}, and the right verdicts`, async () => {
      const a = await run([c.fault]);
      expect(estateProblems(a)).toEqual([c.finding]);
      const expected: Record<string, string> = { ...CLEAN_VERDICTS };
      if (c.fault === 'auth-missing') delete expected['EX2/Microsoft Exchange Server Auth Certificate'];
      for (const [k, v] of Object.entries(c.changed)) {
        if (v === undefined) delete expected[k];
        else expected[k] = v;
      }
      expect(verdicts(a)).toEqual(expected);
      expect(a.verdict).toBe('fail');
      c.check?.(a);
    });
  }

  it('all five together: exactly those five estate findings', async () => {
    const a = await run(ESTATE_FAULTS);
    expect(estateProblems(a)).toEqual([
      'estate.auth-certificate-on-every-server:missing',
      'estate.expired-bound:expired',
      'estate.oauth-token-issuer-same:differs',
      'estate.owa-im-thumbprint-is-iis:mismatch',
      'estate.um-certificate-valid:invalid',
    ]);
  });
});

describe('certificates the snapshot knows only as text', () => {
  it('get a note, estate findings from their text fields, and the DER of an open file when one matches', async () => {
    const snapshot = buildEstateSnapshot(certs, ['expired-smtp']);
    for (const row of snapshot.exchange!.certificates) delete row.der;
    const a = await auditEstate(snapshot, { at: ESTATE_AT, trustCertificates: [root] });
    const smtp = cert(a, 'EX1', 'smtp.contoso.com');
    expect(smtp.hasDer).toBe(false);
    expect(smtp.findings).toEqual([]);
    expect(smtp.notes!.join(' ')).toMatch(/certificate rules could not run/);
    // Judged from the text: the expired-bound finding names it, so its verdict is fail.
    expect(estateProblems(a)).toEqual(['estate.expired-bound:expired']);
    expect(smtp.verdict).toBe('fail');

    const open = (await parseCertificate(new Uint8Array(fs.readFileSync(certs.expiredSmtp.certDer)))).model;
    const b = await auditEstate(snapshot, { at: ESTATE_AT, trustCertificates: [root], extraCertificates: [open] });
    const withDer = cert(b, 'EX1', 'smtp.contoso.com');
    expect(withDer.hasDer).toBe(true);
    expect(withDer.derSource).toBe('open-file');
    expect(problems(withDer)).toEqual(['general.expired:error']);
  });
});
