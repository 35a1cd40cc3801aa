/**
 * How an SVG picture (the function matrix) is spread over PDF pages: one page while it stays
 * readable, else slices cut between the rectangles to keep whole, in the orientation that needs
 * fewer pages. Pure arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIDE, planTiling, slices } from '../../src/output/pdf.js';

describe('planTiling', () => {
  it('with no orientation given: the one that needs fewer pages', () => {
    const portrait = planTiling({ width: 1224, height: 575 }, { page: 'A4', landscape: false });
    const chosen = planTiling({ width: 1224, height: 575 }, { page: 'A4' });
    expect(portrait.columns.length * portrait.rows.length).toBeGreaterThan(1);
    expect(chosen.columns.length * chosen.rows.length).toBe(1);
    expect(chosen.page.width).toBeGreaterThan(chosen.page.height);
    const tall = planTiling({ width: 500, height: 2400 }, { page: 'A4' });
    expect(tall.page.height).toBeGreaterThan(tall.page.width);
  });

  it('`fit` gives one page, never over the PDF limit', () => {
    const huge = planTiling({ width: 60_000, height: 900 }, { page: 'fit' });
    expect(huge.page.width).toBeLessThanOrEqual(MAX_PAGE_SIDE);
    expect(huge.rows.length * huge.columns.length).toBe(1);
  });

  it('spreads a picture over pages only when one page would make it unreadable', () => {
    const small = planTiling({ width: 700, height: 400 }, { page: 'A4', landscape: true });
    expect(small.columns.length * small.rows.length).toBe(1);
    const wide = planTiling({ width: 3000, height: 600 }, { page: 'A4', landscape: true });
    expect(wide.columns.length).toBeGreaterThan(1);
    expect(wide.rows).toEqual([[0, 600]]);
    expect(wide.scale).toBeGreaterThanOrEqual(0.55);
    expect(wide.columns[0]![0]).toBe(0);
    expect(wide.columns[wide.columns.length - 1]![1]).toBe(3000);
    for (const [i, [a, b]] of wide.columns.entries()) {
      expect((b - a) * wide.scale).toBeLessThanOrEqual(wide.area.width + 0.01);
      if (i > 0) expect(a).toBe(wide.columns[i - 1]![1]);
    }
  });

  it('moves page edges into the gaps between the rectangles to keep whole', () => {
    const keep = Array.from({ length: 14 }, (_, i) => ({ left: i * 220, right: i * 220 + 200, top: 0, bottom: 100 }));
    const tiling = planTiling({ width: 14 * 220, height: 100 }, { page: 'A4', landscape: true, keep });
    expect(tiling.columns.length).toBeGreaterThan(1);
    for (const [, cut] of tiling.columns.slice(0, -1))
      for (const k of keep) expect(cut <= k.left || cut >= k.right).toBe(true);
    expect(slices(100, 40, [[35, 60]])).toEqual([
      [0, 32],
      [32, 72],
      [72, 100],
    ]);
  });
});
