// What an admin is told about the collector, in one place for the CLI, the app and the script's
// own header: where to run it, the two commands, and what it reads. The shells phrase the
// surrounding words themselves; the commands and facts come from here.
import { psQuote } from '../../powershell/quote.js';

export interface CollectParts {
  exchange: boolean;
  skype: boolean;
}

/** The file name the app suggests and the CLI's usage shows. */
export const DEFAULT_COLLECT_SCRIPT_NAME = 'certbench-collect.ps1';

/** Where the script runs, one line per part. */
export function whereToRun(parts: CollectParts): string[] {
  const lines: string[] = [];
  if (parts.exchange) {
    lines.push('Exchange: in the Exchange Management Shell on an Exchange 2013, 2016, 2019 or Subscription Edition server (it reads every Exchange server of the organisation, 2010 ones where their cmdlets answer).');
  }
  if (parts.skype) {
    lines.push('Skype for Business / Lync: in the Skype for Business Server (or Lync Server) Management Shell on a Front End server (it reads every pool of the topology; Edge servers outside the domain need their own run on the Edge server).');
  }
  if (parts.exchange && parts.skype) lines.push('Run it once in each shell: each run writes its own snapshot file; CertBench reads them together.');
  return lines;
}

/** What the script reads, in an admin's words. */
export function whatItReads(parts: CollectParts): string[] {
  const lines: string[] = [];
  if (parts.exchange) {
    lines.push(
      'Exchange: every server (Get-ExchangeServer) and its certificates (Get-ExchangeCertificate: thumbprint, services, status, dates, names and the public certificate), the Auth configuration, the OWA instant messaging settings, UM startup modes, the internal transport certificate, send and receive connectors and the hybrid configuration.',
    );
  }
  if (parts.skype) {
    lines.push('Skype for Business / Lync: pools and their servers, Edge external names, SIP domains, trusted application pools, and Get-CsCertificate on every Front End, Director, Edge and Mediation server (with the public certificate from the local store).');
  }
  return lines;
}

/** Why it is safe to run, in one sentence each. */
export const READ_ONLY_FACTS: readonly string[] = [
  'It only reads: Get-* cmdlets and the public part of certificates. It changes no setting and restarts nothing.',
  'It never touches a private key, never exports a certificate and never asks for a password.',
  'It writes one file, the snapshot (JSON), next to the script; a server it cannot reach is listed in that file, not a stop.',
];

/**
 * The two commands an admin types in the folder that holds the script: unblock the downloaded
 * file (Windows marks it as coming from another computer), then run it. A name with spaces or
 * other characters is single-quoted through the project's quoting (a hostile name is refused).
 */
export function runCommands(fileName: string): [string, string] {
  if (/^[A-Za-z0-9._-]+$/.test(fileName)) return [`Unblock-File -Path .\\${fileName}`, `.\\${fileName}`];
  const quoted = psQuote(`.\\${fileName}`, 'script file name');
  return [`Unblock-File -Path ${quoted}`, `& ${quoted}`];
}
