/**
 * Recording lineage: an inferred match, once a person agrees with it, is written into the later
 * side's files as `replaces`, so that the next diff reports it as declared. The edit touches only
 * the `replaces` entry of each file: the YAML is parsed with the `yaml` Document API to find where
 * that entry is (or where it belongs, in the schema's order of keys), and the new text is spliced
 * in there, so comments, quoting, block texts and the order of everything else stay byte for byte.
 * Every edit is checked by parsing the result before anything is written. Pure: text in, text out.
 */
import { isMap, isScalar, isSeq, parseDocument, type Pair } from 'yaml';
import functionSchema from '../../schemas/function.schema.json' with { type: 'json' };
import unitSchema from '../../schemas/unit.schema.json' with { type: 'json' };
import { PARSE_OPTIONS } from '../load/parse.js';
import type { DiffResult } from './types.js';

export type Subject = 'unit' | 'function';

/** One successor and the predecessors to add to its `replaces`. */
export interface Acceptance {
  subject: Subject;
  /** The later id, whose file gets `replaces`. */
  id: string;
  replaces: string[];
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Merges a list of (subject, successor, predecessor) into one acceptance per file, sorted. */
function collect(links: Array<[Subject, string, string]>): Acceptance[] {
  const by = new Map<string, Acceptance>();
  for (const [subject, id, old] of links) {
    const key = `${subject}\u0000${id}`;
    let a = by.get(key);
    if (!a) by.set(key, (a = { subject, id, replaces: [] }));
    if (!a.replaces.includes(old)) a.replaces.push(old);
  }
  return [...by.values()]
    .map((a) => ({ ...a, replaces: a.replaces.sort(byCode) }))
    .sort((x, y) => byCode(`${x.subject} ${x.id}`, `${y.subject} ${y.id}`));
}

/**
 * Every inferred change of a diff as `replaces` to write: each later unit of an inferred
 * replacement succeeds all its earlier units (a merge writes them all on the one successor, a
 * split writes the one predecessor on each), and likewise for functions. Units or functions that
 * already exist on both sides are not written as replacing one another.
 */
export function inferredAcceptances(diff: DiffResult): Acceptance[] {
  const links: Array<[Subject, string, string]> = [];
  for (const c of diff.changes) {
    if (c.type !== 'unit-replaced' && c.type !== 'function-replaced') continue;
    if (!c.inferred) continue;
    const subject: Subject = c.type === 'unit-replaced' ? 'unit' : 'function';
    for (const to of c.to)
      for (const from of c.from) if (from !== to && !c.to.includes(from)) links.push([subject, to, from]);
  }
  return collect(links);
}

/**
 * The pairs a person named, `OLD=NEW`: a unit pair when OLD is a unit before and NEW one after,
 * a function pair likewise. Returns the acceptances, or the first pair that names neither.
 */
export function namedAcceptances(
  pairs: readonly string[],
  has: { before: (subject: Subject, id: string) => boolean; after: (subject: Subject, id: string) => boolean },
): { ok: true; acceptances: Acceptance[] } | { ok: false; pair: string } {
  const links: Array<[Subject, string, string]> = [];
  for (const pair of pairs) {
    const m = /^([^=\s]+)=([^=\s]+)$/.exec(pair);
    const subject = m
      ? (['unit', 'function'] as const).find((s) => has.before(s, m[1]!) && has.after(s, m[2]!))
      : undefined;
    if (!m || !subject || m[1] === m[2]) return { ok: false, pair };
    links.push([subject, m[2]!, m[1]!]);
  }
  return { ok: true, acceptances: collect(links) };
}

const ORDER: Record<Subject, string[]> = {
  unit: Object.keys((unitSchema as { properties: Record<string, unknown> }).properties),
  function: Object.keys((functionSchema as { properties: Record<string, unknown> }).properties),
};

export type EditResult = { ok: true; text: string; added: string[] } | { ok: false; reason: 'parse' | 'shape' };

const deepEqual = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Adds `ids` to the `replaces` of one unit or function file. Ids already there are left alone;
 * with nothing new the text comes back unchanged. Refuses ('parse') a file that does not parse
 * cleanly and ('shape') one whose `replaces` cannot be edited in place without touching more.
 */
export function addReplaces(text: string, subject: Subject, ids: readonly string[]): EditResult {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0) return { ok: false, reason: 'parse' };
  const root = doc.contents;
  if (!isMap(root) || root.flow) return { ok: false, reason: 'shape' };
  const value = doc.toJS() as Record<string, unknown>;
  const existing = Array.isArray(value.replaces) ? (value.replaces as unknown[]) : [];
  const added = ids.filter((id) => !existing.includes(id));
  if (added.length === 0) return { ok: true, text, added };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';

  const pair = root.items.find((p: Pair) => isScalar(p.key) && p.key.value === 'replaces');
  let next: string;
  if (pair) {
    const seq = pair.value;
    if (!isSeq(seq) || !seq.range) return { ok: false, reason: 'shape' };
    if (seq.flow) {
      // `[a, b]` → `[a, b, c]`: just before the closing bracket.
      const close = text.lastIndexOf(']', seq.range[1]);
      if (close < seq.range[0]) return { ok: false, reason: 'shape' };
      const inside = text.slice(0, close);
      const trimmed = inside.trimEnd();
      const sep = seq.items.length > 0 ? ', ' : '';
      next = `${trimmed}${sep}${added.join(', ')}${inside.slice(trimmed.length)}${text.slice(close)}`;
    } else {
      // A block list: new `- id` lines after the last item, indented as it is.
      const last = seq.items[seq.items.length - 1];
      if (!last || !isScalar(last) || !last.range) return { ok: false, reason: 'shape' };
      const lineStart = text.lastIndexOf('\n', last.range[0]) + 1;
      const indent = text.slice(lineStart, last.range[0]);
      const lineEnd = text.indexOf('\n', last.range[1]);
      const at = lineEnd < 0 ? text.length : lineEnd + 1;
      const head = lineEnd < 0 ? `${text}${eol}` : text.slice(0, at);
      next = `${head}${added.map((id) => `${indent}${id}${eol}`).join('')}${text.slice(at)}`;
    }
  } else {
    // A new `replaces: [..]` line, where the schema's order of keys puts it.
    const order = ORDER[subject];
    const later = new Set(order.slice(order.indexOf('replaces') + 1));
    const follower = root.items.find((p: Pair) => isScalar(p.key) && later.has(String(p.key.value)));
    const line = `replaces: [${added.join(', ')}]${eol}`;
    if (follower && isScalar(follower.key) && follower.key.range) {
      const at = text.lastIndexOf('\n', follower.key.range[0]) + 1;
      // Comments just above the following key belong to it: insert above them.
      let start = at;
      for (;;) {
        const prev = text.lastIndexOf('\n', start - 2) + 1;
        if (start === 0 || !/^\s*#/.test(text.slice(prev, start))) break;
        start = prev;
      }
      next = `${text.slice(0, start)}${line}${text.slice(start)}`;
    } else {
      next = `${text}${text === '' || text.endsWith('\n') ? '' : eol}${line}`;
    }
  }

  // The edit must say exactly what it should: the same file plus the new ids.
  const check = parseDocument(next, PARSE_OPTIONS);
  if (check.errors.length > 0) return { ok: false, reason: 'shape' };
  const want = { ...value, replaces: [...existing, ...added] };
  const got = check.toJS() as Record<string, unknown>;
  const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => byCode(a, b)));
  if (!deepEqual(strip(got), strip(want))) return { ok: false, reason: 'shape' };
  return { ok: true, text: next, added };
}
