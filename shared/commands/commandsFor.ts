// `certbench commands`: the commented PowerShell for one role and product version. Every value
// is validated in resolveOptions before a line is written; a bad one throws UnsafeValueError.
import { edgeExternalScript, edgeInternalScript } from './edgeScript.js';
import { exchangeAuthScript } from './exchangeAuthScript.js';
import { resolveOptions, type CommandOptions, type ResolvedOptions } from './options.js';
import { owaImScript } from './owaImScript.js';
import { Script } from './script.js';
import { sfbOAuthScript } from './sfbOAuthScript.js';
import { umScript } from './umScript.js';

const TITLES: Record<CommandOptions['role'], { title: string; shell: string }> = {
  'exchange-um': { title: 'Exchange UM / UM Call Router certificate for Lync/SfB', shell: 'Exchange Management Shell' },
  'owa-im': { title: 'OWA instant messaging integration with Lync/SfB', shell: 'Exchange Management Shell, then the Lync Server Management Shell for the Lync part' },
  'edge-external': { title: 'Lync/SfB Edge external certificate', shell: 'Lync Server Management Shell on each Edge server' },
  'edge-internal': { title: 'Lync/SfB Edge internal certificate', shell: 'Lync Server Management Shell on each Edge server' },
  'exchange-auth': { title: 'Exchange OAuth (Auth) certificate', shell: 'Exchange Management Shell' },
  'sfb-oauth': { title: 'Lync/SfB OAuthTokenIssuer certificate', shell: 'Lync Server Management Shell on a Front End' },
};

function versionLabel(o: ResolvedOptions): string {
  switch (o.role) {
    case 'exchange-um':
    case 'exchange-auth':
      return `Exchange ${o.exchangeVersion}`;
    case 'owa-im':
      return `Exchange ${o.exchangeVersion} with ${o.sfbVersion}`;
    default:
      return o.sfbVersion;
  }
}

export interface CommandsResult {
  script: string;
  /** What to know before running it (restarts that drop calls or sessions, a version mismatch), as the script says it. */
  notices: string[];
}

export function commandsFor(options: CommandOptions): string {
  return commandsWithNotices(options).script;
}

/** The script and the warnings it carries, for a shell to show beside it. */
export function commandsWithNotices(options: CommandOptions): CommandsResult {
  const o = resolveOptions(options);
  const script = new Script();
  const { title, shell } = TITLES[o.role];
  script.comment(
    [
      `CertBench: ${title} (${versionLabel(o)})${o.server ? ` for ${o.server}` : ''}.`,
      `Run in the ${shell}. Read each step first; each fact cites its source id from the CertBench rule reference.`,
      'Every value below was validated (FQDN, thumbprint, path) and is single-quoted.',
    ].join('\n'),
  );
  script.code("$ErrorActionPreference = 'Stop'");
  switch (o.role) {
    case 'exchange-um':
      umScript(o, script);
      break;
    case 'owa-im':
      owaImScript(o, script);
      break;
    case 'edge-external':
      edgeExternalScript(o, script);
      break;
    case 'edge-internal':
      edgeInternalScript(o, script);
      break;
    case 'exchange-auth':
      exchangeAuthScript(o, script);
      break;
    case 'sfb-oauth':
      sfbOAuthScript(o, script);
      break;
  }
  return { script: script.toString(), notices: [...script.notices] };
}
