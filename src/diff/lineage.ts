/**
 * Lineage: which units succeeded which in a reorganisation. Declared lineage comes from `replaces`
 * and always wins. Where none is declared, removed and added units are matched by what they have
 * in common: their functions with roles (a subtree's functions counting for its root, a reworded
 * function counting as the same), their subordinate units that continue, and, between two units,
 * their names. A match is proposed only where it clearly dominates; what is doubtful is listed for
 * review instead of guessed. Items are indexed by holder, so the cost follows the number of
 * functions held, not the number of unit pairs.
 */
import { pickText, type OrgModel } from '../model/model.js';
import { dice, profile, round2, similarPairs } from './similarity.js';
import type { InferenceBasis, ReplacementKind, ReviewItem, ReviewMatch, UnitEvidence } from './types.js';

export interface Replacement {
  kind: ReplacementKind;
  from: string[];
  to: string[];
  inferred?: { confidence: number; basis: InferenceBasis; evidence: UnitEvidence };
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function replacementKind(from: readonly string[], to: readonly string[]): ReplacementKind {
  if (from.length === 1 && to.length === 1) return 'rename-id';
  if (to.length === 1) return 'merge';
  if (from.length === 1) return 'split';
  return 'restructure';
}

/** What `replaces` links: the ids of one side and the `replaces` each of them declares. */
interface Side {
  has(id: string): boolean;
  replaces(): Iterable<[string, readonly string[] | undefined]>;
}

const unitSide = (model: OrgModel): Side => ({
  has: (id) => model.units.has(id),
  replaces: () =>
    [...model.units].map(([id, { unit }]) => [id, unit.replaces] as [string, readonly string[] | undefined]),
});

const functionSide = (model: OrgModel): Side => ({
  has: (id) => model.functions.has(id),
  replaces: () =>
    [...model.functions].map(([id, { fn }]) => [id, fn.replaces] as [string, readonly string[] | undefined]),
});

/**
 * Groups linked by `replaces`. A link counts only when it describes a change between the two
 * sides: its older end exists before, its newer end exists after, and they are not both simply
 * continuing. `replaces` written on the earlier side is read backwards, so that diffing in the
 * other direction (`org diff HEAD HEAD~1`) reports the same lineage mirrored.
 */
function declaredGroups(before: Side, after: Side): Array<{ from: string[]; to: string[] }> {
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
  const link = (older: Side, newer: Side): void => {
    for (const [successor, replaces] of newer.replaces()) {
      for (const predecessor of replaces ?? []) {
        if (predecessor === successor || !older.has(predecessor)) continue;
        if (newer.has(predecessor) && older.has(successor)) continue;
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
  const out: Array<{ from: string[]; to: string[] }> = [];
  for (const members of groups.values()) {
    members.sort(byCode);
    out.push({ from: members.filter((id) => before.has(id)), to: members.filter((id) => after.has(id)) });
  }
  return out;
}

export function declaredReplacements(before: OrgModel, after: OrgModel): Replacement[] {
  return declaredGroups(unitSide(before), unitSide(after)).map(({ from, to }) => ({
    kind: replacementKind(from, to),
    from,
    to,
  }));
}

/** Functions linked by `replaces` in function files, as groups of ids before and after. */
export function declaredFunctionReplacements(
  before: OrgModel,
  after: OrgModel,
): Array<{ from: string[]; to: string[] }> {
  return declaredGroups(functionSide(before), functionSide(after));
}

/** A function or unit held by more units than this says little about any one of them. */
const MAX_HOLDERS = 32;
/** A proposal needs at least this confidence; below it the match is listed for review. */
const PROPOSE_CONFIDENCE = 0.5;
/** Units sharing nothing else are listed for review when their names are at least this alike. */
const NAME_REVIEW = 0.5;
/** A unit matched with nothing is still listed for review when it shares this many items with one. */
const MIN_WEAK = 2;
/** An edge counts when this share of one side's items is shared. */
const STRONG_SHARE = 1 / 3;

const FN = 'f\u0000';
const UNIT = 'u\u0000';

/**
 * The items that identify a unit: its functions with roles, and, through its whole subtree, the
 * functions of its descendants and the ids of those that exist on both sides. Walked with a stack,
 * never by recursion, so a deep tree cannot overflow it.
 */
function itemsOf(
  model: OrgModel,
  id: string,
  continues: (id: string) => boolean,
  mapFunction: (fn: string) => readonly string[],
): Set<string> {
  const items = new Set<string>();
  const stack = [id];
  // A structure with errors may have a cycle of parents: each unit is visited once.
  const seen = new Set<string>([id]);
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current !== id && continues(current)) items.add(UNIT + current);
    for (const [fn, role] of Object.entries(model.units.get(current)?.unit.functions ?? {}))
      for (const mapped of mapFunction(fn)) items.add(`${FN}${mapped}\u0000${role}`);
    for (const child of model.children.get(current) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      stack.push(child);
    }
  }
  return items;
}

function evidenceOf(shared: Iterable<string>, before: Iterable<string>, after: Iterable<string>): UnitEvidence {
  const e: UnitEvidence = { functions: { shared: 0, from: 0, to: 0 }, units: { shared: 0, from: 0, to: 0 } };
  const kind = (item: string): 'functions' | 'units' => (item.startsWith(FN) ? 'functions' : 'units');
  for (const item of shared) e[kind(item)].shared++;
  for (const item of before) e[kind(item)].from++;
  for (const item of after) e[kind(item)].to++;
  return e;
}

function basisOf(e: UnitEvidence): InferenceBasis {
  if (e.functions.shared > 0 && e.units.shared > 0) return 'functions+children';
  return e.units.shared > 0 ? 'children' : 'functions';
}

/**
 * Each shared item halves the chance of a coincidence (one gives 0.75, two 0.88, three 0.94),
 * scaled by how much of both sides the shared items make up (the square root of their Dice
 * share): identical holdings keep the full value, a partial overlap less.
 */
function confidenceOf(shared: number, total: number): number {
  if (shared === 0 || total === 0) return 0;
  return Math.min(0.99, (1 - 0.5 ** (shared + 1)) * Math.sqrt((2 * shared) / total));
}

/** Names in one language for comparing: the later side's first language where both have it. */
function nameOf(model: OrgModel, id: string, language: string): string {
  return pickText(model.units.get(id)?.unit.name, language, model.defaultLanguage);
}

export interface UnitInference {
  replacements: Replacement[];
  review: ReviewItem[];
}

/**
 * Replacements guessed for units that were removed and added without declared lineage, and the
 * doubtful ones left for review. `mapFunction` names a function on either side the same way when
 * it went on under another id (the id of its match), and leaves other ids as they are.
 */
export function inferredReplacements(
  before: OrgModel,
  after: OrgModel,
  removed: readonly string[],
  added: readonly string[],
  mapFunction: (fn: string) => readonly string[] = (fn) => [fn],
): UnitInference {
  const continues = (id: string): boolean => before.units.has(id) && after.units.has(id);
  const sides: Sides = { removed: new Map(), added: new Map() };
  for (const id of [...removed].sort(byCode)) sides.removed.set(id, itemsOf(before, id, continues, mapFunction));
  for (const id of [...added].sort(byCode)) sides.added.set(id, itemsOf(after, id, continues, mapFunction));
  const shared = sharedCounts(sides);
  const components = componentsOf(strongEdges(sides, shared));
  const nameSimilarity = (r: string, a: string): number =>
    round2(dice(profile(nameOf(before, r, after.defaultLanguage)), profile(nameOf(after, a, after.defaultLanguage))));
  const { replacements, review } = judgeComponents(components, sides, nameSimilarity);
  const involved = new Set<string>();
  for (const c of components) for (const id of [...c.from, ...c.to]) involved.add(id);
  review.push(...weakLeftovers(sides, shared, involved));
  review.push(...nameOnlyPairs(before, after, sides, involved));
  return { replacements, review };
}

/** The items (functions with roles, continuing subunits) of each removed and each added unit. */
interface Sides {
  removed: Map<string, Set<string>>;
  added: Map<string, Set<string>>;
}

/** How many items each added unit shares with each removed one, for the pairs that share any; items held by too many are left out. */
function sharedCounts(sides: Sides): Map<string, Map<string, number>> {
  const holders = new Map<string, string[]>();
  for (const [id, items] of sides.removed) {
    for (const item of items) {
      const list = holders.get(item);
      if (list) list.push(id);
      else holders.set(item, [id]);
    }
  }
  const shared = new Map<string, Map<string, number>>();
  for (const [a, items] of sides.added) {
    const counts = new Map<string, number>();
    for (const item of items) {
      const list = holders.get(item);
      if (!list || list.length > MAX_HOLDERS) continue;
      for (const r of list) counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    if (counts.size > 0) shared.set(a, counts);
  }
  return shared;
}

interface PairEdge {
  r: string;
  a: string;
  shared: number;
  jaccard: number;
}

/**
 * The strong links between a removed and an added unit; a link stays only if it is the best (by
 * Jaccard) of at least one of its ends, so a bureau and its own division are not both taken for
 * the successor of a removed bureau.
 */
function strongEdges(sides: Sides, shared: Map<string, Map<string, number>>): PairEdge[] {
  const edges: PairEdge[] = [];
  for (const [a, counts] of shared) {
    const sizeA = sides.added.get(a)!.size;
    for (const [r, n] of counts) {
      const sizeR = sides.removed.get(r)!.size;
      if (n / sizeR < STRONG_SHARE && n / sizeA < STRONG_SHARE) continue;
      edges.push({ r, a, shared: n, jaccard: n / (sizeR + sizeA - n) });
    }
  }
  const bestOf = new Map<string, number>();
  for (const e of edges) {
    bestOf.set(`r${e.r}`, Math.max(bestOf.get(`r${e.r}`) ?? 0, e.jaccard));
    bestOf.set(`a${e.a}`, Math.max(bestOf.get(`a${e.a}`) ?? 0, e.jaccard));
  }
  return edges.filter((e) => e.jaccard >= bestOf.get(`r${e.r}`)! || e.jaccard >= bestOf.get(`a${e.a}`)!);
}

interface Component {
  /** Sorted ids of each side. */
  from: string[];
  to: string[];
  edges: PairEdge[];
}

/** The groups of units the strong links join (union-find without recursion), each one candidate story. */
function componentsOf(kept: readonly PairEdge[]): Component[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root)! !== root) root = parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const e of kept) {
    for (const k of [`r${e.r}`, `a${e.a}`]) if (!parent.has(k)) parent.set(k, k);
    const x = find(`r${e.r}`);
    const y = find(`a${e.a}`);
    if (x !== y) parent.set(x < y ? y : x, x < y ? x : y);
  }
  const groups = new Map<string, { from: Set<string>; to: Set<string>; edges: PairEdge[] }>();
  for (const e of kept) {
    const root = find(`r${e.r}`);
    let c = groups.get(root);
    if (!c) groups.set(root, (c = { from: new Set(), to: new Set(), edges: [] }));
    c.from.add(e.r);
    c.to.add(e.a);
    c.edges.push(e);
  }
  return [...groups.values()].map((c) => ({
    from: [...c.from].sort(byCode),
    to: [...c.to].sort(byCode),
    edges: c.edges,
  }));
}

/** What each group says: a replacement when it is one clear story, else an item for review (ambiguous or weak). */
function judgeComponents(
  components: readonly Component[],
  sides: Sides,
  nameSimilarity: (r: string, a: string) => number,
): UnitInference {
  const replacements: Replacement[] = [];
  const review: ReviewItem[] = [];
  for (const c of components) {
    const beforeItems = new Set<string>();
    for (const r of c.from) for (const item of sides.removed.get(r)!) beforeItems.add(item);
    const afterItems = new Set<string>();
    for (const a of c.to) for (const item of sides.added.get(a)!) afterItems.add(item);
    const common = [...afterItems].filter((item) => beforeItems.has(item));
    const sumShared = c.edges.reduce((n, e) => n + e.shared, 0);
    const evidence = evidenceOf(common, beforeItems, afterItems);
    let confidence = confidenceOf(common.length, beforeItems.size + afterItems.size);
    if (c.from.length === 1 && c.to.length === 1) {
      // Alike names are independent evidence: they take away part of the remaining doubt.
      evidence.name = nameSimilarity(c.from[0]!, c.to[0]!);
      if (evidence.name >= NAME_REVIEW) confidence = 1 - (1 - confidence) * (1 - evidence.name / 2);
    }
    confidence = round2(Math.min(0.99, confidence));
    // Several earlier units claiming the same items, or many-to-many, is not one story to tell.
    const contested = sumShared > common.length * 1.2;
    if ((c.from.length > 1 && c.to.length > 1) || contested) {
      review.push({ subject: 'unit', reason: 'ambiguous', from: c.from, to: c.to, matches: pairMatches(c, sides) });
      continue;
    }
    if (confidence < PROPOSE_CONFIDENCE) {
      review.push({
        subject: 'unit',
        reason: 'weak',
        from: c.from,
        to: c.to,
        matches: [{ from: c.from, to: c.to, confidence, evidence }],
      });
      continue;
    }
    replacements.push({
      kind: replacementKind(c.from, c.to),
      from: c.from,
      to: c.to,
      inferred: { confidence, basis: basisOf(evidence), evidence },
    });
  }
  return { replacements, review };
}

/** Each pair of a group with its own evidence, most likely first. */
function pairMatches(c: Component, sides: Sides): ReviewMatch[] {
  return c.edges
    .map((e) => {
      const rItems = sides.removed.get(e.r)!;
      const aItems = sides.added.get(e.a)!;
      return {
        from: [e.r],
        to: [e.a],
        confidence: round2(confidenceOf(e.shared, rItems.size + aItems.size)),
        evidence: evidenceOf(
          [...aItems].filter((item) => rItems.has(item)),
          rItems,
          aItems,
        ),
      };
    })
    .sort((x, y) => y.confidence - x.confidence || byCode(`${x.from[0]} ${x.to[0]}`, `${y.from[0]} ${y.to[0]}`));
}

/**
 * A unit left out of every match that still shares a few items with one on the other side (its
 * single best partner): too little to guess, worth a look ("3 of 16 functions went to …").
 */
function weakLeftovers(sides: Sides, shared: Map<string, Map<string, number>>, involved: Set<string>): ReviewItem[] {
  const weak = new Map<string, { r: string; a: string; shared: number }>();
  const consider = (r: string, a: string, n: number): void => {
    if (n < MIN_WEAK || involved.has(r) || involved.has(a)) return;
    weak.set(`${r}\u0000${a}`, { r, a, shared: n });
  };
  const bestFor = new Map<string, { other: string; shared: number; tie: boolean }>();
  const offer = (key: string, other: string, n: number): void => {
    const known = bestFor.get(key);
    if (!known || n > known.shared || (n === known.shared && other < known.other))
      bestFor.set(key, { other, shared: n, tie: known !== undefined && n === known.shared });
    else if (n === known.shared) known.tie = true;
  };
  for (const [a, counts] of shared)
    for (const [r, n] of counts) {
      offer(`r${r}`, a, n);
      offer(`a${a}`, r, n);
    }
  for (const [key, best] of bestFor) {
    if (best.tie) continue;
    if (key.startsWith('r')) consider(key.slice(1), best.other, best.shared);
    else consider(best.other, key.slice(1), best.shared);
  }
  return [...weak.values()]
    .sort((x, y) => byCode(`${x.r} ${x.a}`, `${y.r} ${y.a}`))
    .map(({ r, a, shared: n }) => {
      const rItems = sides.removed.get(r)!;
      const aItems = sides.added.get(a)!;
      const evidence = evidenceOf(
        [...aItems].filter((item) => rItems.has(item)),
        rItems,
        aItems,
      );
      return {
        subject: 'unit' as const,
        reason: 'weak' as const,
        from: [r],
        to: [a],
        matches: [{ from: [r], to: [a], confidence: round2(confidenceOf(n, rItems.size + aItems.size)), evidence }],
      };
    });
}

/** Units with nothing to go by but their names, paired by alike names: a person has to say. */
function nameOnlyPairs(before: OrgModel, after: OrgModel, sides: Sides, involved: Set<string>): ReviewItem[] {
  const language = after.defaultLanguage;
  const bare = (items: Map<string, Set<string>>): string[] =>
    [...items].filter(([id, set]) => set.size === 0 && !involved.has(id)).map(([id]) => id);
  const bareRemoved = bare(sides.removed);
  const bareAdded = bare(sides.added);
  const pairs = similarPairs(
    bareRemoved.map((id) => nameOf(before, id, language)),
    bareAdded.map((id) => nameOf(after, id, language)),
    NAME_REVIEW,
  );
  const byRemoved = new Map<string, ReviewMatch[]>();
  for (const p of pairs) {
    const r = bareRemoved[p.left]!;
    const list = byRemoved.get(r) ?? [];
    list.push({
      from: [r],
      to: [bareAdded[p.right]!],
      confidence: round2(p.similarity / 2),
      similarity: round2(p.similarity),
    });
    byRemoved.set(r, list);
  }
  return [...byRemoved].map(([r, matches]) => {
    matches.sort((x, y) => y.similarity! - x.similarity! || byCode(x.to[0]!, y.to[0]!));
    return {
      subject: 'unit' as const,
      reason: 'names' as const,
      from: [r],
      to: matches.map((m) => m.to[0]!).sort(byCode),
      matches,
    };
  });
}
