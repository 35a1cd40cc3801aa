/**
 * The book the slides are made from before subtree pages exist: the whole chart as one drawing
 * with the layout's positions and wrapped lines, or tiles of it when it is too large for a slide.
 * Every unit is on exactly one page, whole; connectors stay inside their pages.
 */
import { describe, expect, it } from 'vitest';
import { measureText } from '../../../src/output/measure.js';
import { chartSpec } from '../../../src/render/chart/chart.js';
import { singleDrawing, tiledBook } from '../../../src/render/chart/single-page.js';
import { bishkek, options } from './helpers.js';

describe('single-page book', () => {
  const model = bishkek();
  const spec = chartSpec(model, { ...options('ru'), functions: true });

  it('draws every unit once, its lines inside its box', () => {
    const d = singleDrawing(spec, measureText);
    expect(d.boxes.map((b) => b.id).sort()).toEqual([...model.units.keys()].sort());
    for (const b of d.boxes) {
      expect(b.lines[0]!.bold).toBe(true);
      for (const l of b.lines) {
        expect(l.x).toBeGreaterThanOrEqual(b.rect.x);
        expect(l.x + l.width).toBeLessThanOrEqual(b.rect.x + b.rect.width + 0.01);
        expect(l.baseline).toBeGreaterThan(b.rect.y);
        expect(l.baseline).toBeLessThan(b.rect.y + b.rect.height);
      }
    }
    expect(d.segments.length).toBeGreaterThan(0);
  });

  it('one page when the chart is readable on it, else tiles: each unit on exactly one, whole', () => {
    const d = singleDrawing(spec, measureText);
    expect(tiledBook(spec, measureText, { width: d.width, height: d.height }, 1).pages).toHaveLength(1);
    const book = tiledBook(spec, measureText, { width: 400, height: 300 }, 0.6);
    expect(book.pages.length).toBeGreaterThan(3);
    const seen: string[] = [];
    for (const page of book.pages) {
      if (page.kind !== 'chart') throw new Error('chart pages only');
      const { drawing } = page;
      for (const b of drawing.boxes) {
        seen.push(b.id);
        expect(b.rect.x).toBeGreaterThanOrEqual(-0.01);
        expect(b.rect.y).toBeGreaterThanOrEqual(-0.01);
        expect(b.rect.x + b.rect.width).toBeLessThanOrEqual(drawing.width + 0.01);
        expect(b.rect.y + b.rect.height).toBeLessThanOrEqual(drawing.height + 0.01);
      }
      for (const s of drawing.segments) for (const p of [s.from, s.to]) {
        expect(p.x).toBeGreaterThanOrEqual(-0.01);
        expect(p.x).toBeLessThanOrEqual(drawing.width + 0.01);
      }
    }
    expect(seen.sort()).toEqual([...model.units.keys()].sort());
  });
});
