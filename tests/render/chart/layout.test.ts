/** The tidy-tree layout: boxes never overlap, connectors are straight and reach every child. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { layoutTree, type Point, type Rect, type TreeInput } from '../../../src/render/chart/layout.js';

/** A random tree as a parent list: unit i > 0 hangs under a unit before it. */
const trees = fc.array(fc.nat(), { minLength: 0, maxLength: 60 }).map((picks) => {
  const parents = picks.map((p, i) => p % (i + 1));
  return parents;
});

function input(parents: number[], direction: 'TB' | 'LR', heights: number[] = []): TreeInput {
  const ids = ['u0', ...parents.map((_, i) => `u${i + 1}`)];
  const children = new Map<string, string[]>();
  const levels = new Map<string, number>([['u0', 0]]);
  parents.forEach((p, i) => {
    const list = children.get(`u${p}`) ?? [];
    list.push(`u${i + 1}`);
    children.set(`u${p}`, list);
    levels.set(`u${i + 1}`, levels.get(`u${p}`)! + 1);
  });
  const sizes = new Map(ids.map((id, i) => [id, { width: 200, height: 40 + (heights[i] ?? (i * 7) % 30) }]));
  return { roots: ['u0'], children, sizes, levels, direction };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function touches(p: Point, r: Rect): boolean {
  const onX = p.x >= r.x - 0.01 && p.x <= r.x + r.width + 0.01;
  const onY = p.y >= r.y - 0.01 && p.y <= r.y + r.height + 0.01;
  return (onX && (Math.abs(p.y - r.y) < 0.01 || Math.abs(p.y - r.y - r.height) < 0.01)) || (onY && (Math.abs(p.x - r.x) < 0.01 || Math.abs(p.x - r.x - r.width) < 0.01));
}

describe('layoutTree', () => {
  for (const direction of ['TB', 'LR'] as const) {
    test.prop([trees])(`${direction}: no two boxes overlap, every segment is horizontal or vertical, every child is reached`, (parents) => {
      const tree = input(parents, direction);
      const layout = layoutTree(tree);
      const rects = [...layout.boxes.values()];
      expect(rects).toHaveLength(parents.length + 1);
      for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!)).toBe(false);
      for (const [a, b] of layout.segments) expect(a.x === b.x || a.y === b.y).toBe(true);
      for (const [parent, kids] of tree.children) {
        const ends = layout.segments.flat();
        expect(ends.some((p) => touches(p, layout.boxes.get(parent)!))).toBe(true);
        for (const kid of kids) expect(ends.some((p) => touches(p, layout.boxes.get(kid)!))).toBe(true);
      }
      for (const r of rects) {
        expect(r.x).toBeGreaterThanOrEqual(0);
        expect(r.y).toBeGreaterThanOrEqual(0);
        expect(r.x + r.width).toBeLessThanOrEqual(layout.width + 0.01);
        expect(r.y + r.height).toBeLessThanOrEqual(layout.height + 0.01);
      }
    });
  }

  it('TB: a parent is centred over a row of children, and leaf siblings hang in a column in their order', () => {
    // u0 → u1 (→ u3 → u8, u4), u2 (→ u5, u6, u7: leaves)
    const layout = layoutTree(input([0, 0, 1, 1, 2, 2, 2, 3], 'TB'));
    const box = (id: string): Rect => layout.boxes.get(id)!;
    const centre = (id: string): number => box(id).x + box(id).width / 2;
    expect(centre('u1')).toBeCloseTo((centre('u3') + centre('u4')) / 2);
    expect(box('u3').y).toBe(box('u4').y);
    expect(box('u3').x).not.toBe(box('u4').x);
    expect(box('u5').x).toBe(box('u6').x);
    expect(box('u5').y).toBeLessThan(box('u6').y);
    expect(box('u6').y).toBeLessThan(box('u7').y);
    expect(centre('u0')).toBeCloseTo((centre('u1') + centre('u2')) / 2);
  });

  it('LR: children stack downwards to the right of their parent', () => {
    const layout = layoutTree(input([0, 0, 0], 'LR'));
    const [a, b, c] = ['u1', 'u2', 'u3'].map((id) => layout.boxes.get(id)!);
    expect(a!.x).toBe(b!.x);
    expect(a!.y).toBeLessThan(b!.y);
    expect(b!.y).toBeLessThan(c!.y);
    expect(a!.x).toBeGreaterThan(layout.boxes.get('u0')!.x + layout.boxes.get('u0')!.width);
  });
});
