/** Label text: escaping for DOT and HTML-like labels, and balanced wrapping measured with the real font. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { measureText } from '../../../src/output/measure.js';
import { cleanText, dotString, escapeHtmlLabel, wrapText } from '../../../src/render/chart/text.js';

const NAME = { bold: true, size: 12 };

describe('escaping', () => {
  it('escapes markup characters for HTML-like labels and keeps the rest', () => {
    expect(escapeHtmlLabel('Отдел <b>"А" & Б</b> «ё» №1')).toBe(
      'Отдел &lt;b&gt;&quot;А&quot; &amp; Б&lt;/b&gt; «ё» №1',
    );
    expect(escapeHtmlLabel('C:\\N')).toBe('C:\\\\N');
  });
  it('quotes DOT strings so that quotes and backslashes cannot end them or smuggle in \\N', () => {
    expect(dotString('a"b\\N')).toBe('"a\\"b\\\\N"');
  });
  it('turns control characters and line breaks into single spaces', () => {
    expect(cleanText(' a\u0000\nb\t\tc \u2028')).toBe('a b c');
  });
});

describe('wrapText', () => {
  it('wraps a long Russian name into balanced lines no wider than the limit', () => {
    const name = 'Отдел противодействия коррупции и взаимодействия с правоохранительными органами';
    const lines = wrapText(name, 180, NAME, measureText);
    expect(lines.join(' ')).toBe(name);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(measureText(line, NAME)).toBeLessThanOrEqual(180);
  });

  it('balances lines: as many as a greedy fill needs, but evened out', () => {
    const monospace = (text: string): number => text.length;
    expect(wrapText('aaaa bbbb cccc dd', 14, NAME, monospace)).toEqual(['aaaa bbbb', 'cccc dd']);
    expect(wrapText('aaaa bbbb', 14, NAME, monospace)).toEqual(['aaaa bbbb']);
  });

  it('breaks compound words after their hyphen and never cuts a word', () => {
    const lines = wrapText('Управление организационно-контрольной работы', 150, NAME, measureText);
    expect(lines).toContain('организационно-');
    const long = 'Сверхдлинноесловобезпробеловиникакихдефисов';
    expect(wrapText(`${long} отдел`, 60, NAME, measureText)).toEqual([long, 'отдел']);
  });

  test.prop([
    fc.array(fc.stringMatching(/^[а-яёА-ЯЁa-z«»№"&<>-]{1,14}$/), { minLength: 1, maxLength: 12 }),
    fc.integer({ min: 40, max: 300 }),
  ])('keeps every character, in order, whatever the width', (words, width) => {
    const text = words.join(' ');
    const lines = wrapText(text, width, NAME, measureText);
    expect(lines.join('').replace(/ /g, '')).toBe(cleanText(text).replace(/ /g, ''));
    for (const line of lines) expect(line).toBe(line.trim());
  });
});
