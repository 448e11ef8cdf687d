// Which Windows PowerShell a script needs, found in the parsed script (tree-sitter-powershell,
// loaded as in test/collector/psAst.ts): the syntax, cmdlets, parameters, automatic variables
// and .NET APIs each version lacks. A generated script must run on the oldest shell of its
// product: Exchange 2010's Management Shell is Windows PowerShell 2.0 on .NET 3.5 (CLR 2), so
// nothing from CLR 4 either; Lync 2013 and SfB 2015 need only PowerShell 3.0 (WMF 3.0 on an
// upgraded Windows Server 2008 R2); SfB 2019 and Exchange 2019 run on Server 2016+ (5.1).
//
// Sources: about_PowerShell_Editions / "What's new in Windows PowerShell 3.0, 4.0, 5.0"
// (learn.microsoft.com/powershell/scripting/whats-new), the .NET API reference's "Applies to"
// (.NET Framework 4.0 for String.IsNullOrWhiteSpace, Enum.TryParse, NetworkCredential(String,
// SecureString), …), and "Server requirements for Skype for Business Server 2015" ("All Skype for
// Business Server servers need Windows PowerShell 3.0").
//
// What it cannot see: member enumeration (`$array.Property`, PowerShell 3.0) needs types, so a
// script must not rely on it; modules that a Windows version lacks are listed as cmdlets.
import { parsePowerShell, type Node } from '../collector/psAst.js';

export type PsVersion = '2.0' | '3.0' | '4.0' | '5.0' | '5.1' | '7.0';
const ORDER: readonly PsVersion[] = ['2.0', '3.0', '4.0', '5.0', '5.1', '7.0'];

export interface CompatProblem {
  line: number;
  /** What was found, e.g. "Get-Content -Raw". */
  what: string;
  /** The first version that has it, or 'parse' when the script does not parse at all. */
  needs: PsVersion | 'parse';
}

export function newerThan(a: PsVersion, b: PsVersion): boolean {
  return ORDER.indexOf(a) > ORDER.indexOf(b);
}

/** Cmdlets by the version (or Windows Server 2012 module, shipped with 3.0) that brought them. */
const COMMANDS: Record<string, PsVersion> = {
  'get-ciminstance': '3.0', 'invoke-cimmethod': '3.0', 'new-cimsession': '3.0', 'invoke-webrequest': '3.0', 'invoke-restmethod': '3.0',
  'convertto-json': '3.0', 'convertfrom-json': '3.0', 'unblock-file': '3.0', 'show-command': '3.0', 'register-scheduledjob': '3.0',
  // PKI and DnsClient modules: Windows Server 2012 (not in WMF 3.0 on 2008 R2 either).
  'get-pfxdata': '3.0', 'import-pfxcertificate': '3.0', 'export-pfxcertificate': '3.0', 'get-certificate': '3.0', 'new-selfsignedcertificate': '3.0', 'resolve-dnsname': '3.0', 'get-scheduledtask': '3.0',
  'get-filehash': '4.0', 'test-netconnection': '4.0',
  'compress-archive': '5.0', 'expand-archive': '5.0', 'get-clipboard': '5.0', 'set-clipboard': '5.0', 'new-temporaryfile': '5.0', 'convertfrom-string': '5.0',
  'format-hex': '5.0', 'new-guid': '5.0', 'get-itempropertyvalue': '5.0', 'convertfrom-sddlstring': '5.0', 'write-information': '5.0',
  'get-computerinfo': '5.1', 'get-timezone': '5.1', 'set-timezone': '5.1', 'get-localuser': '5.1', 'get-localgroupmember': '5.1',
  'join-string': '7.0', 'get-error': '7.0', 'test-json': '7.0',
};

/** Parameters by command (lower case; '*' = any command). */
const PARAMETERS: { command: RegExp; parameter: RegExp; needs: PsVersion; what: string }[] = [
  { command: /^(get-content|gc|cat|type)$/, parameter: /^-raw$/, needs: '3.0', what: 'Get-Content -Raw' },
  { command: /^(get-childitem|gci|dir|ls)$/, parameter: /^-(file|directory|attributes|hidden|readonly|system)$/, needs: '3.0', what: 'Get-ChildItem -File/-Directory/-Attributes' },
  { command: /^(get-childitem|gci|dir|ls)$/, parameter: /^-depth$/, needs: '5.0', what: 'Get-ChildItem -Depth' },
  { command: /^add-member$/, parameter: /^-(notepropertyname|notepropertyvalue|notepropertymembers)$/, needs: '3.0', what: 'Add-Member -NotePropertyName' },
  { command: /^export-csv$/, parameter: /^-append$/, needs: '3.0', what: 'Export-Csv -Append' },
  { command: /^get-process$/, parameter: /^-includeusername$/, needs: '4.0', what: 'Get-Process -IncludeUserName' },
  { command: /^(out-file|set-content|add-content)$/, parameter: /^-nonewline$/, needs: '5.0', what: '-NoNewline' },
  { command: /^get-date$/, parameter: /^-asutc$/, needs: '7.0', what: 'Get-Date -AsUTC' },
  { command: /^(foreach-object|%|foreach)$/, parameter: /^-parallel$/, needs: '7.0', what: 'ForEach-Object -Parallel' },
  { command: /^convertfrom-json$/, parameter: /^-(ashashtable|depth)$/, needs: '7.0', what: 'ConvertFrom-Json -AsHashtable/-Depth' },
  { command: /^sort-object$/, parameter: /^-(top|bottom)$/, needs: '7.0', what: 'Sort-Object -Top' },
  { command: /.*/, parameter: /^-pipelinevariable$/, needs: '4.0', what: '-PipelineVariable' },
  { command: /.*/, parameter: /^-information(action|variable)$/, needs: '5.0', what: '-InformationAction' },
  { command: /.*/, parameter: /^(utf8nobom|utf8bom)$/i, needs: '7.0', what: 'encoding utf8NoBOM' },
];

/** .NET members that arrived with CLR 4 (.NET 4.0 / 4.5), so not in PowerShell 2.0, by `[type]::member`. */
const CLR4_STATICS: { type: RegExp; member: RegExp; what: string }[] = [
  { type: /^(system\.)?string$/, member: /^isnullorwhitespace$/, what: '[string]::IsNullOrWhiteSpace (.NET 4)' },
  { type: /^(system\.)?(enum|guid|timespan|version)$/, member: /^tryparse(exact)?$/, what: '::TryParse (.NET 4)' },
  { type: /^(system\.)?io\.directory$/, member: /^enumerate/, what: '[IO.Directory]::Enumerate* (.NET 4)' },
  { type: /^(system\.)?io\.file$/, member: /^(readlines|appendalllines)$/, what: '[IO.File]::ReadLines (.NET 4)' },
  { type: /^(system\.)?environment$/, member: /^is64bit(process|operatingsystem)$/, what: '[Environment]::Is64Bit* (.NET 4)' },
  { type: /^(system\.)?net\.securityprotocoltype$/, member: /^tls1[123]$/, what: '[Net.SecurityProtocolType]::Tls12 (.NET 4.5)' },
  { type: /^(system\.)?io\.stream$/, member: /^copyto$/, what: 'Stream.CopyTo (.NET 4)' },
];
/** Types that only exist from .NET 4 on. */
const CLR4_TYPES = /^(system\.)?(tuple|lazy|collections\.concurrent\.|numerics\.|net\.http\.|io\.compression\.zipfile|threading\.tasks\.)/i;

/**
 * tree-sitter-powershell reads a bare-word list without spaces (`Format-List Name,Status`,
 * `-Services UM,UMCallRouter`), valid in every PowerShell, as two words with a MISSING separator
 * between them. That one gap is not a script error; everything else the grammar refuses is.
 * (A list with spaces, `-Name A, B`, is a real ERROR in this grammar: the generators avoid it.)
 */
function grammarGap(n: Node): boolean {
  if (!n.isMissing) return false;
  const separator = n.type === 'command_argument_sep' ? n : n.parent?.type === 'command_argument_sep' ? n.parent : null;
  const next = separator?.nextSibling;
  return next?.type === 'generic_token' && next.text.startsWith(',');
}

function line(n: Node): number {
  return n.startPosition.row + 1;
}

function typeName(typeLiteral: Node): string {
  return typeLiteral.text.replace(/^\[|\]$/g, '').trim().toLowerCase();
}

function commandProblems(n: Node, minimum: PsVersion, add: (p: CompatProblem) => void): void {
  const nameNode = n.childForFieldName('command_name');
  if (!nameNode) return;
  const name = nameNode.text.toLowerCase();
  const elementsNode = n.childForFieldName('command_elements');
  const elements = elementsNode ? elementsNode.namedChildren.filter((c) => c.type !== 'command_argument_sep') : [];
  if (name === 'using') add({ line: line(n), what: 'using statement', needs: '5.0' });
  const since = COMMANDS[name];
  if (since) add({ line: line(n), what: nameNode.text, needs: since });
  for (const e of elements) {
    const text = e.text.toLowerCase();
    for (const p of PARAMETERS) if (p.command.test(name) && p.parameter.test(text)) add({ line: line(e), what: p.what, needs: p.needs });
  }
  // -ErrorAction Ignore (and -ErrorAction:Ignore) arrived with 3.0; 2.0 knows SilentlyContinue.
  elements.forEach((e, i) => {
    const t = e.text.toLowerCase();
    const value = /^-(erroraction|ea|warningaction|wa):/.test(t) ? t.split(':')[1] : /^-(erroraction|ea|warningaction|wa)$/.test(t) ? elements[i + 1]?.text.toLowerCase().replace(/'|"/g, '') : undefined;
    if (value === 'ignore') add({ line: line(e), what: `${e.text} Ignore`, needs: '3.0' });
  });
  // Where-Object Name -eq 'x' / ForEach-Object Name: the simplified syntax of 3.0.
  const hasBlock = elements.some((e) => e.text.trim().startsWith('{') || /^-(filterscript|process|begin|end)$/i.test(e.text));
  if (/^(where-object|where|\?|foreach-object|%)$/.test(name) && elements.length > 0 && !hasBlock) {
    add({ line: line(n), what: `${nameNode.text} without a script block (simplified syntax)`, needs: '3.0' });
  }
  if (minimum === '2.0' && name === 'new-object' && elements.some((e) => /networkcredential/i.test(e.text))) {
    add({ line: line(n), what: 'NetworkCredential(user, SecureString) (.NET 4)', needs: '3.0' });
  }
}

/** Every construct in `text` that `minimum` lacks, with its line. */
export function compatProblems(text: string, minimum: PsVersion): CompatProblem[] {
  const found: CompatProblem[] = [];
  const add = (p: CompatProblem) => {
    if (p.needs === 'parse' || newerThan(p.needs, minimum)) found.push(p);
  };
  const visit = (n: Node): void => {
    if ((n.type === 'ERROR' || n.isMissing) && !grammarGap(n)) add({ line: line(n), what: `does not parse (${n.isMissing ? `missing ${n.type}` : "error"}): ${n.text.slice(0, 40)}`, needs: 'parse' });
    if (n.type === 'class_statement' || n.type === 'enum_statement') add({ line: line(n), what: n.type === 'class_statement' ? 'class definition' : 'enum definition', needs: '5.0' });
    if (!n.isNamed) {
      const t = n.type.toLowerCase();
      if (/^-[ci]?(in|notin)$/.test(t)) add({ line: line(n), what: `operator ${n.type}`, needs: '3.0' });
      if (/^-(shl|shr)$/.test(t)) add({ line: line(n), what: `operator ${n.type}`, needs: '3.0' });
      if (['&&', '||', '??', '?.', '??=', '?['].includes(t)) add({ line: line(n), what: `operator ${n.type}`, needs: '7.0' });
    }
    if (n.type === 'variable') {
      const v = n.text.toLowerCase().replace(/^\$\{?/, '');
      if (v === 'psitem') add({ line: line(n), what: '$PSItem', needs: '3.0' });
      if (v.startsWith('using:')) add({ line: line(n), what: '$using: scope', needs: '3.0' });
      if (v === 'pscommandpath') add({ line: line(n), what: '$PSCommandPath', needs: '3.0' });
      if (v === 'psscriptroot') add({ line: line(n), what: '$PSScriptRoot outside a module', needs: '3.0' });
    }
    if (n.type === 'type_literal') {
      const t = typeName(n);
      if (t === 'ordered') add({ line: line(n), what: '[ordered]', needs: '3.0' });
      if (t === 'pscustomobject') add({ line: line(n), what: '[pscustomobject]', needs: '3.0' });
      if (CLR4_TYPES.test(t)) add({ line: line(n), what: `[${t}] (.NET 4)`, needs: '3.0' });
    }
    if (n.type === 'invokation_expression' || n.type === 'member_access') {
      const first = n.namedChildren[0];
      const member = n.namedChildren.find((c) => c.type === 'member_name');
      if (first && member) {
        const m = member.text.toLowerCase();
        if (first.type === 'type_literal') {
          const t = typeName(first);
          if (m === 'new' && n.type === 'invokation_expression') add({ line: line(n), what: `[${t}]::new() (use New-Object)`, needs: '5.0' });
          for (const s of CLR4_STATICS) if (s.type.test(t) && s.member.test(m)) add({ line: line(n), what: s.what, needs: '3.0' });
        } else if (n.type === 'invokation_expression') {
          if (m === 'where' || m === 'foreach') add({ line: line(n), what: `.${member.text}() method`, needs: '4.0' });
          if (m === 'getrsaprivatekey' || m === 'getrsapublickey') add({ line: line(n), what: `.${member.text}() (.NET 4.6)`, needs: '5.0' });
        }
      }
    }
    if (n.type === 'command') commandProblems(n, minimum, add);
    for (const c of n.children) visit(c);
  };
  visit(parsePowerShell(text).rootNode);
  text.split('\n').forEach((l, i) => {
    const requires = l.match(/^#requires\s+-version\s+(\d+)(?:\.(\d+))?/i);
    if (requires) {
      const v = `${requires[1]}.${requires[2] ?? '0'}` as PsVersion;
      if (ORDER.includes(v) && newerThan(v, minimum)) found.push({ line: i + 1, what: `#requires -Version ${requires[1]}`, needs: v });
    }
  });
  return found.sort((a, b) => a.line - b.line);
}

/** One line per problem, for a test failure message. */
export function describeProblems(problems: readonly CompatProblem[]): string {
  return problems.map((p) => `line ${p.line}: ${p.what} (${p.needs === 'parse' ? 'syntax error' : `PowerShell ${p.needs}`})`).join('\n');
}
