// Reads a PowerShell script with a real PowerShell grammar (tree-sitter-powershell) and lists
// what it does: every command it calls (with its arguments), every function it defines, every
// .NET type it names, every static and instance method it calls, every hashtable key it writes.
// The collector tests judge the script from these lists, not from its text.
import Parser from 'tree-sitter';
import PowerShell from 'tree-sitter-powershell';

export type Node = Parser.SyntaxNode;

export interface CommandCall {
  /** As written: `Get-ExchangeCertificate`, `certutil`, or `&$block` for a dynamic call. */
  name: string;
  /** Each argument / parameter token as written. */
  elements: string[];
  line: number;
  /** Inside a try { } block (a failure becomes an errors entry, not a stop). */
  inTry: boolean;
  /** Inside a script block literal (`$x = { ... }`), run through Invoke-Command. */
  inScriptBlock: boolean;
}

export interface MethodCall {
  /** `[Convert]` for a static call, otherwise the object expression's text. */
  target: string;
  method: string;
  isStatic: boolean;
  line: number;
}

export interface PsFacts {
  problems: string[];
  commands: CommandCall[];
  functions: string[];
  /** Every `[Type]` literal (casts, statics, `[ordered]`) with the brackets removed. */
  types: string[];
  methods: MethodCall[];
  /** Every `name` of `name = value` in a hashtable literal, and of `$table.name = value`. */
  hashKeys: string[];
  /** Every variable assigned a script block literal (`$x = { ... }`). */
  scriptBlockVariables: string[];
  /** Every variable the script mentions, lower case without `$` (`$env:X` left out). */
  variables: Set<string>;
  /** Variables given a value: assignments, foreach variables, parameters. */
  assigned: Set<string>;
  /** Anonymous token types seen (operators such as `&&`, `??`). */
  tokens: Set<string>;
  /** Node types seen (class_statement, …). */
  nodeTypes: Set<string>;
}

let parser: Parser | undefined;

function variableName(text: string): string {
  return text.replace(/^\$/, '').replace(/^(script|global|local):/i, '').toLowerCase();
}

export function parsePowerShell(text: string): Parser.Tree {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(PowerShell as unknown as Parser.Language);
  }
  // tree-sitter's Node binding reads long inputs in chunks through a callback; a plain string
  // over 32 KiB is refused, so hand it over piece by piece.
  return parser.parse((index: number) => text.slice(index, index + 16_384));
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}

export function psFacts(text: string): PsFacts {
  const tree = parsePowerShell(text);
  const facts: PsFacts = { problems: [], commands: [], functions: [], types: [], methods: [], hashKeys: [], scriptBlockVariables: [], variables: new Set(), assigned: new Set(), tokens: new Set(), nodeTypes: new Set() };
  walk(tree.rootNode, (n) => {
    facts.nodeTypes.add(n.type);
    if (!n.isNamed) facts.tokens.add(n.type);
    const line = n.startPosition.row + 1;
    if (n.type === 'ERROR' || n.isMissing) facts.problems.push(`${n.isMissing ? 'missing ' + n.type : 'syntax error'} at line ${line}: ${text.slice(n.startIndex, n.startIndex + 60)}`);
    if (n.type === 'command') {
      const nameNode = n.childForFieldName('command_name');
      const dynamic = n.children.some((c) => c.type === 'command_invokation_operator');
      const name = nameNode ? nameNode.text : '?';
      const elementsNode = n.childForFieldName('command_elements');
      const elements = elementsNode ? elementsNode.namedChildren.filter((c) => c.type !== 'command_argument_sep').map((c) => c.text) : [];
      let inTry = false;
      let inScriptBlock = false;
      for (let p = n.parent; p; p = p.parent) {
        if (p.type === 'try_statement') inTry = true;
        if (p.type === 'script_block_expression') inScriptBlock = true;
      }
      facts.commands.push({ name: dynamic && name.startsWith('$') ? `&${name}` : name, elements, line, inTry, inScriptBlock });
    }
    if (n.type === 'variable' && !/^\$env:/i.test(n.text)) facts.variables.add(variableName(n.text));
    if (n.type === 'left_assignment_expression') {
      // `$x = …` (not `$x.y = …` or `$x[i] = …`, which change an existing value).
      const v = n.descendantsOfType('variable')[0];
      if (v && v.text.trim() === n.text.trim()) facts.assigned.add(variableName(v.text));
    }
    if (n.type === 'foreach_statement' || n.type === 'script_parameter') {
      const v = n.namedChildren.find((c) => c.type === 'variable');
      if (v) facts.assigned.add(variableName(v.text));
    }
    if (n.type === 'function_statement') {
      const fn = n.namedChildren.find((c) => c.type === 'function_name');
      if (fn) facts.functions.push(fn.text);
    }
    if (n.type === 'type_literal') facts.types.push(n.text.replace(/^\[|\]$/g, '').trim());
    if (n.type === 'invokation_expression') {
      const first = n.namedChildren[0];
      const member = n.namedChildren.find((c) => c.type === 'member_name');
      if (first && member) facts.methods.push({ target: first.text, method: member.text, isStatic: first.type === 'type_literal', line });
    }
    if (n.type === 'hash_entry') {
      const key = n.namedChildren[0];
      if (key) facts.hashKeys.push(key.text);
    }
    if (n.type === 'assignment_expression') {
      // `$snapshot.exchange = ...` adds a key to an ordered hashtable too.
      const target = n.namedChildren[0];
      const access = target?.descendantsOfType('member_access')[0];
      if (target && access && target.text.trim() === access.text.trim()) {
        const member = access.namedChildren.find((c) => c.type === 'member_name');
        if (member) facts.hashKeys.push(member.text);
      }
      const value = n.childForFieldName('value');
      if (value && /^\s*\{/.test(value.text) && value.descendantsOfType('script_block_expression').length > 0) {
        const left = n.namedChildren[0];
        if (left) facts.scriptBlockVariables.push(left.text.trim());
      }
    }
  });
  return facts;
}
