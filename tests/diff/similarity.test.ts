/**
 * Text similarity for function lineage: normalisation, the Dice measure on real reworded duties,
 * and the candidate index finding exactly the pairs a comparison of all pairs finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTION_MATCH } from '../../src/diff/function-lineage.js';
import { dice, normalizeText, profile, similarPairs } from '../../src/diff/similarity.js';

const sim = (a: string, b: string): number => dice(profile(a), profile(b));

describe('text similarity', () => {
  it('ignores spacing, punctuation and the usual separators', () => {
    expect(normalizeText('정보ㆍ자료 , 수집·분석 (등)')).toBe(normalizeText('정보자료수집분석등'));
    expect(sim('문화 콘텐츠의 융ㆍ복합', '문화콘텐츠의 융복합')).toBe(1);
  });

  it('takes a duty reworded in a decree for the same duty, and different duties for different ones', () => {
    expect(
      sim('해외언론의 한국 관련 취재 등에 대한 지원', '해외 언론매체의 한국 관련 취재ㆍ보도활동 지원'),
    ).toBeGreaterThanOrEqual(FUNCTION_MATCH);
    expect(
      sim('문화산업진흥 재원 조성 및 운용', '문화산업 기반 조성 및 문화미디어산업진흥 재원 조성 및 운용'),
    ).toBeGreaterThanOrEqual(FUNCTION_MATCH);
    expect(sim('광고 표준화의 개발 및 지원', '저작권침해범죄에 관한 수사')).toBeLessThan(0.2);
    expect(sim('Road maintenance', 'Bridge inspection')).toBeLessThan(0.2);
  });

  it('finds through its index exactly the pairs that comparing all pairs finds', () => {
    const word = fc.constantFrom('road', 'bridge', 'park', '문화', '산업', '지원', 'и', 'дорог', ' ', 'ㆍ');
    const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(''));
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 12 }),
        fc.array(text, { maxLength: 12 }),
        fc.double({ min: 0.2, max: 1, noNaN: true }),
        (left, right, threshold) => {
          const all: string[] = [];
          left.forEach((a, i) =>
            right.forEach((b, j) => {
              if (sim(a, b) >= threshold && sim(a, b) > 0) all.push(`${i}:${j}`);
            }),
          );
          const found = similarPairs(left, right, threshold).map((p) => `${p.left}:${p.right}`);
          expect(found.sort()).toEqual(all.sort());
        },
      ),
      { numRuns: 200 },
    );
  });
});
