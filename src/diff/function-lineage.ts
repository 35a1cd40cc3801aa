/**
 * Lineage of functions: which duty of the later structure is a duty of the earlier one under a new
 * id. Declared with `replaces` in a function file; otherwise inferred from names that are nearly
 * the same text (see similarity.ts), one earlier function to one later one. A match is taken only
 * when it clearly beats every other candidate of both functions; a close second, or a similarity
 * just under the bar, goes to the review list instead.
 */
import { pickText, type OrgModel } from '../model/model.js';
import { declaredFunctionReplacements } from './lineage.js';
import { round2, similarPairs } from './similarity.js';
import type { ReviewItem, ReviewMatch } from './types.js';

/** Names at least this alike are the same duty reworded (e.g. 0.59 for a duty whose wording was tightened). */
export const FUNCTION_MATCH = 0.55;
/** Names this alike but under the bar are listed for review. */
const FUNCTION_REVIEW = 0.45;
/** A rival within this share of the best similarity makes a match ambiguous. */
const RIVAL_SHARE = 0.9;

export interface FunctionMatch {
  from: string[];
  to: string[];
  inferred?: { confidence: number; similarity: number };
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface FunctionLineage {
  matches: FunctionMatch[];
  review: ReviewItem[];
  /** Later ids of every earlier function that was matched. */
  successors: Map<string, string[]>;
}

export function functionLineage(before: OrgModel, after: OrgModel, infer: boolean): FunctionLineage {
  const matches: FunctionMatch[] = declaredFunctionReplacements(before, after).filter(
    (g) => g.from.length > 0 && g.to.length > 0,
  );
  const explained = new Set<string>();
  for (const m of matches) for (const id of [...m.from, ...m.to]) explained.add(id);
  const review: ReviewItem[] = [];
  if (infer) {
    const inferred = inferredFunctionMatches(before, after, explained);
    matches.push(...inferred.matches);
    review.push(...inferred.review);
  }
  const successors = new Map<string, string[]>();
  for (const m of matches) for (const id of m.from) successors.set(id, m.to);
  return { matches, review, successors };
}

/**
 * Functions removed and added without declared lineage, paired by alike names: a clear pair is a
 * match, a weak one or one with a close rival goes to review.
 */
function inferredFunctionMatches(
  before: OrgModel,
  after: OrgModel,
  explained: Set<string>,
): { matches: FunctionMatch[]; review: ReviewItem[] } {
  const removed = [...before.functions.keys()]
    .filter((id) => !after.functions.has(id) && !explained.has(id))
    .sort(byCode);
  const added = [...after.functions.keys()]
    .filter((id) => !before.functions.has(id) && !explained.has(id))
    .sort(byCode);
  const language = after.defaultLanguage;
  const name = (model: OrgModel, id: string): string =>
    pickText(model.functions.get(id)!.fn.name, language, model.defaultLanguage);
  const pairs = similarPairs(
    removed.map((id) => name(before, id)),
    added.map((id) => name(after, id)),
    FUNCTION_REVIEW,
  );
  return decidePairs(pairs, removed, added);
}

type NamePair = ReturnType<typeof similarPairs>[number];

/**
 * Best pairs first; a pair is decided when both its functions are still free, so each function's
 * first decided pair is its best remaining one. Ties are broken by the two ids, smaller first, so
 * that comparing the other way round decides the same pairs.
 */
function decidePairs(
  pairs: NamePair[],
  removed: readonly string[],
  added: readonly string[],
): { matches: FunctionMatch[]; review: ReviewItem[] } {
  const matches: FunctionMatch[] = [];
  const review: ReviewItem[] = [];
  const byLeft = new Map<number, NamePair[]>();
  const byRight = new Map<number, NamePair[]>();
  for (const p of pairs) {
    (byLeft.get(p.left) ?? byLeft.set(p.left, []).get(p.left)!).push(p);
    (byRight.get(p.right) ?? byRight.set(p.right, []).get(p.right)!).push(p);
  }
  const tieKey = (q: NamePair): string => [removed[q.left]!, added[q.right]!].sort(byCode).join('\u0000');
  pairs.sort((x, y) => y.similarity - x.similarity || byCode(tieKey(x), tieKey(y)));
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  for (const p of pairs) {
    if (usedLeft.has(p.left) || usedRight.has(p.right)) continue;
    const rivals = [
      ...byLeft.get(p.left)!.filter((q) => q !== p && !usedRight.has(q.right)),
      ...byRight.get(p.right)!.filter((q) => q !== p && !usedLeft.has(q.left)),
    ];
    const rival = rivals.reduce((m, q) => Math.max(m, q.similarity), 0);
    usedLeft.add(p.left);
    usedRight.add(p.right);
    const from = removed[p.left]!;
    const to = added[p.right]!;
    // A rival close behind lowers the confidence: by half when it is as good, hardly when far behind.
    const confidence = round2(Math.min(0.99, p.similarity * (1 - 0.5 * (rival / p.similarity) ** 2)));
    const similarity = round2(p.similarity);
    const close = rivals.filter((q) => q.similarity >= p.similarity * RIVAL_SHARE);
    if (close.length > 0) {
      const all = [p, ...close].sort((x, y) => y.similarity - x.similarity || byCode(tieKey(x), tieKey(y)));
      review.push({
        subject: 'function',
        reason: 'ambiguous',
        from: [...new Set(all.map((q) => removed[q.left]!))].sort(byCode),
        to: [...new Set(all.map((q) => added[q.right]!))].sort(byCode),
        matches: all.map((q): ReviewMatch => ({
          from: [removed[q.left]!],
          to: [added[q.right]!],
          confidence: round2(q.similarity / 2),
          similarity: round2(q.similarity),
        })),
      });
    } else if (p.similarity < FUNCTION_MATCH) {
      review.push({
        subject: 'function',
        reason: 'weak',
        from: [from],
        to: [to],
        matches: [{ from: [from], to: [to], confidence, similarity }],
      });
    } else {
      matches.push({ from: [from], to: [to], inferred: { confidence, similarity } });
    }
  }
  return { matches, review };
}
