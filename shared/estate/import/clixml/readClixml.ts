// Export-Clixml files (PowerShell's CLIXML serialization, schema
// http://schemas.microsoft.com/powershell/2004/04) back into records: each top-level <Obj>
// becomes property name → value, where a nested object is its <ToString> (an enum's name, an
// ADObjectId's path, ServerVersion's "Version 15.2 (Build 986.5)") and a collection is a list.
// XML through fast-xml-parser (pure JS, runs in Node, browsers and workers; no DOM).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../../../x509/inputError.js';
import { newRecord, setField, type FieldValue, type PsRecord } from '../types.js';

type XmlNode = Record<string, unknown>;
const MAX_DEPTH = 64;
const COLLECTIONS = new Set(['LST', 'IE', 'ST', 'QUE']);

/** The text is a CLIXML document (what Export-Clixml writes). */
export function looksLikeClixml(text: string): boolean {
  return /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?<Objs\b[^>]*schemas\.microsoft\.com\/powershell/.test(text.slice(0, 600));
}

export function readClixml(text: string, fileName: string): PsRecord[] {
  const checked = XMLValidator.validate(text);
  if (checked !== true) {
    throw new InputError(
      'malformed',
      `${fileName} is an Export-Clixml file whose XML is damaged (line ${checked.err.line}: ${checked.err.msg}); export it again or send the original file.`,
    );
  }
  let tree: XmlNode[];
  try {
    tree = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      maxNestedTags: MAX_DEPTH * 2,
    }).parse(text) as XmlNode[];
  } catch (e) {
    throw new InputError('malformed', `${fileName} is an Export-Clixml file CertBench cannot read (${e instanceof Error ? e.message.split('\n')[0] : 'XML error'}); export it again.`);
  }
  const objs = tree.find((n) => 'Objs' in n);
  if (!objs) throw new InputError('malformed', `${fileName} has no <Objs> element: it is not an Export-Clixml file.`);
  const reader = new ClixmlReader(fileName);
  return children(objs, 'Objs')
    .filter((n) => tagOf(n) === 'Obj')
    .map((n) => reader.record(n));
}

class ClixmlReader {
  private readonly typeNames = new Map<string, string[]>();
  private readonly objects = new Map<string, XmlNode>();
  constructor(private readonly fileName: string) {}

  record(obj: XmlNode): PsRecord {
    this.remember(obj);
    const record = newRecord(this.types(obj));
    for (const part of children(obj, 'Obj')) {
      const tag = tagOf(part);
      if (tag !== 'Props' && tag !== 'MS') continue;
      for (const prop of children(part, tag)) {
        const name = attr(prop, 'N');
        if (name) setField(record, name, this.value(prop, 0));
      }
    }
    const toString = children(obj, 'Obj').find((n) => tagOf(n) === 'ToString');
    if (toString && !record.fields.has('tostring')) setField(record, 'ToString', decode(textOf(toString, 'ToString')));
    return record;
  }

  private value(node: XmlNode, depth: number): FieldValue {
    if (depth > MAX_DEPTH) throw new InputError('too-deep', `${this.fileName} nests objects deeper than ${MAX_DEPTH} levels; it is not a plain Export-Clixml file.`);
    const tag = tagOf(node);
    switch (tag) {
      case 'Nil':
        return null;
      case 'B':
        return /^true$/i.test(textOf(node, tag).trim()) ? 'True' : 'False';
      case 'Ref': {
        const target = this.objects.get(attr(node, 'RefId') ?? '');
        return target ? this.value(target, depth + 1) : null;
      }
      case 'Obj':
        return this.objectValue(node, depth);
      default:
        return decode(textOf(node, tag));
    }
  }

  /** A nested object: its items when it is a collection, else its ToString / Name / primitive value. */
  private objectValue(obj: XmlNode, depth: number): FieldValue {
    this.remember(obj);
    const parts = children(obj, 'Obj');
    const collection = parts.find((n) => COLLECTIONS.has(tagOf(n)));
    if (collection) {
      return children(collection, tagOf(collection))
        .map((item) => this.value(item, depth + 1))
        .flatMap((v) => (v === null ? [] : Array.isArray(v) ? [v.join(', ')] : [v]));
    }
    const toString = parts.find((n) => tagOf(n) === 'ToString');
    if (toString) return decode(textOf(toString, 'ToString'));
    for (const part of parts) {
      const tag = tagOf(part);
      if (tag === 'Props' || tag === 'MS') {
        const name = children(part, tag).find((p) => attr(p, 'N') === 'Name');
        if (name) return this.value(name, depth + 1);
      } else if (tag !== 'TN' && tag !== 'TNRef' && tag !== 'DCT') {
        return this.value(part, depth + 1); // a wrapped primitive (<I32>2</I32>)
      }
    }
    return null;
  }

  private types(obj: XmlNode): string[] {
    for (const part of children(obj, 'Obj')) {
      const tag = tagOf(part);
      if (tag === 'TN') {
        const names = children(part, 'TN').map((t) => textOf(t, 'T').replace(/^Deserialized\./, ''));
        const id = attr(part, 'RefId');
        if (id !== undefined) this.typeNames.set(id, names);
        return names;
      }
      if (tag === 'TNRef') return this.typeNames.get(attr(part, 'RefId') ?? '') ?? [];
    }
    return [];
  }

  private remember(obj: XmlNode): void {
    const id = attr(obj, 'RefId');
    if (id !== undefined && !this.objects.has(id)) this.objects.set(id, obj);
    this.types(obj);
  }
}

function tagOf(node: XmlNode): string {
  for (const k of Object.keys(node)) if (k !== ':@') return k;
  return '';
}

/** Child elements (the whitespace text between them left out). */
function children(node: XmlNode, tag: string): XmlNode[] {
  return raw(node, tag).filter((c) => !('#text' in c));
}

function raw(node: XmlNode, tag: string): XmlNode[] {
  const c = node[tag];
  return Array.isArray(c) ? (c as XmlNode[]) : [];
}

function attr(node: XmlNode, name: string): string | undefined {
  const a = node[':@'] as Record<string, string> | undefined;
  return a?.[name];
}

function textOf(node: XmlNode, tag: string): string {
  return raw(node, tag)
    .map((c) => (typeof c['#text'] === 'string' || typeof c['#text'] === 'number' ? String(c['#text']) : ''))
    .join('');
}

/** CLIXML escapes characters XML cannot hold as `_xHHHH_` (`_x000D__x000A_` is CR LF). */
function decode(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
