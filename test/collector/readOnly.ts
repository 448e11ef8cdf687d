// The collector's read-only contract, as checks over the parsed script (psAst.ts). Each check
// returns the offending items (empty = fine), so the tests can also prove that each check
// catches what it must by feeding it a bad script.
import type { PsFacts } from './psAst.js';

/** Verbs a read-only collector may call (issue 12): reading, selecting, formatting, writing text. */
export const ALLOWED_VERBS = ['Get', 'Select', 'Where', 'ForEach', 'Export', 'ConvertTo', 'Out', 'Write', 'Test', 'Join'];
/** Whole command names allowed besides those verbs. */
export const ALLOWED_COMMANDS = ['New-Object', 'Invoke-Command', 'certutil'];

/** Get-* and Export-* that are not reads of public data: prompts, key or certificate exports. */
const FORBIDDEN_COMMANDS = [/^Read-Host$/i, /^Get-Credential$/i, /^Export-ExchangeCertificate$/i, /^Export-PfxCertificate$/i, /^Export-Certificate$/i, /^Export-CsCertificate$/i];
const FORBIDDEN_PARAMETERS = [/^-Password/i, /^-Credential/i, /^-PrivateKey/i, /^-FilePath$/i, /^-AsPlainText$/i];

/** certutil verbs that only read; anything else (-delstore, -importpfx, -repairstore, …) is refused. */
const CERTUTIL_READS = ['-store', '-dump', '-verifystore', '-viewstore', '-verify', '-hashfile', '-?'];

/** .NET types the script may name: casts, its data structures, and the few statics it calls. */
export const ALLOWED_TYPES = [
  'ordered',
  'void',
  'int',
  'bool',
  'string',
  'byte[]',
  'xml',
  'DateTime',
  'Convert',
  'System.IO.File',
  'System.IO.Path',
  'System.Net.Dns',
  'System.Globalization.CultureInfo',
];
/** Objects the script may create with New-Object. */
export const ALLOWED_NEW_OBJECTS = ['System.Collections.ArrayList', 'PSObject', 'System.Text.UTF8Encoding'];
/** Static calls: encode the public certificate, resolve this computer's name, write the snapshot. */
export const ALLOWED_STATIC_CALLS = ['[Convert]::ToBase64String', '[System.Net.Dns]::GetHostEntry', '[System.IO.Path]::IsPathRooted', '[System.IO.File]::WriteAllText'];
/** Instance methods: text and date formatting, list building. Nothing that exports, deletes or sets. */
export const ALLOWED_METHODS = ['Add', 'Contains', 'ContainsKey', 'Trim', 'TrimEnd', 'ToUpperInvariant', 'ToUniversalTime', 'ToString'];

function verbOf(name: string): string | undefined {
  const dash = name.indexOf('-');
  return dash > 0 ? name.slice(0, dash) : undefined;
}

/** Commands whose verb or name is not allowed, and explicitly forbidden commands. */
export function disallowedCommands(facts: PsFacts): string[] {
  const bad: string[] = [];
  for (const c of facts.commands) {
    const name = c.name;
    if (FORBIDDEN_COMMANDS.some((re) => re.test(name))) {
      bad.push(`${name} (line ${c.line}) is forbidden`);
      continue;
    }
    const allowed = ALLOWED_COMMANDS.some((a) => a.toLowerCase() === name.toLowerCase()) || ALLOWED_VERBS.some((v) => v.toLowerCase() === verbOf(name)?.toLowerCase());
    if (!allowed) bad.push(`${name} (line ${c.line})`);
  }
  // A function the script defines is a command too: its name must pass the same verb rule.
  for (const f of facts.functions) {
    if (!ALLOWED_VERBS.some((v) => v.toLowerCase() === verbOf(f)?.toLowerCase())) bad.push(`function ${f}`);
  }
  return bad;
}

export function forbiddenParameters(facts: PsFacts): string[] {
  const bad: string[] = [];
  for (const c of facts.commands) {
    for (const e of c.elements) if (FORBIDDEN_PARAMETERS.some((re) => re.test(e))) bad.push(`${c.name} ${e} (line ${c.line})`);
  }
  return bad;
}

/** certutil calls that are not one of the read forms. */
export function certutilWrites(facts: PsFacts): string[] {
  return facts.commands
    .filter((c) => /^certutil(\.exe)?$/i.test(c.name))
    .filter((c) => {
      const verbs = c.elements.filter((e) => e.startsWith('-'));
      return verbs.length === 0 || verbs.some((v) => !CERTUTIL_READS.includes(v.toLowerCase()) && v.toLowerCase() !== '-user');
    })
    .map((c) => `certutil ${c.elements.join(' ')} (line ${c.line})`);
}

/** Invoke-Command only with a script block literal defined in the script (so its body is checked here too). */
export function unsafeInvokeCommands(facts: PsFacts): string[] {
  const bad: string[] = [];
  for (const c of facts.commands.filter((x) => x.name.toLowerCase() === 'invoke-command')) {
    const i = c.elements.findIndex((e) => e.toLowerCase() === '-scriptblock');
    const block = i >= 0 ? c.elements[i + 1] : undefined;
    if (!block || !facts.scriptBlockVariables.includes(block)) bad.push(`Invoke-Command without a script block of this script (line ${c.line})`);
  }
  for (const c of facts.commands.filter((x) => x.name.startsWith('&'))) bad.push(`dynamic call ${c.name} (line ${c.line})`);
  return bad;
}

export function disallowedTypes(facts: PsFacts): string[] {
  return [...new Set(facts.types)].filter((t) => !ALLOWED_TYPES.some((a) => a.toLowerCase() === t.toLowerCase()));
}

export function disallowedNewObjects(facts: PsFacts): string[] {
  return facts.commands
    .filter((c) => c.name.toLowerCase() === 'new-object')
    .filter((c) => {
      const typeName = c.elements[0]?.toLowerCase() === '-typename' ? c.elements[1] : c.elements[0];
      return !ALLOWED_NEW_OBJECTS.some((a) => a.toLowerCase() === typeName?.toLowerCase());
    })
    .map((c) => `New-Object ${c.elements.join(' ')} (line ${c.line})`);
}

export function disallowedMethods(facts: PsFacts): string[] {
  const bad: string[] = [];
  for (const m of facts.methods) {
    if (m.isStatic) {
      const call = `${m.target}::${m.method}`;
      if (!ALLOWED_STATIC_CALLS.some((a) => a.toLowerCase() === call.toLowerCase())) bad.push(`${call} (line ${m.line})`);
    } else if (!ALLOWED_METHODS.some((a) => a.toLowerCase() === m.method.toLowerCase())) {
      bad.push(`${m.target}.${m.method}() (line ${m.line})`);
    }
  }
  return bad;
}

/** Any mention of a private key other than reading the HasPrivateKey / PrivateKeyExportable flags. */
export function privateKeyAccess(text: string): string[] {
  const bad: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*#/.test(line)) return;
    const hits = [...line.matchAll(/\.(\w*PrivateKey\w*)|(ExportParameters|Export\(|ExportCspBlob|ExportPkcs8|-Password\b)/gi)];
    if (hits.some((m) => !(m[1] && /^(HasPrivateKey|PrivateKeyExportable)$/i.test(m[1])))) bad.push(`line ${i + 1}: ${line.trim()}`);
  });
  return bad;
}
