/** The tidy-tree layout: boxes never overlap, connectors are straight and reach every child, wide levels wrap, staff units branch off. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Point, Rect } from '../../../src/render/chart/drawing.js';
import { layoutTree, type TreeInput } from '../../../src/render/chart/layout.js';

/** A random tree as a parent list: unit i > 0 hangs under a unit before it. */
const trees = fc.array(fc.nat(), { minLength: 0, maxLength: 60 }).map((picks) => {
  const parents = picks.map((p, i) => p % (i + 1));
  return parents;
});

function input(parents: number[], direction: 'TB' | 'LR', heights: number[] = [], staff: number[] = []): TreeInput {
  const ids = ['u0', ...parents.map((_, i) => `u${i + 1}`)];
  const children = new Map<string, string[]>();
  parents.forEach((p, i) => {
    const list = children.get(`u${p}`) ?? [];
    list.push(`u${i + 1}`);
    children.set(`u${p}`, list);
  });
  const sizes = new Map(ids.map((id, i) => [id, { width: 200, height: 40 + (heights[i] ?? (i * 7) % 30) }]));
  return { roots: ['u0'], children, sizes, staff: new Set(staff.filter((i) => i > 0).map((i) => `u${i}`)), direction };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function touches(p: Point, r: Rect): boolean {
  const onX = p.x >= r.x - 0.01 && p.x <= r.x + r.width + 0.01;
  const onY = p.y >= r.y - 0.01 && p.y <= r.y + r.height + 0.01;
  return (
    (onX && (Math.abs(p.y - r.y) < 0.01 || Math.abs(p.y - r.y - r.height) < 0.01)) ||
    (onY && (Math.abs(p.x - r.x) < 0.01 || Math.abs(p.x - r.x - r.width) < 0.01))
  );
}

describe('layoutTree', () => {
  for (const direction of ['TB', 'LR'] as const) {
    test.prop([trees, fc.array(fc.nat({ max: 60 }), { maxLength: 8 })])(
      `${direction}: no two boxes overlap, every segment is horizontal or vertical, every child is reached`,
      (parents, staff) => {
        const tree = input(parents, direction, [], staff);
        const layout = layoutTree(tree);
        const rects = [...layout.boxes.values()];
        expect(rects).toHaveLength(parents.length + 1);
        for (let i = 0; i < rects.length; i++)
          for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!)).toBe(false);
        for (const [a, b] of [...layout.segments, ...layout.dashed]) expect(a.x === b.x || a.y === b.y).toBe(true);
        // No connector runs through a box.
        for (const [a, b] of [...layout.segments, ...layout.dashed]) {
          for (const r of rects) {
            const inner = { x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2 };
            const seg = {
              x: Math.min(a.x, b.x),
              y: Math.min(a.y, b.y),
              width: Math.abs(a.x - b.x) || 0.001,
              height: Math.abs(a.y - b.y) || 0.001,
            };
            expect(overlaps(seg, inner), `segment ${JSON.stringify([a, b])} crosses a box`).toBe(false);
          }
        }
        for (const [parent, kids] of tree.children) {
          const ends = [...layout.segments, ...layout.dashed].flat();
          expect(ends.some((p) => touches(p, layout.boxes.get(parent)!))).toBe(true);
          for (const kid of kids) expect(ends.some((p) => touches(p, layout.boxes.get(kid)!))).toBe(true);
        }
        for (const r of rects) {
          expect(r.x).toBeGreaterThanOrEqual(0);
          expect(r.y).toBeGreaterThanOrEqual(0);
          expect(r.x + r.width).toBeLessThanOrEqual(layout.width + 0.01);
          expect(r.y + r.height).toBeLessThanOrEqual(layout.height + 0.01);
        }
      },
    );
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

  it('a wide level wraps into rows, so the chart keeps close to a landscape page', () => {
    // 40 units under the root, each with two units of its own: one row would be 40 subtrees wide.
    const parents = [
      ...Array.from({ length: 40 }, () => 0),
      ...Array.from({ length: 80 }, (_, i) => 1 + Math.floor(i / 2)),
    ];
    const layout = layoutTree(input(parents, 'TB'));
    expect(layout.width / layout.height).toBeLessThan(2.9);
    expect(layout.width / layout.height).toBeGreaterThan(0.7);
    const tops = new Set(Array.from({ length: 40 }, (_, i) => layout.boxes.get(`u${i + 1}`)!.y));
    expect(tops.size).toBeGreaterThan(1);
  });

  it('a long column of leaves is split into several', () => {
    const layout = layoutTree(
      input(
        Array.from({ length: 60 }, () => 0),
        'TB',
        Array.from({ length: 61 }, () => 0),
      ),
    );
    const xs = new Set(Array.from({ length: 60 }, (_, i) => layout.boxes.get(`u${i + 1}`)!.x));
    expect(xs.size).toBeGreaterThan(1);
    expect(layout.height).toBeLessThan(60 * 50);
  });

  it('a staff unit sits beside its parent, above the row of line units, on a dashed branch', () => {
    // u0 → u1 (staff), u2, u3 (→ u4), u5 (→ u6)
    const layout = layoutTree(input([0, 0, 0, 3, 0, 5], 'TB', [], [1]));
    const box = (id: string): Rect => layout.boxes.get(id)!;
    const root = box('u0');
    const staff = box('u1');
    expect(staff.y).toBeGreaterThan(root.y + root.height);
    for (const line of ['u2', 'u3', 'u5']) expect(staff.y + staff.height).toBeLessThan(box(line).y);
    const stem = root.x + root.width / 2;
    expect(staff.x > stem || staff.x + staff.width < stem).toBe(true);
    expect(layout.dashed).toHaveLength(1);
    const [a, b] = layout.dashed[0]!;
    expect(a.y).toBe(b.y);
    expect([a.x, b.x]).toContain(stem);
    expect(touches(a.x === stem ? b : a, staff)).toBe(true);
  });

  it('boxes keep the height of their own text; neighbours are evened out only a little', () => {
    // u1 is a little shorter than u2 (evened out), u3 much taller (u1, u2 do not grow to it).
    const layout = layoutTree(input([0, 0, 0, 1, 2, 3], 'TB', [0, 10, 20, 200, 0, 0, 0]));
    const h = (id: string): number => layout.boxes.get(id)!.height;
    expect(h('u1')).toBe(h('u2'));
    expect(h('u2')).toBe(60);
    expect(h('u3')).toBe(240);
    expect(layout.boxes.get('u1')!.y).toBe(layout.boxes.get('u3')!.y);
  });

  it('a chain 3,000 levels deep is laid out without running out of stack', () => {
    const layout = layoutTree(
      input(
        Array.from({ length: 3000 }, (_, i) => i),
        'TB',
        Array.from({ length: 3001 }, () => 0),
      ),
    );
    expect(layout.boxes.size).toBe(3001);
    expect(layout.height).toBeGreaterThan(3000 * 40);
  });
});
