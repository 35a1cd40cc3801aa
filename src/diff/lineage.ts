/**
 * Lineage: which units succeeded which in a reorganisation. Declared lineage comes from `replaces`
 * and always wins; where none is declared, a removed and an added unit that hold the same functions
 * (or have the same children) are taken to be one unit under a new id, and an added unit whose
 * functions are exactly those of several removed units to be their merger (a split the other way
 * round). Everything is indexed by id or by a signature, so a structure of ten thousand units is
 * matched in linear time.
 */
import type { OrgModel } from '../model/model.js';
import type { InferenceBasis, ReplacementKind } from './types.js';

export interface Replacement {
  kind: ReplacementKind;
  from: string[];
  to: string[];
  inferred?: { confidence: number; basis: InferenceBasis };
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function replacementKind(from: readonly string[], to: readonly string[]): ReplacementKind {
  if (from.length === 1 && to.length === 1) return 'rename-id';
  if (to.length === 1) return 'merge';
  if (from.length === 1) return 'split';
  return 'restructure';
}

/**
 * Groups linked by `replaces`. A link counts only when it describes a change between the two
 * sides: its older end exists before, its newer end exists after, and they are not both simply
 * continuing. `replaces` written on the earlier side is read backwards, so that diffing in the
 * other direction (`org diff HEAD HEAD~1`) reports the same lineage mirrored.
 */
export function declaredReplacements(before: OrgModel, after: OrgModel): Replacement[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    let node = id;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const union = (a: string, b: string): void => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const link = (older: OrgModel, newer: OrgModel): void => {
    for (const [successor, { unit }] of newer.units) {
      for (const predecessor of unit.replaces ?? []) {
        if (predecessor === successor || !older.units.has(predecessor)) continue;
        if (newer.units.has(predecessor) && older.units.has(successor)) continue;
        union(predecessor, successor);
      }
    }
  };
  link(before, after);
  link(after, before);

  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const members = groups.get(root);
    if (members) members.push(id);
    else groups.set(root, [id]);
  }
  const out: Replacement[] = [];
  for (const members of groups.values()) {
    members.sort(byCode);
    const from = members.filter((id) => before.units.has(id));
    const to = members.filter((id) => after.units.has(id));
    out.push({ kind: replacementKind(from, to), from, to });
  }
  return out;
}

type ItemsOf = (model: OrgModel, id: string) => string[];

const functionItems: ItemsOf = (model, id) =>
  Object.entries(model.units.get(id)?.unit.functions ?? {})
    .map(([fn, role]) => `${fn}\u0000${role}`)
    .sort(byCode);

const childItems: ItemsOf = (model, id) => [...(model.children.get(id) ?? [])].sort(byCode);

/** A function held by more units than this says little about any one of them. */
const MAX_HOLDERS = 32;

interface Candidate {
  from: string[];
  to: string[];
  evidence: number;
  bases: Set<'functions' | 'children'>;
}

/**
 * Replacements guessed for units that were removed and added without declared lineage. A guess
 * is kept only when it is unambiguous: a unit that would take part in two different guesses is
 * left out of all of them, so the result does not depend on the order of the units.
 */
export function inferredReplacements(before: OrgModel, after: OrgModel, removed: readonly string[], added: readonly string[]): Replacement[] {
  const candidates = new Map<string, Candidate>();
  const propose = (from: string[], to: string[], basis: 'functions' | 'children', evidence: number): void => {
    from.sort(byCode);
    to.sort(byCode);
    const key = `${from.join(' ')}>${to.join(' ')}`;
    const known = candidates.get(key);
    if (known) {
      known.bases.add(basis);
      known.evidence += evidence;
    } else candidates.set(key, { from, to, evidence, bases: new Set([basis]) });
  };

  for (const [basis, itemsOf] of [['functions', functionItems], ['children', childItems]] as const) {
    const removedItems = new Map<string, string[]>();
    const addedItems = new Map<string, string[]>();
    for (const id of removed) removedItems.set(id, itemsOf(before, id));
    for (const id of added) addedItems.set(id, itemsOf(after, id));

    // The same signature on exactly one removed and one added unit: the unit got a new id.
    const bySignature = new Map<string, { removed: string[]; added: string[] }>();
    const sign = (items: string[], id: string, side: 'removed' | 'added'): void => {
      if (items.length === 0) return;
      const key = items.join('\u0001');
      let entry = bySignature.get(key);
      if (!entry) bySignature.set(key, (entry = { removed: [], added: [] }));
      entry[side].push(id);
    };
    for (const [id, items] of removedItems) sign(items, id, 'removed');
    for (const [id, items] of addedItems) sign(items, id, 'added');
    for (const [key, { removed: r, added: a }] of bySignature) {
      if (r.length === 1 && a.length === 1) propose([r[0]!], [a[0]!], basis, key.split('\u0001').length);
    }

    for (const [one, many] of partitions(addedItems, removedItems)) propose(many, [one], basis, addedItems.get(one)!.length);
    for (const [one, many] of partitions(removedItems, addedItems)) propose([one], many, basis, removedItems.get(one)!.length);
  }

  const uses = new Map<string, number>();
  for (const c of candidates.values()) for (const id of [...c.from, ...c.to]) uses.set(id, (uses.get(id) ?? 0) + 1);
  const out: Replacement[] = [];
  for (const c of candidates.values()) {
    if ([...c.from, ...c.to].some((id) => uses.get(id)! > 1)) continue;
    const basis: InferenceBasis = c.bases.size === 2 ? 'functions+children' : [...c.bases][0]!;
    out.push({ kind: replacementKind(c.from, c.to), from: c.from, to: c.to, inferred: { confidence: confidence(c.evidence), basis } });
  }
  return out;
}

/**
 * Units on the `one` side whose items are exactly covered by two or more units of the `many`
 * side, each of which holds nothing else: a merger (one added, many removed) or a split.
 */
function partitions(one: Map<string, string[]>, many: Map<string, string[]>): Array<[string, string[]]> {
  const holders = new Map<string, string[]>();
  for (const [id, items] of many) {
    for (const item of items) {
      const list = holders.get(item);
      if (list) list.push(id);
      else holders.set(item, [id]);
    }
  }
  const out: Array<[string, string[]]> = [];
  for (const [id, items] of one) {
    if (items.length < 2) continue;
    const own = new Set(items);
    const parts = new Set<string>();
    let covered = true;
    for (const item of items) {
      const list = holders.get(item);
      if (!list || list.length > MAX_HOLDERS) {
        covered = false;
        break;
      }
      for (const h of list) parts.add(h);
    }
    if (!covered || parts.size < 2) continue;
    if ([...parts].every((p) => many.get(p)!.every((item) => own.has(item)))) out.push([id, [...parts]]);
  }
  return out;
}

/**
 * Each shared function or child halves the chance that the match is a coincidence: one shared
 * item gives 0.75, two 0.88, three 0.94; never quite certain.
 */
function confidence(evidence: number): number {
  return Math.min(0.99, Math.round((1 - 0.5 ** (evidence + 1)) * 100) / 100);
}
