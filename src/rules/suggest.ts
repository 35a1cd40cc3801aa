/** "Did you mean": the closest candidate by edit distance, when it is close enough to help. */

export function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Candidates sorted by closeness, keeping those within a third of the word's length. */
function closestAll(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const max = Math.max(2, Math.floor(word.length / 3));
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > max) continue;
    const d = distance(word, c);
    if (d <= max) scored.push([c, d]);
  }
  return scored
    .sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, limit)
    .map(([c]) => c);
}

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return closestAll(word, candidates, 1)[0];
}
