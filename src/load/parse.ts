/**
 * YAML text → plain values, safely. The document is parsed with the YAML 1.2 core schema pinned
 * (a `%YAML 1.1` directive cannot turn `yes` into true or `017` into octal), and its node tree is
 * walked once to build the value while refusing what a structure file never needs and an attacker
 * could use: anchors and aliases (exponential expansion), merge keys, explicit tags, duplicate keys
 * (checked with a Set: linear, unlike the parser's own check) and keys that collide with
 * `Object.prototype`.
 *
 * Most files are plain, and `yaml`'s full document model is several times slower than js-yaml's
 * loader, which matters with tens of thousands of files. So a file that contains none of the
 * constructs the checks are about (anchors, aliases, tags, directives, merge keys, several
 * documents, complex keys) is first loaded with js-yaml on the same core schema; anything unusual,
 * and any error, goes through the full path, which produces the exact diagnostics. Positions are
 * never needed from the fast path: findings are located later from the text (locate.ts).
 *
 * The two paths must give a file one meaning. js-yaml's own core schema is more generous than
 * YAML 1.2's (`0b1010`, `+0x1`, `-0o7`, `1_000` are numbers to it, strings to `yaml`; `+.5` the
 * other way round), so the fast path resolves plain scalars with CORE_SCALARS below, written
 * after `yaml`'s core schema test for test and conversion for conversion; a property test holds
 * the two paths equal.
 */
import { FAILSAFE_SCHEMA, Type, load as fastLoad } from 'js-yaml';
import { parseDocument, isAlias, isMap, isPair, isScalar, isSeq, type Node, type Document } from 'yaml';
import type { Range } from '../model/finding.js';
import { positions } from './scan.js';

/** What the parser can find wrong with a file, each with the data its message names. */
export type ParseProblem = { range: Range } & (
  | { code: 'syntax' | 'multiple-documents'; data: { message: string } }
  | { code: 'empty' | 'not-a-map' | 'merge-key' | 'complex-key'; data: Record<never, never> }
  | { code: 'alias' | 'anchor'; data: { name: string } }
  | { code: 'tag'; data: { tag: string } }
  | { code: 'duplicate-key' | 'forbidden-key'; data: { key: string } }
);

export interface ParseResult {
  /** The top-level mapping, or undefined when the file cannot be understood at all. */
  value: Record<string, unknown> | undefined;
  problems: ParseProblem[];
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  uniqueKeys: false,
  prettyErrors: false,
  strict: true,
  stringKeys: false,
} as const;

// Anything that might need the full path: anchors, aliases, tags, directives, merge keys, tabs,
// document markers (after a byte-order mark too), explicit keys, flow collections used as keys, and a plain null as a key
// (`~:`, `null:`), which js-yaml turns into the string "null" and the full path rejects.
const UNUSUAL =
  /[&*!%<\t]|^\uFEFF?(---|\.\.\.)|^\s*\?(\s|$)|\][ ]*:(\s|$)|\}[ ]*:(\s|$)|(^|[\s{,[?-])(~|[Nn]ull|NULL)?[ ]*:(\s|$)/m;

// YAML 1.2 core schema, as `yaml` resolves it (yaml/dist/schema/core): null, bool, int (decimal,
// 0o octal, 0x hex, no signs on the last two), float (with a dot or an exponent), .inf and .nan.
const CORE_SCALARS = [
  new Type('tag:yaml.org,2002:null', {
    kind: 'scalar',
    resolve: (s: string) => /^(?:~|[Nn]ull|NULL)?$/.test(s),
    construct: () => null,
  }),
  new Type('tag:yaml.org,2002:bool', {
    kind: 'scalar',
    resolve: (s: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s),
    construct: (s: string) => s[0] === 't' || s[0] === 'T',
  }),
  new Type('tag:yaml.org,2002:int', {
    kind: 'scalar',
    resolve: (s: string) => /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/.test(s),
    construct: (s: string) =>
      s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10),
  }),
  new Type('tag:yaml.org,2002:float', {
    kind: 'scalar',
    resolve: (s: string) =>
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/.test(
        s,
      ),
    construct: (s: string) =>
      /nan$/i.test(s)
        ? NaN
        : /inf$/i.test(s)
          ? s[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY
          : parseFloat(s),
  }),
];
const FAST_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: CORE_SCALARS });

function hasForbiddenKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasForbiddenKey);
  if (value === null || typeof value !== 'object') return false;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key) || hasForbiddenKey((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** The fast path: plain files through js-yaml; undefined when the full path must decide. */
function parsePlain(text: string): Record<string, unknown> | undefined {
  if (UNUSUAL.test(text)) return undefined;
  let value: unknown;
  try {
    value = fastLoad(text, { schema: FAST_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || hasForbiddenKey(value)) return undefined;
  return value as Record<string, unknown>;
}

/** Parses one structure file. Never throws on any input. */
export function parseYaml(text: string): ParseResult {
  const plain = parsePlain(text);
  if (plain) return { value: plain, problems: [] };
  return parseFull(text);
}

/** The full path: `yaml`'s document model, every check, exact positions. */
export function parseFull(text: string): ParseResult {
  const doc = parseDocument(text, PARSE_OPTIONS);
  const at = positions(text);
  const problems: ParseProblem[] = [];
  for (const error of doc.errors) {
    const code = error.code === 'MULTIPLE_DOCS' ? 'multiple-documents' : 'syntax';
    const message = error.message.split('\n')[0] ?? error.message;
    problems.push({ code, data: { message }, range: at(error.pos[0]) });
  }
  if (problems.length > 0) return { value: undefined, problems };

  const contents = doc.contents as Node | null;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { value: undefined, problems: [{ code: 'empty', data: {}, range: { line: 1, column: 1 } }] };
  }
  if (!isMap(contents)) {
    const range = contents.range ? at(contents.range[0]) : { line: 1, column: 1 };
    return { value: undefined, problems: [{ code: 'not-a-map', data: {}, range }] };
  }
  const value = toValue(doc, contents, at, problems) as Record<string, unknown>;
  return { value: problems.length > 0 ? undefined : value, problems };
}

function toValue(doc: Document, node: unknown, at: (offset: number) => Range, problems: ParseProblem[]): unknown {
  const where = (n: { range?: [number, number, number] | null | undefined }): Range =>
    n.range ? at(n.range[0]) : { line: 1, column: 1 };
  if (isAlias(node)) {
    problems.push({ code: 'alias', data: { name: node.source }, range: where(node) });
    return null;
  }
  if (node && typeof node === 'object' && 'anchor' in node && typeof node.anchor === 'string' && node.anchor) {
    problems.push({ code: 'anchor', data: { name: node.anchor }, range: where(node as Node) });
  }
  if (node && typeof node === 'object' && 'tag' in node && typeof node.tag === 'string' && node.tag) {
    problems.push({ code: 'tag', data: { tag: node.tag }, range: where(node as Node) });
    return null;
  }
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map((item) => toValue(doc, item, at, problems));
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      if (!isScalar(keyNode) || (keyNode.tag && keyNode.tag !== '') || typeof keyNode.value === 'object') {
        problems.push({ code: 'complex-key', data: {}, range: keyNode ? where(keyNode) : where(node) });
        continue;
      }
      const key = String(keyNode.value);
      if (key === '<<' && keyNode.type === 'PLAIN') {
        problems.push({ code: 'merge-key', data: {}, range: where(keyNode) });
        continue;
      }
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ code: 'forbidden-key', data: { key }, range: where(keyNode) });
        continue;
      }
      if (seen.has(key)) {
        problems.push({ code: 'duplicate-key', data: { key }, range: where(keyNode) });
        continue;
      }
      seen.add(key);
      out[key] = toValue(doc, pair.value, at, problems);
    }
    return out;
  }
  return node === null || node === undefined ? null : undefined;
}
