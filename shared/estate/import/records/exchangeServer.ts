// Get-ExchangeServer: name, FQDN, roles, site, and the product version read from
// AdminDisplayVersion (`Version 15.2 (Build 1748.10)`): 14 = 2010, 15.0 = 2013, 15.1 = 2016,
// 15.2 = 2019, and 15.2 from build 2562 on = Subscription Edition (SE RTM is 15.2.2562.17).
import type { SnapshotExchangeServer } from '../../snapshot.js';
import { list, text, type PsRecord } from '../types.js';
import type { ReadContext } from './context.js';

const SE_FIRST_BUILD = 2562;

export function exchangeVersion(adminDisplayVersion: string): { version?: string; build?: string } {
  const m = /Version\s+(\d+)\.(\d+)\s*\(Build\s+(\d+)\.(\d+)\)/i.exec(adminDisplayVersion);
  if (!m) return {};
  const [major, minor, build, rev] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  const out = { build: `${major}.${minor}.${build}.${rev}` };
  if (major === 8) return { ...out, version: '2007' };
  if (major === 14) return { ...out, version: '2010' };
  if (major !== 15) return out;
  if (minor === 0) return { ...out, version: '2013' };
  if (minor === 1) return { ...out, version: '2016' };
  if (minor === 2) return { ...out, version: build >= SE_FIRST_BUILD ? 'SE' : '2019' };
  return out;
}

export function readExchangeServer(record: PsRecord, ctx: ReadContext): SnapshotExchangeServer | null {
  const name = text(record, 'Name') || text(record, 'Identity').split('\\').pop()!;
  if (!name) {
    ctx.note('warn', `${ctx.source}: a Get-ExchangeServer object has no Name; it was skipped.`);
    return null;
  }
  const server: SnapshotExchangeServer = { name, fqdn: text(record, 'Fqdn') || name, ...exchangeVersion(text(record, 'AdminDisplayVersion')) };
  if (text(record, 'AdminDisplayVersion') && !server.version) {
    ctx.note('warn', `${ctx.source}: ${name}'s AdminDisplayVersion "${text(record, 'AdminDisplayVersion')}" is not a version CertBench knows.`);
  }
  const roles = list(record, 'ServerRole').flatMap((r) => r.split(/\s*,\s*/)).filter((r) => r !== '' && !/^none$/i.test(r));
  if (roles.length) server.roles = roles;
  const site = text(record, 'Site');
  // A table cuts the site path short (`contoso.com/...`): then it is not known.
  if (site && !/(\.\.\.|…)$/.test(site)) server.site = site.split('/').pop()!;
  return server;
}
