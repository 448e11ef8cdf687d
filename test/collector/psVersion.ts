// What Windows PowerShell 3.0 / 4.0 cannot run, found in the parsed script: PowerShell 5 syntax
// (classes, enums, using, ::new()), PowerShell 7 operators (&&, ||, ternary, ??), and the
// cmdlets and parameters that arrived later. The collector must run in the Exchange Management
// Shell and the Lync / Skype for Business Management Shell of servers that may have 4.0.
import type { PsFacts } from './psAst.js';

const PS5_NODE_TYPES = ['class_statement', 'enum_statement', 'class_method_definition', 'class_property_definition'];
const PS7_TOKENS = ['&&', '||', '??', '?.', '??='];
/** Cmdlets newer than Windows PowerShell 4.0. */
const NEWER_COMMANDS = [/^Join-String$/i, /^ConvertFrom-String$/i, /^Get-Clipboard$/i, /^Set-Clipboard$/i, /^New-TemporaryFile$/i, /^Expand-Archive$/i, /^Compress-Archive$/i, /^Get-ComputerInfo$/i, /^Get-TimeZone$/i, /^ConvertFrom-SddlString$/i, /^Format-Hex$/i];
/** Parameters newer than 4.0 (Get-Date -AsUTC, ForEach-Object -Parallel, -NoNewline, …). */
const NEWER_PARAMETERS = [/^-AsUTC$/i, /^-Parallel$/i, /^-NoNewline$/i, /^-AsHashtable$/i, /^-EscapeHandling$/i, /^-Depth$/i, /^utf8NoBOM$/i, /^utf8BOM$/i];
/** ConvertTo-Json had -Depth from 3.0; only ConvertFrom-Json's -Depth is newer. */
const DEPTH_OK = /^ConvertTo-Json$/i;

export function ps5OrLater(facts: PsFacts, text: string): string[] {
  const found: string[] = [];
  for (const t of PS5_NODE_TYPES) if (facts.nodeTypes.has(t)) found.push(`${t} (PowerShell 5)`);
  for (const t of PS7_TOKENS) if (facts.tokens.has(t)) found.push(`operator ${t} (PowerShell 7)`);
  for (const m of facts.methods) if (m.isStatic && m.method.toLowerCase() === 'new') found.push(`${m.target}::new() (PowerShell 5; use New-Object) at line ${m.line}`);
  // .Where() / .ForEach() are PowerShell 4; the script's gate is 3.0.
  for (const m of facts.methods) if (!m.isStatic && /^(where|foreach)$/i.test(m.method)) found.push(`.${m.method}() (PowerShell 4) at line ${m.line}`);
  for (const c of facts.commands) {
    if (NEWER_COMMANDS.some((re) => re.test(c.name))) found.push(`${c.name} (newer than 4.0) at line ${c.line}`);
    for (const e of c.elements) {
      if (NEWER_PARAMETERS.some((re) => re.test(e)) && !(e.toLowerCase() === '-depth' && DEPTH_OK.test(c.name))) found.push(`${c.name} ${e} (newer than 4.0) at line ${c.line}`);
    }
  }
  text.split('\n').forEach((line, i) => {
    if (/^\s*using\s+(namespace|module|assembly)\b/i.test(line)) found.push(`using statement (PowerShell 5) at line ${i + 1}`);
    const requires = line.match(/^#requires\s+-version\s+(\d+)/i);
    if (requires && Number(requires[1]) > 4) found.push(`#requires -Version ${requires[1]} at line ${i + 1}`);
  });
  return found;
}
