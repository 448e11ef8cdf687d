// When each role's certificate must be renewed by, and why. The windows come from the sources
// the rules cite, so a plan never disagrees with a finding:
// - Exchange Auth certificate: MonitorExchangeAuthCertificate (CSS-Exchange) renews when fewer
//   than 60 days are left and stages the successor as AuthConfig's NextCertificateThumbprint
//   with an effective date 30 days ahead, so every server holds it before it becomes current
//   (exchange-auth.renewal-window, S25/S26).
// - Lync/SfB OAuthTokenIssuer: Set-CsCertificate -Roll -EffectiveDate at least 24 h before the
//   old certificate expires (OA-LY-04), plus the Central Management Store replication margin.
// - Edge external (A/V authentication): -Roll -EffectiveDate at least 8 h before (EDGE-05), plus
//   the same CMS margin.
// - Everything else: before the last 30 days, or the last third of a short lifetime — the
//   general.expiry-window thresholds (HealthChecker's red zone).
// Public certificates: the successor's lifetime is capped by the CA/B Forum on its issue date
// (200 days from 2026-03-15, 100 from 2027-03-15, 47 from 2029-03-15).
import { expiryWindows } from '../rules/general/expiry-window.js';
import { maxPublicValidityDays } from '../rules/general/public-validity-period.js';
import { DAY_MS, validityDays } from '../rules/helpers/dates.js';
import type { PlanCertificate } from './planTypes.js';

const HOUR_MS = 3_600_000;
/** Auth: staging lead before expiry (MonitorExchangeAuthCertificate's renewal threshold). */
export const AUTH_STAGE_DAYS = 60;
/** Auth: the successor becomes current this many days after it is staged. */
export const AUTH_EFFECTIVE_AFTER_DAYS = 30;
/**
 * Hours between staging a -Roll and its effective date for every Front End / Edge to receive the
 * change from the Central Management Store (Get-CsManagementStoreReplicationStatus UpToDate on
 * each replica) with a working day to spare: 48 h is CertBench's margin, not a product value.
 */
export const CMS_MARGIN_HOURS = 48;
export const OAUTH_TOKEN_HOURS = 24;
export const AV_TOKEN_HOURS = 8;

export interface RenewalWindow {
  /** Last moment for the cut-over step (ms since epoch, rounded down to a UTC day). */
  renewBy: number;
  why: string;
  staging?: { effectiveDate: number; how: string };
}

const floorDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const stamp = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export function renewalWindow(c: PlanCertificate): RenewalWindow {
  const expires = Date.parse(c.notAfter);
  if (c.role === 'exchange-auth') {
    const renewBy = floorDay(expires - AUTH_STAGE_DAYS * DAY_MS);
    const effective = renewBy + AUTH_EFFECTIVE_AFTER_DAYS * DAY_MS;
    return {
      renewBy,
      why: `Exchange Auth certificate: stage the successor ${AUTH_STAGE_DAYS} days before expiry as AuthConfig's next certificate, effective ${AUTH_EFFECTIVE_AFTER_DAYS} days later, so every Exchange server holds it before it becomes current (as MonitorExchangeAuthCertificate does).`,
      staging: { effectiveDate: effective, how: `Set-AuthConfig -NewCertificateThumbprint <new> -NewCertificateEffectiveDate ${day(effective)}` },
    };
  }
  if (c.role === 'sfb-oauth' || c.role === 'edge-external') {
    const oauth = c.role === 'sfb-oauth';
    const tokenHours = oauth ? OAUTH_TOKEN_HOURS : AV_TOKEN_HOURS;
    const type = oauth ? 'OAuthTokenIssuer' : 'AudioVideoAuthentication';
    // The effective date leaves the old certificate valid for the token lifetime; staging leaves
    // the CMS its replication margin before the effective date.
    const effective = expires - tokenHours * HOUR_MS;
    const renewBy = floorDay(effective - CMS_MARGIN_HOURS * HOUR_MS);
    const what = oauth ? 'Lync/SfB OAuthTokenIssuer' : 'Edge A/V authentication';
    return {
      renewBy,
      why: `${what}: roll the successor with Set-CsCertificate -Type ${type} -Roll -EffectiveDate no later than ${tokenHours} h before expiry (${oauth ? 'OA-LY-04' : 'EDGE-05'}), staged at least ${CMS_MARGIN_HOURS} h earlier so the Central Management Store reaches every ${oauth ? 'Front End' : 'Edge server'}.`,
      staging: { effectiveDate: effective, how: `Set-CsCertificate -Type ${type} -Thumbprint <new> -Roll -EffectiveDate ${stamp(effective)} (latest)` },
    };
  }
  const lifetime = validityDays(c.notBefore, c.notAfter);
  const lead = Math.ceil(expiryWindows(lifetime).warn);
  return {
    renewBy: floorDay(expires - lead * DAY_MS),
    why:
      lead >= 30
        ? 'Replace it before its last 30 days (where HealthChecker turns red), leaving time to fix a failed swap.'
        : `Replace it before the last third of its ${Math.round(lifetime)}-day lifetime (${lead} days), as ACME clients renew short-lived certificates.`,
  };
}

/** The longest lifetime a public CA may give the successor when issued on `issuedOn`. */
export function nextPublicLifetime(c: PlanCertificate, issuedOn: number): { days: number; why: string } | undefined {
  if (!c.publicCa) return undefined;
  const cap = maxPublicValidityDays(issuedOn);
  if (cap === null) return undefined;
  const current = Math.round(validityDays(c.notBefore, c.notAfter));
  const shorter = cap < current ? ` — shorter than this one's ${current} days, so renewals come more often from now on` : '';
  return {
    days: cap,
    why: `Your next certificate from this CA will be valid for at most ${cap} days (CA/B Forum SC-081v3 cap for certificates issued on ${day(issuedOn)})${shorter}.`,
  };
}
