// Issue 7.3: every value the command and request generators accept, fed every payload of an
// injection corpus. Each one is refused with a typed UnsafeValueError (the CLI: exit 2, one
// stderr line), or it is provably inert: psTokens.ts shows it only ever sits wholly inside one
// single-quoted literal (or a one-line `#` comment), and the script's code skeleton is the same
// as with a benign value. The certreq INF: inside one "…" on one line, or refused.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandsFor } from '../../shared/commands/commandsFor.js';
import type { CommandOptions } from '../../shared/commands/options.js';
import { draftFor, type RequestDraft } from '../../shared/csr/draft.js';
import { certreqInf } from '../../shared/csr/inf.js';
import type { KeyChoice, RequestRole } from '../../shared/csr/roles.js';
import { serverSideRequestScript, type ServerSideOptions } from '../../shared/csr/serverSideRequest.js';
import type { Environment } from '../../shared/environment/types.js';
import { psQuote } from '../../shared/powershell/quote.js';
import { isUnsafeValueError } from '../../shared/powershell/unsafeValueError.js';
import { CONTOSO } from '../csr/environment.js';
import { requireBuiltCli, runCli, stderrLines } from '../support/cli.js';
import { codeSkeleton, exposuresInInf, exposuresInPowerShell, infSkeleton } from './psTokens.js';

// ---------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------

const LONG_LABEL = 'a'.repeat(300);
export const CORPUS: readonly (readonly [name: string, payload: string])[] = [
  ['single quote', "'"],
  ['doubled single quote', "''"],
  ['double quote', '"'],
  ['semicolon', ';'],
  ['pipe', '|'],
  ['ampersand', '&'],
  ['backtick', '`'],
  ['subexpression', '$(calc)'],
  ['braced variable', '${env:PATH}'],
  ['variable', '$env:x'],
  ['array subexpression', '@(Stop-Computer)'],
  ['line comment', '# comment'],
  ['block comment open', '<#'],
  ['block comment close', '#>'],
  ['CR', '\r'],
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['LF then a command', '\nStop-Computer -Force'],
  ['CR then a command', '\rStop-Computer -Force'],
  ['backtick line continuation', '`\nStop-Computer'],
  ['line separator U+2028', '\u2028'],
  ['paragraph separator U+2029', '\u2029'],
  ['next line U+0085', '\u0085'],
  ['NUL', '\u0000'],
  ['tab', '\t'],
  ['vertical tab', '\u000B'],
  ['form feed', '\u000C'],
  ['left single quote U+2018', '\u2018'],
  ['right single quote U+2019', '\u2019'],
  ['low single quote U+201A', '\u201A'],
  ['reversed single quote U+201B', '\u201B'],
  ['left double quote U+201C', '\u201C'],
  ['right double quote U+201D', '\u201D'],
  ['low double quote U+201E', '\u201E'],
  ['en dash U+2013', '\u2013'],
  ['em dash U+2014', '\u2014'],
  ['horizontal bar U+2015', '\u2015'],
  ['en dash parameter', ' \u2013Force'],
  ['fullwidth apostrophe', '\uFF07'],
  ['fullwidth semicolon', '\uFF1B'],
  ['fullwidth dollar subexpression', '\uFF04(calc)'],
  ['fullwidth letters', '\uFF45\uFF58\uFF11'],
  ['zero-width space U+200B', '\u200B'],
  ['left-to-right mark U+200E', '\u200E'],
  ['byte order mark U+FEFF', '\uFEFF'],
  ['Cyrillic homoglyph FQDN', '\u0435\u04451.contoso.com'],
  ['300-character label', `${LONG_LABEL}.contoso.com`],
  ['5,000-character value', 'x'.repeat(5000)],
  ['empty', ''],
  ['whitespace only', '   '],
  ['quote break-out', "ex1.contoso.com';Remove-Item C:\\ -Recurse;'"],
  ['double-quote break-out', 'ex1.contoso.com";Remove-Item C:\\ -Recurse;"'],
  ['look-alike break-out', 'ex1.contoso.com\u2019;Remove-Item C:\\ -Recurse;\u2018'],
  ['newline break-out', 'ex1.contoso.com\r\nRemove-Item C:\\ -Recurse'],
  ['subexpression break-out', 'ex1.contoso.com$(Remove-Item C:\\ -Recurse)'],
  ['here-string opener', "@'\n"],
  ['INF new section', '"\r\n[NewRequest]\r\nExportable = TRUE'],
  ['INF SAN entry', 'x&dns=evil.example'],
  ['INF string substitution', '%windir%'],
  ['extra RDN', 'x,O=Evil'],
];

/** Line breaks for PowerShell, INF and anything else that reads lines. */
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

type Kind = 'fqdn' | 'thumbprint' | 'path' | 'enum' | 'text';

const T1 = '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011';
const T2 = '0123456789ABCDEF0123456789ABCDEF01234567';

/** The hostile values for one payload: the payload alone, and inside a value of the field's kind. */
function valuesFor(kind: Kind, benign: string, payload: string): string[] {
  const dot = benign.indexOf('.');
  const carriers: Record<Kind, string[]> = {
    fqdn: dot > 0 ? [`${benign.slice(0, dot)}${payload}${benign.slice(dot)}`, `${benign}${payload}`] : [`${benign}${payload}`],
    thumbprint: [`${benign.slice(0, 20)}${payload}${benign.slice(20)}`, `${benign}${payload}`],
    path: [`C:\\CertBench\\qz${payload}qz.pfx`],
    enum: [`${benign}${payload}`],
    text: [`${benign}${payload}qz`],
  };
  return [...new Set([payload, ...carriers[kind]])];
}

const BASE_ENV: Environment = {
  ...structuredClone(CONTOSO),
  oauthTokenIssuerThumbprints: { 'fe1.contoso.com': T1, 'fe2.contoso.com': T1 },
  authConfig: { currentCertificateThumbprint: T2, nextCertificateThumbprint: T1, previousCertificateThumbprint: T2 },
  trustedRoots: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'],
};

/** One externally supplied value: how to set it on an environment (deep-cloned before). */
interface EnvField {
  name: string;
  kind: Kind;
  /** Values whose scripts are the reference shapes (a selector field may pick another branch). */
  benign: string[];
  set(env: Environment, value: string): void;
}

const ex = (env: Environment, i: number) => env.exchangeServers![i]!;
const ENV_FIELDS: EnvField[] = [
  { name: 'environment name', kind: 'text', benign: ['Contoso lab'], set: (e, v) => void (e.name = v) },
  { name: 'exchangeServers[0].fqdn', kind: 'fqdn', benign: ['ex1.contoso.com'], set: (e, v) => void (ex(e, 0).fqdn = v) },
  { name: 'exchangeServers[1].fqdn', kind: 'fqdn', benign: ['ex2.contoso.com'], set: (e, v) => void (ex(e, 1).fqdn = v) },
  // The types say these are enums; the app's environment import only trims strings, so any text can arrive.
  { name: 'exchangeServers[0].version', kind: 'enum', benign: ['2016'], set: (e, v) => void (ex(e, 0).version = v as never) },
  { name: 'exchangeServers[0].os', kind: 'enum', benign: ['2016', '2019'], set: (e, v) => void (ex(e, 0).os = v as never) },
  { name: 'exchangeServers[0].roles[1]', kind: 'text', benign: ['UM', 'Mailbox'], set: (e, v) => void (ex(e, 0).roles![1] = v) },
  { name: 'exchangeServers[2] (added, SipName dial plan)', kind: 'fqdn', benign: ['ex3.contoso.com'], set: (e, v) => void e.exchangeServers!.push({ fqdn: v, version: '2016', roles: ['UM', 'UMCallRouter'], hostsSipNameDialPlan: true }) },
  { name: 'sfbPools[0].fqdn', kind: 'fqdn', benign: ['pool01.contoso.com'], set: (e, v) => void (e.sfbPools![0]!.fqdn = v) },
  { name: 'sfbPools[0].version', kind: 'enum', benign: ['SfB2015'], set: (e, v) => void (e.sfbPools![0]!.version = v as never) },
  { name: 'sfbPools[0].servers[0]', kind: 'fqdn', benign: ['fe1.contoso.com'], set: (e, v) => void (e.sfbPools![0]!.servers![0] = v) },
  // An empty optional name counts as absent: the script then carries a WARNING instead of the value.
  { name: 'edgePools[0].internalFqdn', kind: 'fqdn', benign: ['edge-int.contoso.com', ''], set: (e, v) => void (e.edgePools![0]!.internalFqdn = v) },
  { name: 'edgePools[0].accessEdgeFqdn', kind: 'fqdn', benign: ['sip.contoso.com', ''], set: (e, v) => void (e.edgePools![0]!.accessEdgeFqdn = v) },
  { name: 'edgePools[0].webConferencingEdgeFqdn', kind: 'fqdn', benign: ['webconf.contoso.com', ''], set: (e, v) => void (e.edgePools![0]!.webConferencingEdgeFqdn = v) },
  { name: 'edgePools[0].avEdgeFqdn', kind: 'fqdn', benign: ['av.contoso.com', ''], set: (e, v) => void (e.edgePools![0]!.avEdgeFqdn = v) },
  { name: 'edgePools[0].version', kind: 'enum', benign: ['SfB2015'], set: (e, v) => void (e.edgePools![0]!.version = v as never) },
  { name: 'sipDomains[0]', kind: 'fqdn', benign: ['contoso.com'], set: (e, v) => void (e.sipDomains![0] = v) },
  { name: 'smtpDomains[0]', kind: 'fqdn', benign: ['contoso.com'], set: (e, v) => void (e.smtpDomains![0] = v) },
  { name: 'owaIm.trustedApplicationPoolFqdn', kind: 'fqdn', benign: ['owa.contoso.com'], set: (e, v) => void (e.owaIm!.trustedApplicationPoolFqdn = v) },
  { name: 'owaIm.imServerName', kind: 'fqdn', benign: ['pool01.contoso.com'], set: (e, v) => void (e.owaIm!.imServerName = v) },
  { name: 'owaIm.certificateThumbprint', kind: 'thumbprint', benign: [T1], set: (e, v) => void (e.owaIm!.certificateThumbprint = v) },
  { name: 'authConfig.currentCertificateThumbprint', kind: 'thumbprint', benign: [T2], set: (e, v) => void (e.authConfig!.currentCertificateThumbprint = v) },
  { name: 'authConfig.nextCertificateThumbprint', kind: 'thumbprint', benign: [T1], set: (e, v) => void (e.authConfig!.nextCertificateThumbprint = v) },
  { name: 'authConfig.previousCertificateThumbprint', kind: 'thumbprint', benign: [T2], set: (e, v) => void (e.authConfig!.previousCertificateThumbprint = v) },
  {
    name: 'oauthTokenIssuerThumbprints key',
    kind: 'fqdn',
    benign: ['fe1.contoso.com'],
    set: (e, v) => void (e.oauthTokenIssuerThumbprints = { [v]: T1, 'fe2.contoso.com': T1 }),
  },
  {
    name: 'oauthTokenIssuerThumbprints value',
    kind: 'thumbprint',
    benign: [T1],
    set: (e, v) => void (e.oauthTokenIssuerThumbprints = { 'fe1.contoso.com': v, 'fe2.contoso.com': T1 }),
  },
  { name: 'trustedRoots[0]', kind: 'text', benign: ['-----BEGIN CERTIFICATE-----'], set: (e, v) => void (e.trustedRoots![0] = v) },
];

// ---------------------------------------------------------------------------------------------
// Checking one generated output
// ---------------------------------------------------------------------------------------------

/** A typed refusal with one line, or the outputs; anything else is a problem string. */
function attempt(generate: () => string[]): { outputs: string[] } | { refused: string } | { problem: string } {
  try {
    return { outputs: generate() };
  } catch (e) {
    if (!isUnsafeValueError(e)) return { problem: `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} instead of an UnsafeValueError` };
    if (LINE_BREAK.test(e.message)) return { problem: `the refusal message is not one line: ${JSON.stringify(e.message)}` };
    return { refused: e.code };
  }
}

const show = (v: string) => JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v);

/**
 * Problems with one accepted PowerShell output: the value (and the payload, when the benign
 * script does not already contain it) outside a literal, or a code skeleton unlike every benign one.
 */
function psProblems(script: string, reference: { texts: string[]; skeletons: Set<string> }, value: string, payload: string): string[] {
  const out: string[] = [];
  for (const needle of new Set([value, payload])) {
    if (needle.trim() === '' || reference.texts.some((t) => t.includes(needle) || t.includes(needle.replace(/'/g, "''")))) continue;
    for (const x of exposuresInPowerShell(script, needle)) out.push(`${show(needle)} in ${x.where}: ${x.context}`);
  }
  if (!reference.skeletons.has(codeSkeleton(script))) out.push('the code skeleton differs from the benign script: the value changed code');
  return out;
}

function infProblems(inf: string, reference: { texts: string[]; skeletons: Set<string> }, value: string, payload: string): string[] {
  const out: string[] = [];
  for (const needle of new Set([value, payload])) {
    if (needle.trim() === '' || reference.texts.some((t) => t.includes(needle))) continue;
    for (const x of exposuresInInf(inf, needle)) out.push(`INF: ${show(needle)} ${x.where}: ${x.context}`);
  }
  if (!reference.skeletons.has(infSkeleton(inf))) out.push('the INF shape differs from the benign INF: the value added keys or sections');
  return out;
}

interface Tally {
  refused: number;
  /** Accepted, written into the output, and proven inert. */
  inert: number;
  /** Accepted, but the output is byte-identical to a benign one (the role never reads the field). */
  unused: number;
  problems: string[];
}

/**
 * Runs every corpus payload through `generate` for one field: `outputs[i]` is PowerShell
 * unless `isInf(i)`. Benign values give the reference texts and skeletons.
 */
function exercise(
  label: string,
  kind: Kind,
  benign: string[],
  generate: (value: string) => string[],
  isInf: (index: number) => boolean = () => false,
  tally: Tally,
): void {
  const refs: { texts: string[]; skeletons: Set<string> }[] = [];
  for (const b of benign) {
    const r = attempt(() => generate(b));
    if (!('outputs' in r)) continue;
    r.outputs.forEach((text, i) => {
      refs[i] ??= { texts: [], skeletons: new Set() };
      refs[i]!.texts.push(text);
      refs[i]!.skeletons.add(isInf(i) ? infSkeleton(text) : codeSkeleton(text));
    });
  }
  if (refs.length === 0) return; // the scenario itself does not apply (e.g. UM on Exchange 2019)
  for (const [name, payload] of CORPUS) {
    for (const value of valuesFor(kind, benign[0]!, payload)) {
      const r = attempt(() => generate(value));
      if ('problem' in r) {
        tally.problems.push(`${label} × ${name} ${show(value)}: ${r.problem}`);
      } else if ('refused' in r) {
        tally.refused++;
      } else if (r.outputs.every((text, i) => refs[i]?.texts.includes(text))) {
        tally.unused++;
      } else {
        const found = r.outputs.flatMap((text, i) =>
          refs[i] === undefined
            ? [`output ${i} has no benign reference`]
            : isInf(i)
              ? infProblems(text, refs[i]!, value, payload)
              : psProblems(text, refs[i]!, value, payload),
        );
        if (found.length > 0) tally.problems.push(...found.map((p) => `${label} × ${name} ${show(value)}: ${p}`));
        else tally.inert++;
      }
    }
  }
}

/** All problems counted, the first ones shown (a failing field can list hundreds). */
function expectNoProblems(t: Tally): void {
  expect(t.problems.length, `${t.problems.length} problems, the first:\n${t.problems.slice(0, 8).join('\n')}\n`).toBe(0);
}

const newTally = (): Tally => ({ refused: 0, inert: 0, unused: 0, problems: [] });
type Totals = { generations: number; refused: number; inert: number; unused: number };
const newTotals = (): Totals => ({ generations: 0, refused: 0, inert: 0, unused: 0 });
function record(totals: Totals, t: Tally): void {
  totals.refused += t.refused;
  totals.inert += t.inert;
  totals.unused += t.unused;
  totals.generations += t.refused + t.inert + t.unused + t.problems.length;
}
const summary = (what: string, t: Totals) =>
  `${what}: ${CORPUS.length} payloads, ${t.generations} generations: ${t.refused} refused (UnsafeValueError), ${t.inert} accepted and proven inert, ${t.unused} accepted with output byte-identical to the benign one (field not used by that role, or normalised away)`;
const totals = newTotals();
const requestTotals = newTotals();

// ---------------------------------------------------------------------------------------------
// The checker can fail: deliberately unsafe generators are flagged
// ---------------------------------------------------------------------------------------------

describe('psTokens: the checker flags unsafe scripts', () => {
  const hostile = "x';Stop-Computer;'";

  it('flags a value concatenated into code, a naive quote, a look-alike quote, a comment with a CR, strings that expand', () => {
    expect(exposuresInPowerShell(`Set-X -Name ${hostile}\n`, hostile)[0]?.where).toBe('code');
    expect(exposuresInPowerShell("Set-X -Name x$(calc)\n", 'x$(calc)')[0]?.where).toBe('code');
    // Quoting without doubling: the value closes the literal.
    expect(exposuresInPowerShell(`Set-X -Name '${hostile}'\n`, hostile).length).toBeGreaterThan(0);
    // Doubling only ASCII ': PowerShell also ends a string at U+2019.
    const curly = 'x\u2019;Stop-Computer;\u2019y';
    expect(exposuresInPowerShell(`Set-X -Name '${curly.replace(/'/g, "''")}'\n`, curly).length).toBeGreaterThan(0);
    // A CR ends a comment for PowerShell.
    expect(exposuresInPowerShell('# note: x\rStop-Computer\n', 'x\rStop-Computer').length).toBeGreaterThan(0);
    expect(exposuresInPowerShell('Write-Host "x$(Stop-Computer)"\n', 'x$(Stop-Computer)')[0]?.where).toBe('double');
    expect(exposuresInPowerShell('Write-Host "a$(Stop-Computer)b"\n', 'Stop-Computer')).toHaveLength(1);
    expect(exposuresInPowerShell('Write-Host "value x"\n', 'value x')[0]?.where).toBe('double');
    expect(exposuresInPowerShell("$a = @'\nvalue x\n'@\n", 'value x')[0]?.where).toBe('here-single');
    expect(exposuresInPowerShell("$a = 'x\n", 'x').some((x) => x.where.includes('unterminated'))).toBe(true);
  });

  it('accepts a value psQuote wrote, and only counts a comment after whitespace', () => {
    expect(exposuresInPowerShell(`Set-X -Name ${psQuote(hostile)} # ${'ok'}\n`, hostile)).toEqual([]);
    expect(exposuresInPowerShell("Set-X -Name 'a'#b\n", '#b')[0]?.where).toBe('code');
    expect(exposuresInPowerShell("Set-X -Name 'a' #b\n", '#b')).toEqual([]);
  });

  it('the skeleton changes when a value changes code, and not when it only changes a literal', () => {
    const gen = (v: string) => `$name = ${psQuote(v)}\n# for ${v}\nSet-X -Name $name\n`;
    expect(codeSkeleton(gen("it's; $(calc)"))).toBe(codeSkeleton(gen('benign')));
    const naive = (v: string) => `$name = '${v}'\nSet-X -Name $name\n`;
    expect(codeSkeleton(naive(hostile))).not.toBe(codeSkeleton(naive('benign')));
  });

  it('a naive generator fails the corpus run', () => {
    const tally = newTally();
    exercise('naive --name', 'text', ['benign'], (v) => [`$name = '${v}'\nSet-X -Name $name\n`], () => false, tally);
    expect(tally.problems.length).toBeGreaterThan(10);
    const unquoted = newTally();
    exercise('unquoted --name', 'text', ['benign'], (v) => [`Set-X -Name ${v}\n`], () => false, unquoted);
    expect(unquoted.problems.length).toBeGreaterThan(10);
  });

  it('flags an INF value with a quote or a line break, or outside quotes', () => {
    expect(exposuresInInf('FriendlyName = "a"\r\nX = 1\r\n', 'X = 1')[0]?.where).toBe('outside one quoted INF string');
    const v = 'a"\r\n[NewRequest]\r\nExportable = TRUE';
    expect(exposuresInInf(`FriendlyName = "${v}"\r\n`, v).length).toBeGreaterThan(0);
    expect(exposuresInInf('FriendlyName = "a;b"\r\n', 'a;b')).toEqual([]);
    expect(infSkeleton(`FriendlyName = "${v}"\r\n`)).not.toBe(infSkeleton('FriendlyName = "a"\r\n'));
  });
});

// ---------------------------------------------------------------------------------------------
// certbench commands / commandsFor
// ---------------------------------------------------------------------------------------------

interface Scenario {
  label: string;
  options: CommandOptions;
}

const SCENARIOS: Scenario[] = [
  { label: 'exchange-um 2010 --server', options: { role: 'exchange-um', server: 'ex1.contoso.com', exchangeVersion: '2010', sfbVersion: 'Lync2013', thumbprint: T1 } },
  // A server the environment does not list: its version cannot contradict --exchange-version.
  { label: 'exchange-um 2013 --server', options: { role: 'exchange-um', server: 'ex3.contoso.com', exchangeVersion: '2013', pfxPath: 'C:\\Certs\\um.pfx' } },
  { label: 'exchange-um from the environment', options: { role: 'exchange-um' } },
  { label: 'owa-im 2010 RTM', options: { role: 'owa-im', server: 'ex1.contoso.com', exchangeVersion: '2010' } },
  { label: 'owa-im 2010 SP1', options: { role: 'owa-im', server: 'ex1.contoso.com', exchangeVersion: '2010SP1' } },
  { label: 'owa-im 2013', options: { role: 'owa-im', server: 'ex1.contoso.com', exchangeVersion: '2013', sfbVersion: 'Lync2013' } },
  { label: 'owa-im versions from the environment', options: { role: 'owa-im', server: 'ex1.contoso.com' } },
  { label: 'owa-im no --server', options: { role: 'owa-im', exchangeVersion: '2019', sfbVersion: 'SfB2019' } },
  { label: 'edge-external', options: { role: 'edge-external', thumbprint: T1 } },
  { label: 'edge-external --roll', options: { role: 'edge-external', roll: true, sfbVersion: 'SfB2019' } },
  { label: 'edge-internal', options: { role: 'edge-internal', pfxPath: '\\\\files\\share\\edge.pfx' } },
  { label: 'exchange-auth new', options: { role: 'exchange-auth', server: 'ex1.contoso.com' } },
  { label: 'exchange-auth given, no server', options: { role: 'exchange-auth', thumbprint: T1, exchangeVersion: '2013' } },
  { label: 'sfb-oauth', options: { role: 'sfb-oauth', thumbprint: T1 } },
  { label: 'sfb-oauth --roll', options: { role: 'sfb-oauth', roll: true } },
];

interface OptionField {
  name: string;
  kind: Kind;
  benign: (s: Scenario) => string[];
  set(o: CommandOptions, value: string): CommandOptions;
}

const OPTION_FIELDS: OptionField[] = [
  { name: '--server', kind: 'fqdn', benign: (s) => [s.options.server ?? 'ex1.contoso.com'], set: (o, v) => ({ ...o, server: v }) },
  { name: '--thumbprint', kind: 'thumbprint', benign: () => [T1], set: (o, v) => ({ ...o, thumbprint: v }) },
  { name: '--pfx', kind: 'path', benign: () => ['C:\\CertBench\\x.pfx'], set: (o, v) => ({ ...o, pfxPath: v }) },
  { name: '--exchange-version', kind: 'enum', benign: (s) => [s.options.exchangeVersion ?? '2016'], set: (o, v) => ({ ...o, exchangeVersion: v as never }) },
  { name: '--sfb-version', kind: 'enum', benign: (s) => [s.options.sfbVersion ?? 'SfB2015'], set: (o, v) => ({ ...o, sfbVersion: v as never }) },
  { name: '--role', kind: 'enum', benign: (s) => [s.options.role], set: (o, v) => ({ ...o, role: v as never }) },
];

describe('commandsFor: every option and environment value × the corpus', () => {
  afterAll(() => {
    // The numbers quoted in the report.
    console.log(summary('commandsFor injection corpus', totals));
  });

  it.each(OPTION_FIELDS.map((f) => [f.name, f] as const))('%s', (_name, field) => {
    const tally = newTally();
    for (const s of SCENARIOS) {
      exercise(`${field.name} [${s.label}]`, field.kind, field.benign(s), (v) => [commandsFor({ ...field.set(s.options, v), environment: structuredClone(BASE_ENV) })], undefined, tally);
    }
    record(totals, tally);
    expectNoProblems(tally);
    expect(tally.refused).toBeGreaterThan(0);
  });

  it.each(ENV_FIELDS.map((f) => [f.name, f] as const))('environment %s', (_name, field) => {
    const tally = newTally();
    for (const s of SCENARIOS) {
      exercise(
        `environment ${field.name} [${s.label}]`,
        field.kind,
        field.benign,
        (v) => {
          const environment = structuredClone(BASE_ENV);
          field.set(environment, v);
          return [commandsFor({ ...s.options, environment })];
        },
        undefined,
        tally,
      );
    }
    record(totals, tally);
    expectNoProblems(tally);
  });

  it('no certificate-derived text enters a script: the 2010 RTM issuer and serial are read on the server', () => {
    const script = commandsFor({ role: 'owa-im', server: 'ex1.contoso.com', exchangeVersion: '2010', environment: BASE_ENV });
    // Issuer DN and serial come from Get-ExchangeCertificate at run time and go through the XML DOM.
    expect(script).toContain('$imIssuer = $imCert.Issuer');
    // They reach each server's web.config as arguments of the remote script block, never as text.
    expect(script).toContain('-ArgumentList $imServerName, $imIssuer, $imSerial');
    expect(script).toContain("Set-OwaAppSetting $owaConfig 'IMCertificateIssuer' $Issuer");
    expect(script).toContain("Set-OwaAppSetting $owaConfig 'IMCertificateSerialNumber' $Serial");
    expect(exposuresInPowerShell(script, '$imIssuer').every((x) => x.where === 'code')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// certbench request: draftFor → certreq INF + server-side script
// ---------------------------------------------------------------------------------------------

interface RequestScenario {
  label: string;
  role: RequestRole;
  server?: string;
  key?: KeyChoice;
}

const REQUEST_SCENARIOS: RequestScenario[] = [
  { label: 'exchange-um --server', role: 'exchange-um', server: 'ex1.contoso.com' },
  { label: 'exchange-um from the environment, rsa4096', role: 'exchange-um', key: 'rsa4096' },
  { label: 'owa-im', role: 'owa-im' },
  { label: 'owa-im --server', role: 'owa-im', server: 'owa.contoso.com' },
  { label: 'edge-external', role: 'edge-external' },
  { label: 'edge-internal --server', role: 'edge-internal', server: 'edge-int.contoso.com' },
  { label: 'exchange-auth', role: 'exchange-auth' },
  { label: 'sfb-oauth', role: 'sfb-oauth' },
];

/** The draft, as the request designer lets the admin edit it, and the server-side options. */
interface RequestInput {
  env: Environment;
  server: string | undefined;
  edit: (d: RequestDraft) => RequestDraft;
  options: ServerSideOptions;
}

function requestOutputs(s: RequestScenario, input: RequestInput): string[] {
  let draft = draftFor(s.role, input.env, input.server);
  if (s.key) draft = { ...draft, key: s.key };
  draft = input.edit(draft);
  return [certreqInf(draft), serverSideRequestScript(draft, input.options)];
}

interface RequestField {
  name: string;
  kind: Kind;
  benign: (d: RequestDraft, s: RequestScenario) => string[];
  apply(input: RequestInput, value: string): void;
}

const draftEdit = (input: RequestInput, f: (d: RequestDraft) => RequestDraft) => {
  const before = input.edit;
  input.edit = (d) => f(before(d));
};

const REQUEST_FIELDS: RequestField[] = [
  { name: '--server', kind: 'fqdn', benign: (_d, s) => [s.server ?? 'ex1.contoso.com'], apply: (i, v) => void (i.server = v) },
  { name: 'draft commonName', kind: 'fqdn', benign: (d) => [d.commonName], apply: (i, v) => draftEdit(i, (d) => ({ ...d, commonName: v })) },
  { name: 'draft dnsNames[0]', kind: 'fqdn', benign: (d) => [d.dnsNames[0] ?? 'ex1.contoso.com'], apply: (i, v) => draftEdit(i, (d) => ({ ...d, dnsNames: [v, ...d.dnsNames.slice(1)] })) },
  { name: 'draft dnsNames (added)', kind: 'fqdn', benign: () => ['extra.contoso.com'], apply: (i, v) => draftEdit(i, (d) => ({ ...d, dnsNames: [...d.dnsNames, v] })) },
  { name: 'draft friendlyName', kind: 'text', benign: (d) => [d.friendlyName], apply: (i, v) => draftEdit(i, (d) => ({ ...d, friendlyName: v })) },
  { name: 'draft server', kind: 'fqdn', benign: (d) => [d.server ?? 'ex1.contoso.com'], apply: (i, v) => draftEdit(i, (d) => ({ ...d, server: v })) },
  { name: 'draft notes[0]', kind: 'text', benign: (d) => [d.notes[0] ?? 'A note.'], apply: (i, v) => draftEdit(i, (d) => ({ ...d, notes: [v, ...d.notes.slice(1)] })) },
  { name: 'draft lyncTypes[0]', kind: 'enum', benign: (d) => [d.lyncTypes?.[0] ?? 'Default'], apply: (i, v) => draftEdit(i, (d) => (d.lyncTypes ? { ...d, lyncTypes: [v, ...d.lyncTypes.slice(1)] } : d)) },
  { name: 'draft ekus[0]', kind: 'enum', benign: () => ['1.3.6.1.5.5.7.3.1'], apply: (i, v) => draftEdit(i, (d) => ({ ...d, ekus: [v, ...d.ekus.slice(1)] })) },
  { name: 'draft key', kind: 'enum', benign: (d) => [d.key], apply: (i, v) => draftEdit(i, (d) => ({ ...d, key: v as never })) },
  { name: 'draft role', kind: 'enum', benign: (d) => [d.role], apply: (i, v) => draftEdit(i, (d) => ({ ...d, role: v as never })) },
  { name: 'draft product', kind: 'enum', benign: (d) => [d.product], apply: (i, v) => draftEdit(i, (d) => ({ ...d, product: v as never })) },
  { name: 'request folder', kind: 'path', benign: () => ['C:\\CertBench'], apply: (i, v) => void (i.options = { folder: v }) },
  ...ENV_FIELDS.map(
    (f): RequestField => ({
      name: `environment ${f.name}`,
      kind: f.kind,
      benign: () => f.benign,
      apply: (i, v) => f.set(i.env, v),
    }),
  ),
];


describe('request outputs (certreq INF + server-side script): every draft and environment value × the corpus', () => {
  afterAll(() => {
    console.log(summary('request (INF + server-side script) injection corpus', requestTotals));
  });

  it.each(REQUEST_FIELDS.map((f) => [f.name, f] as const))('%s', (_name, field) => {
    const tally = newTally();
    for (const s of REQUEST_SCENARIOS) {
      const draft = draftFor(s.role, BASE_ENV, s.server);
      exercise(
        `${field.name} [${s.label}]`,
        field.kind,
        field.benign(draft, s),
        (v) => {
          const input: RequestInput = { env: structuredClone(BASE_ENV), server: s.server, edit: (d) => d, options: {} };
          field.apply(input, v);
          return requestOutputs(s, input);
        },
        (i) => i === 0,
        tally,
      );
    }
    record(requestTotals, tally);
    expectNoProblems(tally);
  });

  it('refuses a double quote or a line break in every value the INF quotes', () => {
    const fields = REQUEST_FIELDS.filter((f) => ['draft commonName', 'draft dnsNames[0]', 'draft friendlyName', '--server'].includes(f.name));
    const bad = CORPUS.map(([, p]) => p).filter((p) => p.includes('"') || LINE_BREAK.test(p));
    expect(bad.length).toBeGreaterThan(8);
    for (const field of fields) {
      for (const payload of bad) {
        for (const value of valuesFor(field.kind, 'ex1.contoso.com', payload)) {
          const input: RequestInput = { env: structuredClone(BASE_ENV), server: 'ex1.contoso.com', edit: (d) => d, options: {} };
          field.apply(input, value);
          const r = attempt(() => [certreqInf(input.edit(draftFor('exchange-um', input.env, input.server)))]);
          expect('refused' in r, `${field.name} ${show(value)}`).toBe(true);
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The built CLI, for a representative subset: exit 2 and one stderr line, or an inert script
// ---------------------------------------------------------------------------------------------

describe('certbench CLI: hostile values', () => {
  let dir: string;
  beforeAll(() => {
    requireBuiltCli();
    dir = mkdtempSync(join(tmpdir(), 'certbench-injection-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // NUL cannot travel in argv; everything else can.
  const SUBSET = CORPUS.filter(([name]) =>
    [
      'single quote',
      'subexpression',
      'backtick',
      'LF then a command',
      'CR then a command',
      'right single quote U+2019',
      'en dash parameter',
      'line comment',
      'quote break-out',
      'look-alike break-out',
      '300-character label',
      'empty',
      'Cyrillic homoglyph FQDN',
    ].includes(name),
  );

  interface CliCase {
    argv: (value: string) => string[];
    kind: Kind;
    benign: string;
  }
  const CASES: Record<string, CliCase> = {
    'commands --server': { argv: (v) => ['commands', '--role', 'exchange-um', `--server=${v}`], kind: 'fqdn', benign: 'ex1.contoso.com' },
    'commands --thumbprint': { argv: (v) => ['commands', '--role', 'edge-internal', `--thumbprint=${v}`], kind: 'thumbprint', benign: T1 },
    'commands --pfx': { argv: (v) => ['commands', '--role', 'edge-internal', `--pfx=${v}`], kind: 'path', benign: 'C:\\CertBench\\x.pfx' },
    'commands --exchange-version': { argv: (v) => ['commands', '--role', 'owa-im', `--exchange-version=${v}`], kind: 'enum', benign: '2016' },
    'request --server': {
      argv: (v) => ['request', '--role', 'exchange-um', `--server=${v}`, '--out', join(dir, 'req'), '--passphrase-env', 'CB_INJECTION_PASS'],
      kind: 'fqdn',
      benign: 'ex1.contoso.com',
    },
  };

  it.each(Object.entries(CASES))('%s', async (name, c) => {
    const benign = await runCli(c.argv(c.benign), { env: { CB_INJECTION_PASS: 'correct horse' } });
    const problems: string[] = [];
    const runs = SUBSET.flatMap(([payload, p]) => valuesFor(c.kind, c.benign, p).map((value) => ({ payload, p, value })));
    const results = await Promise.all(runs.map((r) => runCli(c.argv(r.value), { env: { CB_INJECTION_PASS: 'correct horse' } })));
    runs.forEach((r, i) => {
      const res = results[i]!;
      const where = `${name} × ${r.payload} ${show(r.value)}`;
      if (res.code === 2) {
        const lines = stderrLines(res);
        if (lines.length !== 1) problems.push(`${where}: ${lines.length} stderr lines`);
        if (/unexpected failure/.test(res.stderr)) problems.push(`${where}: ${res.stderr.trim()}`);
        if (res.stdout !== '') problems.push(`${where}: wrote to stdout while refusing`);
      } else if (res.code === 0 && name.startsWith('commands')) {
        const found = psProblems(res.stdout, { texts: [benign.stdout], skeletons: new Set([codeSkeleton(benign.stdout)]) }, r.value, r.p);
        problems.push(...found.map((f) => `${where}: ${f}`));
      } else {
        problems.push(`${where}: exit ${res.code} ${res.stderr.trim()}`);
      }
    });
    expect(benign.code).toBe(0);
    expect(problems).toEqual([]);
    if (name.startsWith('request')) {
      // Refused before anything was made: only the benign run wrote files.
      expect(readdirSync(join(dir, 'req')).sort()).toEqual(
        ['exchange-um-ex1.contoso.com.csr', 'exchange-um-ex1.contoso.com.inf', 'exchange-um-ex1.contoso.com.key.pem', 'exchange-um-ex1.contoso.com.request.ps1'],
      );
    }
  });

  it('an environment file with hostile values: exit 2, one line', async () => {
    const files: [string, Environment][] = [
      ['version.json', { ...BASE_ENV, exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016\nStop-Computer' as never }] }],
      ['os.json', { ...BASE_ENV, exchangeServers: [{ fqdn: 'ex1.contoso.com', os: '2016\rStop-Computer' as never }] }],
      ['pool.json', { ...BASE_ENV, owaIm: { imServerName: "pool01.contoso.com';Stop-Computer;'" } }],
      ['thumb.json', { ...BASE_ENV, owaIm: { certificateThumbprint: `${T1}\u2019;calc` } }],
      ['key.json', { ...BASE_ENV, oauthTokenIssuerThumbprints: { "fe1.contoso.com'$(calc)": T1 } }],
    ];
    for (const [file, env] of files) writeFileSync(join(dir, file), JSON.stringify(env));
    const results = await Promise.all(
      files.map(([file]) => runCli(['commands', '--role', file === 'key.json' ? 'sfb-oauth' : 'owa-im', '--server', 'ex1.contoso.com', '--env', join(dir, file)])),
    );
    results.forEach((res, i) => {
      expect(res.code, `${files[i]![0]}: ${res.stdout.slice(0, 200)}`).toBe(2);
      expect(stderrLines(res), files[i]![0]).toHaveLength(1);
      expect(res.stderr).not.toMatch(/unexpected failure/);
    });
  });
});
