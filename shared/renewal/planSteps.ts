// The steps of one renewal, in order. The middle of each list is the PowerShell CertBench
// already writes for the role (shared/commands/commandsFor.ts): its section headings become
// the steps, so the plan and the script never describe two different procedures.
import { commandsFor } from '../commands/commandsFor.js';
import type { Environment } from '../environment/types.js';
import { isRequestRole, type RequestRole } from '../csr/roles.js';
import { isUnsafeValueError } from '../powershell/unsafeValueError.js';
import type { PlanCertificate, PlanStep } from './planTypes.js';
import type { RenewalWindow } from './planWindows.js';

const ROLL_ROLES: readonly RequestRole[] = ['sfb-oauth', 'edge-external'];

export function planCommands(c: PlanCertificate): { role: RequestRole; roll: boolean } | null {
  if (!isRequestRole(c.role)) return null;
  return { role: c.role, roll: ROLL_ROLES.includes(c.role) };
}

export function planSteps(c: PlanCertificate, window: RenewalWindow, environment: Environment): PlanStep[] {
  const steps: PlanStep[] = [obtainStep(c)];
  steps.push({ text: 'Compare the renewal with this certificate before using it (drop-in replacement for the role?).' });
  const commands = planCommands(c);
  if (c.role === 'exchange-auth') {
    steps.push(...authSteps(window));
  } else if (commands) {
    steps.push(...scriptSteps(commands, environment));
  } else {
    steps.push({ text: 'Import the renewal on every server that uses this certificate and bind it where the old one is bound.' });
  }
  if (c.role === 'sfb-oauth') steps.push({ text: 'After the effective date, remove the previous certificate.', powershell: 'Remove-CsCertificate -Type OAuthTokenIssuer -Previous' });
  if (c.role === 'edge-external') steps.push({ text: 'After the effective date plus 8 h, remove the previous A/V certificate.', powershell: 'Remove-CsCertificate -Type AudioVideoAuthentication -Previous' });
  steps.push({ text: 'Remove the old certificate from every server once nothing uses it.' });
  return steps;
}

function obtainStep(c: PlanCertificate): PlanStep {
  if (c.role === 'exchange-auth') return { text: 'Create the successor on one Exchange server (self-signed, 2048-bit exportable key, no SAN).', powershell: "New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName 'cn=Microsoft Exchange Server Auth Certificate' -FriendlyName 'Microsoft Exchange Server Auth Certificate' -DomainName @()" };
  const issuer = /CN=([^,]+)/.exec(c.issuer)?.[1] ?? c.issuer;
  return { text: `Request the renewal from ${issuer}${c.publicCa ? ' (a public CA: allow for domain validation)' : ''} with the same names and an RSA key in a legacy CSP.` };
}

/** MonitorExchangeAuthCertificate's staged renewal (S25, S26). */
function authSteps(window: RenewalWindow): PlanStep[] {
  const effective = window.staging ? new Date(window.staging.effectiveDate).toISOString().slice(0, 10) : '<effective date>';
  return [
    { text: `Stage it as the next Auth certificate, effective ${effective}.`, powershell: `Set-AuthConfig -NewCertificateThumbprint <new thumbprint> -NewCertificateEffectiveDate ${effective}` },
    { text: 'Before the effective date, check every Exchange server holds it with its private key.', powershell: 'Get-ExchangeCertificate -Server <each server> -Thumbprint <new thumbprint> | Format-List Thumbprint,NotAfter,HasPrivateKey' },
    { text: 'On the effective date, publish it and clear the previous certificate.', powershell: 'Set-AuthConfig -PublishCertificate; Set-AuthConfig -ClearPreviousCertificate' },
    { text: 'Restart MSExchangeServiceHost and the OWA/ECP application pools on every server; in a hybrid, re-run the Hybrid Configuration Wizard.' },
  ];
}

function scriptSteps(commands: { role: RequestRole; roll: boolean }, environment: Environment): PlanStep[] {
  let script: string;
  try {
    script = commandsFor({ role: commands.role, environment, roll: commands.roll });
  } catch (e) {
    if (!isUnsafeValueError(e)) throw e;
    return [{ text: `Write the PowerShell for the role once the environment is fixed: ${e.message}` }];
  }
  return [...script.matchAll(/^# --- (.+) ---$/gm)]
    .map((m) => m[1]!)
    .filter((title) => title !== 'Values')
    .map((title) => ({ text: `${title.replace(/\s*\([^)]*\)\s*$/, '')} (CertBench's script for the role).` }));
}
