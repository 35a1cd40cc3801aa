/**
 * The DOT of a chart, compared with golden files: the Bishkek structure as users draw it and small
 * cases for names that look like markup and for cut-off levels. The DOT carries the measured
 * widths and the computed positions, so a change in wrapping or layout shows up here.
 * Regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/render/chart` and read the diff.
 */
import { describe, expect, it } from 'vitest';
import { measureText } from '../../../src/output/measure.js';
import { chartDot } from '../../../src/render/chart/chart.js';
import { expectGolden } from '../../helpers/golden.js';
import { bishkek, golden, options, tricky } from './helpers.js';

describe('chartDot', () => {
  it('Bishkek, in Russian, top to bottom', () => {
    expectGolden(golden('bishkek', 'expected.dot'), chartDot(bishkek(), options('ru'), measureText));
  });

  it('Bishkek, in English, left to right, with headcount and functions', () => {
    const dot = chartDot(bishkek(), options('en', { direction: 'LR', headcount: true, functions: true }), measureText);
    expectGolden(golden('bishkek-en-lr-functions', 'expected.dot'), dot);
  });

  it('one subtree, two levels: the cut-off units are counted in their parent', () => {
    const dot = chartDot(
      bishkek(),
      options('ru', { root: 'upravlenie-organizatsionno-kontrolnoy-raboty', depth: 2, title: 'Часть схемы' }),
      measureText,
    );
    expectGolden(golden('bishkek-subtree', 'expected.dot'), dot);
    expect(dot).toContain('ниже ещё 2 подразделения');
    expect(dot).not.toContain('sektor-');
  });

  it('names with quotes, backslashes, angle brackets and ampersands stay text', () => {
    const dot = chartDot(tricky(), options('ru', { headcount: true }), measureText);
    expectGolden(golden('tricky-names', 'expected.dot'), dot);
    expect(dot).not.toMatch(/<script|<b>/);
    expect(dot).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(dot).toContain('штат: 0, вместе с нижестоящими: 5');
  });

  it('is the same text every time', () => {
    expect(chartDot(bishkek(), options('ru'), measureText)).toBe(chartDot(bishkek(), options('ru'), measureText));
  });
});
