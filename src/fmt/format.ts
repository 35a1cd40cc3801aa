/**
 * The canonical form of a structure file, for `org fmt`: the schema modeline first; keys in the
 * order the JSON Schema lists them (unknown keys after, in their own order); two-space
 * indentation with sequence items indented under their key; strings plain where YAML allows it
 * and in double quotes where it does not; mappings in block style, lists of plain values in flow
 * style (`languages: [ru, en]`); one final newline. Comments, blank lines between entries and
 * the author's line breaks inside `>` and `|` block texts are kept as they are.
 *
 * Formatting must never change what a file says, so every result is checked before it is
 * returned: it must parse to the same value and hold the same comments. A file that does not
 * parse safely, or that the check would reject, is reported and left alone. Pure: text in, text
 * out.
 */
import {
  Lexer,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type Scalar,
} from 'yaml';
import { PARSE_OPTIONS, parseYaml } from '../load/parse.js';
import { MODELINE_PREFIX, parseModeline, schemaRef, type SchemaKind } from '../init/modeline.js';
import functionSchema from '../../schemas/function.schema.json' with { type: 'json' };
import organizationSchema from '../../schemas/organization.schema.json' with { type: 'json' };
import unitSchema from '../../schemas/unit.schema.json' with { type: 'json' };

export type FormatResult =
  | { ok: true; text: string; changed: boolean }
  | { ok: false; reason: 'parse'; messageId: string; data: Record<string, string>; line: number }
  | { ok: false; reason: 'unsafe'; detail: 'value' | 'comments' };

export interface FormatOptions {
  kind: SchemaKind;
  /** Path inside the structure directory (forward slashes): where relative modelines start from. */
  rel: string;
  /** Schema base for the modeline; undefined keeps the file's own modeline (and adds none). */
  schemaBase?: string;
}

type SchemaNode = Record<string, unknown>;

const SCHEMAS: Record<SchemaKind, SchemaNode> = {
  organization: organizationSchema as SchemaNode,
  unit: unitSchema as SchemaNode,
  function: functionSchema as SchemaNode,
};

/** Follows a local `$ref` (`#/$defs/text`) within the same schema. */
function resolve(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let i = 0; i < 8 && current && typeof current.$ref === 'string'; i++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/')) return undefined;
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) target = (target as SchemaNode | undefined)?.[part];
    current = target as SchemaNode | undefined;
  }
  return current;
}

/** The schema of a mapping value: its own `properties`, or the object branch of a `oneOf`. */
function objectSchema(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  const s = resolve(root, node);
  if (!s) return undefined;
  if (s.properties || s.additionalProperties) return s;
  for (const branch of (s.oneOf as SchemaNode[] | undefined) ?? []) {
    const b = resolve(root, branch);
    if (b && b.type === 'object') return b;
  }
  return undefined;
}

function arraySchema(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  const s = resolve(root, node);
  return s && s.items ? resolve(root, s.items as SchemaNode) : undefined;
}

const keyOf = (pair: Pair): string => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));

/**
 * Strings a YAML 1.1 reader (PyYAML, older editors and CI tools) would take for a boolean, null,
 * number or date. Our loader reads YAML 1.2, where they are plain strings, but a file should mean
 * the same to every reader, so these stay quoted.
 */
const YAML11_SPECIAL =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF))|\.(?:nan|NaN|NAN)|\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?)$/;

/** Plain where every YAML reader agrees, else double quotes. Block texts keep their style. */
function canonicalScalar(node: Scalar): void {
  if (node.type !== 'QUOTE_SINGLE' && node.type !== 'QUOTE_DOUBLE' && node.type !== 'PLAIN') return;
  if (typeof node.value === 'string' && YAML11_SPECIAL.test(node.value)) node.type = 'QUOTE_DOUBLE';
  else delete node.type; // the stringifier picks plain when YAML 1.2 allows it, else double quotes
}

/** Rule settings read best on one line, as the documentation writes them: `[warn, { max: 12 }]`. */
function flowAll(node: unknown): void {
  if (isMap(node) || isSeq(node)) {
    node.flow = true;
    for (const item of node.items) {
      if (isPair(item)) {
        if (isScalar(item.key)) canonicalScalar(item.key);
        flowAll(item.value);
      } else flowAll(item);
    }
  } else if (isScalar(node)) canonicalScalar(node);
}

/** Reorders keys by the schema and sets the canonical collection styles, recursively. */
function canonicalise(
  root: SchemaNode,
  node: unknown,
  schema: SchemaNode | undefined,
  path: readonly string[] = [],
): void {
  if (isMap(node)) {
    node.flow = false;
    const s = objectSchema(root, schema);
    const properties = (s?.properties as Record<string, SchemaNode> | undefined) ?? {};
    const order = Object.keys(properties);
    const rank = (p: Pair): number => {
      const i = order.indexOf(keyOf(p));
      return i < 0 ? order.length : i;
    };
    const first = node.items[0];
    const items = node.items.map((pair, index) => ({ pair, index }));
    items.sort((a, b) => rank(a.pair) - rank(b.pair) || a.index - b.index);
    node.items = items.map((i) => i.pair);
    // A comment above the first key of a file is the file's header: it stays on top.
    const newFirst = node.items[0];
    if (
      path.length === 0 &&
      first &&
      newFirst &&
      first !== newFirst &&
      isScalar(first.key) &&
      first.key.commentBefore &&
      isScalar(newFirst.key)
    ) {
      newFirst.key.commentBefore = [first.key.commentBefore, newFirst.key.commentBefore].filter(Boolean).join('\n');
      delete first.key.commentBefore;
    }
    for (const pair of node.items) {
      const key = keyOf(pair);
      if (isScalar(pair.key)) canonicalScalar(pair.key);
      if (path.length === 1 && path[0] === 'rules' && root === SCHEMAS.organization && isSeq(pair.value)) {
        flowAll(pair.value);
        continue;
      }
      const sub =
        properties[key] ??
        (typeof s?.additionalProperties === 'object' ? (s.additionalProperties as SchemaNode) : undefined);
      canonicalise(root, pair.value, sub, [...path, key]);
    }
  } else if (isSeq(node)) {
    const scalars =
      node.items.length > 0 &&
      node.items.every(
        (item) => isScalar(item) && !item.type?.startsWith('BLOCK') && !item.commentBefore && !item.comment,
      );
    node.flow = scalars;
    const items = arraySchema(root, schema);
    for (const item of node.items) canonicalise(root, item, items, [...path, '*']);
  } else if (isScalar(node)) canonicalScalar(node);
}

/** Comments of a YAML text, in order (block-scalar content is not a comment). */
function comments(text: string): string[] {
  const out: string[] = [];
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) out.push(token.trim());
  return out;
}

/** Deep equality where the order of keys does not matter (reordering them is the point) but the order of items does. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.prototype.hasOwnProperty.call(b, k) &&
        sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

/**
 * Block texts (`>-`, `|`) keep the author's own line breaks: before printing, each is swapped for
 * a unique placeholder, and afterwards the placeholder is replaced by the original block,
 * re-indented for its new position. Blocks with an explicit indentation indicator or `+`
 * chomping are left to the stringifier, which keeps their value exactly.
 */
function protectBlocks(doc: Document, text: string): Map<string, string> {
  const blocks = new Map<string, string>();
  let n = 0;
  const visitNode = (node: unknown): void => {
    if (isMap(node) || isSeq(node)) for (const item of node.items) visitNode(isPair(item) ? item.value : item);
    else if (isScalar(node) && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') && node.range) {
      const source = text.slice(node.range[0], node.range[1]);
      const header = source.split('\n', 1)[0]!;
      if (/^[>|][-+]?\d|^[>|]\d?\+/.test(header) || !source.endsWith('\n')) return;
      let token: string;
      do token = `ORGFMTBLOCK${(n++).toString(36).padStart(6, '0')}X`;
      while (text.includes(token));
      blocks.set(token, source);
      (node as Scalar).value = token;
      node.type = 'PLAIN';
      delete node.comment; // it is part of the header line, restored with the block
    }
  };
  visitNode(doc.contents);
  return blocks;
}

function restoreBlocks(output: string, blocks: Map<string, string>): string {
  if (blocks.size === 0) return output;
  return output.replace(
    /^([ ]*)((?:- )*)(.*?)(ORGFMTBLOCK[0-9a-z]{6}X)\n/gm,
    (whole, spaces: string, dashes: string, before: string, token: string) => {
      const source = blocks.get(token);
      if (source === undefined) return whole;
      const [header, ...rest] = source.split('\n');
      const lines = rest.slice(0, -1); // the source ends with a newline
      const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
      const strip = indents.length > 0 ? Math.min(...indents) : 0;
      const column = spaces.length + dashes.length;
      const indent = ' '.repeat(before === '' && dashes !== '' ? column : column + 2);
      const body = lines.map((l) => (l.trim() === '' ? '' : indent + l.slice(strip)));
      return `${spaces}${dashes}${before}${header}\n${body.map((l) => `${l}\n`).join('')}`;
    },
  );
}

/** Formats one structure file. */
export function formatStructureFile(text: string, options: FormatOptions): FormatResult {
  const source = text.replace(/^\uFEFF/, '');
  const parsed = parseYaml(source);
  if (!parsed.value) {
    const problem = parsed.problems[0];
    return {
      ok: false,
      reason: 'parse',
      messageId: `yaml-syntax/${problem?.code ?? 'syntax'}`,
      data: problem?.data ?? {},
      line: problem?.range.line ?? 1,
    };
  }

  // The modeline is taken out wherever it is and written back first.
  const lines = source.split(/\r?\n/);
  const existingRef = lines.map(parseModeline).find((ref) => ref !== undefined);
  const body = lines.filter((l) => parseModeline(l) === undefined).join('\n');
  const doc = parseDocument(body, { ...PARSE_OPTIONS, keepSourceTokens: false });
  if (doc.errors.length > 0) return { ok: false, reason: 'unsafe', detail: 'value' };

  const blocks = protectBlocks(doc, body);
  const root = SCHEMAS[options.kind];
  canonicalise(root, doc.contents as Node, root);
  let out = doc.toString({
    indent: 2,
    indentSeq: true,
    lineWidth: 0,
    minContentWidth: 0,
    flowCollectionPadding: false,
    singleQuote: false,
    directives: false,
  });
  out = restoreBlocks(out, blocks).replace(/\n*$/, '\n');

  const ref = options.schemaBase !== undefined ? schemaRef(options.schemaBase, options.kind, options.rel) : existingRef;
  if (ref !== undefined) out = `${MODELINE_PREFIX}${ref}\n${out}`;

  // Never hand back a file that says something else.
  const check = parseYaml(out);
  if (!check.value || !sameValue(check.value, parsed.value)) return { ok: false, reason: 'unsafe', detail: 'value' };
  const before = comments(body).sort();
  const after = comments(out)
    .filter((c) => parseModeline(c) === undefined)
    .sort();
  if (!sameValue(before, after)) return { ok: false, reason: 'unsafe', detail: 'comments' };
  return { ok: true, text: out, changed: out !== text };
}
