/**
 * Finding a unit or a function by what a person types: its id, an exact name or short name in
 * any language of the organisation (case, Unicode composition and runs of spaces do not matter),
 * or the start of an id when only one id starts so. When nothing matches, the closest ids and
 * names are offered. One pass over the structure builds the index; a near miss compares the
 * query with each candidate once, with the edit distance bounded by the query's length, so the
 * cost grows linearly with the number of units.
 */
import { textsByLanguage, type OrgModel } from './model.js';
import type { Text } from './types.js';

/** A name as compared: NFC, lower case, spaces collapsed, ё read as е (Russian writes both). */
export function normaliseName(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

export type Namespace = 'unit' | 'function';

export interface Candidate {
  type: Namespace;
  id: string;
  /** The name in the organisation's first language. */
  name: string;
}

export type LookupResult =
  { found: Candidate[]; how: 'id' | 'name' | 'prefix' } | { ambiguous: Candidate[] } | { suggestions: Candidate[] };

/** Most names offered when a query is ambiguous or has no match. */
const MAX_LISTED = 5;
/** Longest query compared by edit distance: beyond it only substrings are offered. */
const MAX_FUZZY = 64;

/**
 * Edit distance between `a` and `b`, or `limit + 1` as soon as it must exceed `limit`: each row
 * only looks at a band of width 2·limit around the diagonal.
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(n, i + limit);
    cur.fill(limit + 1);
    cur[0] = i;
    let best = lo > 1 ? limit + 1 : i;
    for (let j = lo; j <= hi; j++) {
      const d = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1),
      );
      cur[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[n]!, limit + 1);
}

interface Entry {
  candidate: Candidate;
  /** Normalised names and short names in every language. */
  names: string[];
}

function entries(model: OrgModel, namespaces: readonly Namespace[]): Entry[] {
  const out: Entry[] = [];
  const def = model.defaultLanguage;
  const namesOf = (...texts: Array<Text | undefined>): string[] => {
    const set = new Set<string>();
    for (const t of texts) for (const s of Object.values(textsByLanguage(t, def))) set.add(normaliseName(s));
    return [...set];
  };
  const first = (t: Text): string => Object.values(textsByLanguage(t, def))[0] ?? '';
  if (namespaces.includes('unit'))
    for (const [id, { unit }] of model.units)
      out.push({
        candidate: { type: 'unit', id, name: textsByLanguage(unit.name, def)[def] ?? first(unit.name) },
        names: namesOf(unit.name, unit.short),
      });
  if (namespaces.includes('function')) {
    for (const [id, { fn }] of model.functions)
      out.push({
        candidate: { type: 'function', id, name: textsByLanguage(fn.name, def)[def] ?? first(fn.name) },
        names: namesOf(fn.name),
      });
    // Ids that units use without a function file can still be shown.
    for (const id of model.assignments.keys())
      if (!model.functions.has(id)) out.push({ candidate: { type: 'function', id, name: '' }, names: [] });
  }
  return out;
}

const byId = (a: Candidate, b: Candidate): number =>
  a.type < b.type ? 1 : a.type > b.type ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Looks `query` up among units and/or functions: an exact id first (a unit and a function may
 * share one), then an exact name, then a unique id prefix; otherwise the closest candidates.
 */
export function lookup(model: OrgModel, query: string, namespaces: readonly Namespace[] = ['unit']): LookupResult {
  const all = entries(model, namespaces);
  const byExactId = all.filter((e) => e.candidate.id === query).map((e) => e.candidate);
  if (byExactId.length > 0) return { found: byExactId, how: 'id' };

  const wanted = normaliseName(query);
  if (wanted === '') return { suggestions: [] };
  const byName = all.filter((e) => e.names.includes(wanted)).map((e) => e.candidate);
  // A unit and a function may have the same name, as they may have the same id: both are meant.
  const perNamespace = (list: Candidate[]): boolean =>
    list.filter((c) => c.type === 'unit').length <= 1 && list.filter((c) => c.type === 'function').length <= 1;
  if (byName.length > 0 && perNamespace(byName)) return { found: byName, how: 'name' };
  if (byName.length > 1) return { ambiguous: byName.sort(byId).slice(0, MAX_LISTED) };

  const lowerId = query.trim().toLowerCase();
  if (/^[a-z0-9-]+$/.test(lowerId)) {
    const byPrefix = all.filter((e) => e.candidate.id.startsWith(lowerId)).map((e) => e.candidate);
    if (byPrefix.length > 0 && perNamespace(byPrefix)) return { found: byPrefix, how: 'prefix' };
    if (byPrefix.length > 1) return { ambiguous: byPrefix.sort(byId).slice(0, MAX_LISTED) };
  }

  // A near miss: names that contain the query, then ids and names within a small edit distance.
  const limit = Math.min(10, Math.max(2, Math.floor(wanted.length / 3)));
  const scored: Array<{ candidate: Candidate; score: number }> = [];
  for (const e of all) {
    let score = Number.POSITIVE_INFINITY;
    if (wanted.length <= MAX_FUZZY) {
      score = boundedDistance(lowerId, e.candidate.id, limit);
      for (const n of e.names) score = Math.min(score, boundedDistance(wanted, n, limit));
      // A mistyped start of an id or a name: close to the start of the same length, ranked after whole matches.
      if (score > limit && wanted.length >= 4) {
        const start = Math.min(
          boundedDistance(lowerId, e.candidate.id.slice(0, lowerId.length), limit),
          ...e.names.map((n) => boundedDistance(wanted, n.slice(0, wanted.length), limit)),
        );
        if (start <= limit) score = start + 0.25;
      }
    }
    if (score > limit && wanted.length >= 2 && e.names.some((n) => n.includes(wanted))) score = limit + 0.5;
    if (score <= limit + 0.5) scored.push({ candidate: e.candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || byId(a.candidate, b.candidate));
  return { suggestions: scored.slice(0, MAX_LISTED).map((s) => s.candidate) };
}
