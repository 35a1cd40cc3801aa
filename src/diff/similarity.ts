/**
 * How nearly two names are the same text, for lineage: a statutory duty reworded between two
 * versions of a decree ("해외언론의 … 지원" → "해외 언론매체의 … 지원"), a unit renamed. Texts are
 * compared as multisets of character bigrams after normalisation (Dice coefficient): cheap,
 * independent of the script, and tolerant of inserted or dropped words. Candidates are found
 * through an index of the bigrams they share, so n texts against m cost about the number of
 * shared bigrams, not n × m comparisons; a bigram found in very many texts (boilerplate such as
 * "에 관한 사항") is left out of the index because it tells the candidates apart least.
 */

/**
 * The text reduced to what carries meaning: Unicode compatibility form, lower case, without
 * spacing, punctuation, symbols and separators such as `ㆍ`, `·`, `,`, `/`.
 */
export function normalizeText(text: string): string {
  // ㆍ (U+318D, U+119E after NFKC) is a Hangul letter to Unicode, but Korean texts use it as a middle dot.
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\p{C}\s\u318d\u119e]+/gu, '');
}

/** Bigram → count; a text of one character is its own single gram. */
export type Profile = Map<string, number>;

export function profile(text: string): Profile {
  const chars = [...normalizeText(text)];
  const out: Profile = new Map();
  if (chars.length === 1) out.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    out.set(gram, (out.get(gram) ?? 0) + 1);
  }
  return out;
}

function size(p: Profile): number {
  let n = 0;
  for (const c of p.values()) n += c;
  return n;
}

/** Dice coefficient of two bigram multisets: 1 for the same text, 0 for nothing in common. */
export function dice(a: Profile, b: Profile): number {
  const total = size(a) + size(b);
  if (total === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [gram, count] of small) shared += Math.min(count, large.get(gram) ?? 0);
  return (2 * shared) / total;
}

/** A bigram held by more texts of one side than this is not used to find candidates. */
const MAX_POSTING = 64;
/** Texts measured against each text at most, those sharing the most distinctive bigrams first. */
const MAX_CANDIDATES = 24;

export interface SimilarPair {
  left: number;
  right: number;
  similarity: number;
}

/**
 * The pairs (left, right) whose similarity reaches `threshold`, found through shared bigrams.
 * Two texts that share only over-common bigrams are not compared, and each text is measured
 * against the few texts that share the most of its distinctive bigrams: where texts differ (as
 * statutory duties do) this finds every close pair; where thousands are alike, a bounded number.
 */
export function similarPairs(left: readonly string[], right: readonly string[], threshold: number): SimilarPair[] {
  const leftProfiles = left.map(profile);
  const rightProfiles = right.map(profile);
  const postings = new Map<string, number[]>();
  rightProfiles.forEach((p, j) => {
    for (const gram of p.keys()) {
      const list = postings.get(gram);
      if (list) list.push(j);
      else postings.set(gram, [j]);
    }
  });
  const rightSizes = rightProfiles.map(size);
  const out: SimilarPair[] = [];
  const seen = new Map<number, number>();
  leftProfiles.forEach((p, i) => {
    seen.clear();
    const sizeLeft = size(p);
    for (const gram of p.keys()) {
      const list = postings.get(gram);
      if (!list || list.length > MAX_POSTING) continue;
      for (const j of list) seen.set(j, (seen.get(j) ?? 0) + 1);
    }
    // Only the texts sharing the most distinctive grams are measured: a bounded number per text,
    // so texts written from one template (thousands alike but for a number) cost linear time.
    let candidates = [...seen];
    if (candidates.length > MAX_CANDIDATES)
      candidates = candidates.sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_CANDIDATES);
    for (const [j] of candidates) {
      // Texts of very different lengths cannot reach the threshold: skip them unmeasured.
      const sizeRight = rightSizes[j]!;
      if ((2 * Math.min(sizeLeft, sizeRight)) / (sizeLeft + sizeRight) < threshold) continue;
      const similarity = dice(p, rightProfiles[j]!);
      if (similarity >= threshold) out.push({ left: i, right: j, similarity });
    }
  });
  return out;
}

/** Rounded for output: two decimals are what a reader can weigh. */
export const round2 = (x: number): number => Math.round(x * 100) / 100;
