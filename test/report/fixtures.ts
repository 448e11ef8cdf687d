// The mixed set a consultant brings back from a Contoso Exchange + Skype for Business estate,
// made with the OpenSSL CLI at test time: a UM certificate with a wildcard CN (fails UM), an
// Edge external certificate from the internal CA (Edge needs a public CA), the self-signed
// Exchange Auth certificate, an expired old UM certificate, an OWA IM request and a file that
// is not a certificate at all. Evaluated at AT so every "days left" is fixed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../cli/io.js';
import { createCa, csr, issue, makeWorkDir, pfx, selfSigned } from '../support/openssl.js';

export const AT = '2026-03-01T09:00:00Z';
export const PASSWORD = 'Contoso-Pfx-1!';
export const OUTPUT_DIR = fileURLToPath(new URL('../../test-output/report/', import.meta.url));

export interface MixedSet {
  dir: string;
  /** Files in the order the report is asked for (positional arguments). */
  files: string[];
  env: string;
  /** Arguments shared by `check` and `report`. */
  common: string[];
}

export function makeMixedSet(label = 'report-mixed'): MixedSet {
  const dir = makeWorkDir(label);
  const certs = path.join(dir, 'certs');
  fs.mkdirSync(certs);
  const root = createCa({ dir, cn: 'Contoso Root CA', subject: '/DC=com/DC=contoso/CN=Contoso Root CA', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  const cdp = ['http://pki.contoso.com/pki/Contoso%20Root%20CA.crl'];

  const um = issue(root, {
    subject: '/C=US/O=Contoso Ltd/CN=*.contoso.com',
    san: ['DNS:*.contoso.com', 'DNS:ex1.contoso.com', 'DNS:mail.contoso.com'],
    eku: ['serverAuth', 'clientAuth'],
    cdp,
    startDate: '2025-03-20T00:00:00Z',
    endDate: '2026-03-20T00:00:00Z',
  });
  pfx({ out: path.join(certs, 'ex1-um-wildcard.pfx'), cert: um.certPem, key: um.keyPem, chain: [root.certPem], password: PASSWORD, profile: 'aes' });

  const edge = issue(root, {
    subject: '/C=US/O=Contoso Ltd/CN=sip.contoso.com',
    san: ['DNS:sip.contoso.com', 'DNS:webconf.contoso.com', 'DNS:contoso.com'],
    eku: ['serverAuth', 'clientAuth'],
    cdp,
    startDate: '2025-05-15T00:00:00Z',
    endDate: '2026-05-15T00:00:00Z',
  });
  pfx({ out: path.join(certs, 'edge-external.pfx'), cert: edge.certPem, key: edge.keyPem, chain: [root.certPem], password: PASSWORD, profile: 'legacy' });

  const auth = selfSigned({
    dir,
    subject: '/CN=Microsoft Exchange Server Auth Certificate',
    eku: ['serverAuth'],
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    startDate: '2024-06-01T00:00:00Z',
    endDate: '2029-06-01T00:00:00Z',
  });
  pfx({ out: path.join(certs, 'exchange-auth.pfx'), cert: auth.certPem, key: auth.keyPem, password: PASSWORD, profile: '3des-sha1mac' });

  const old = issue(root, {
    subject: '/C=US/O=Contoso Ltd/CN=ex1.contoso.com',
    san: ['DNS:ex1.contoso.com'],
    eku: ['serverAuth', 'clientAuth'],
    cdp,
    startDate: '2024-01-15T00:00:00Z',
    endDate: '2026-01-15T00:00:00Z',
  });
  fs.copyFileSync(old.certPem, path.join(certs, 'ex1-um-2024.cer'));

  csr({ out: path.join(certs, 'owa-im-request.csr'), subject: '/C=US/O=Contoso Ltd/CN=owa.contoso.com', san: ['DNS:owa.contoso.com', 'DNS:mail.contoso.com'], eku: ['serverAuth', 'clientAuth'] });
  fs.rmSync(path.join(certs, 'owa-im-request.csr.key.pem'));
  fs.rmSync(path.join(certs, 'owa-im-request.csr.cnf'));

  // The pfx helper leaves its chain input beside each PFX; a consultant's folder has none.
  for (const f of fs.readdirSync(certs).filter((n) => n.endsWith('.chain.pem'))) fs.rmSync(path.join(certs, f));
  fs.writeFileSync(path.join(certs, 'notes.cer'), 'Exported from EX1 on Monday — certificate to follow.\n');

  const env = path.join(dir, 'contoso.json');
  fs.writeFileSync(
    env,
    JSON.stringify(
      {
        name: 'Contoso production',
        exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', os: '2016', roles: ['Mailbox', 'UM'] }],
        sfbPools: [{ fqdn: 'pool.contoso.com', version: 'SfB2015', servers: ['fe1.contoso.com', 'fe2.contoso.com'] }],
        edgePools: [
          { internalFqdn: 'edge-int.contoso.com', accessEdgeFqdn: 'sip.contoso.com', webConferencingEdgeFqdn: 'webconf.contoso.com', avEdgeFqdn: 'av.contoso.com', version: 'SfB2015' },
        ],
        sipDomains: ['contoso.com'],
        smtpDomains: ['contoso.com'],
        owaIm: { trustedApplicationPoolFqdn: 'owa.contoso.com', imServerName: 'pool.contoso.com' },
        trustedRoots: [fs.readFileSync(root.certPem, 'utf8')],
      },
      null,
      2,
    ),
  );
  const files = ['certs/ex1-um-wildcard.pfx', 'certs/edge-external.pfx', 'certs/exchange-auth.pfx', 'certs/ex1-um-2024.cer', 'certs/owa-im-request.csr', 'certs/notes.cer'];
  return { dir, files, env, common: ['--env', 'contoso.json', '--at', AT, '--password-env', 'PFX_PW'] };
}

export type CapturingIo = CliIo & { stdout: string; stderr: string };

export function captureIo(cwd: string, env: Record<string, string | undefined> = { PFX_PW: PASSWORD }): CapturingIo {
  const box: CapturingIo = {
    stdout: '',
    stderr: '',
    out(t: string) {
      box.stdout += t;
    },
    err(t: string) {
      box.stderr += t;
    },
    env,
    cwd,
  };
  return box;
}

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF), for checking what the CSV says. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && src[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV rows as objects keyed by the header. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

/** The cells of one GFM table row, split on pipes that are not backslash-escaped. */
export function markdownCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\' && i + 1 < inner.length) {
      cell += inner[i]! + inner[i + 1]!;
      i++;
    } else if (inner[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += inner[i];
  }
  cells.push(cell.trim());
  return cells;
}
