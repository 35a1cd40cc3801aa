/**
 * `org render chart` as users run it: formats chosen by extension or --format, stdout for text
 * formats only, one-line errors with exit code 2, and the built program (a real process) drawing
 * all four formats from the Bishkek structure.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../../helpers/cli.js';
import { writeStructure } from '../../helpers/structure.js';

const work = mkdtempSync(join(tmpdir(), 'org-chart-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('org render chart', () => {
  it('writes SVG to standard output by default, DOT with --format dot', async () => {
    const svg = await runCli(['render', 'chart']);
    expect(svg.code).toBe(0);
    expect(svg.stdout).toMatch(/^<\?xml/);
    expect(svg.stdout).toContain('Центральный аппарат мэрии Бишкека');
    const dot = await runCli(['render', 'chart', '--format', 'dot', '--lang', 'en']);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toMatch(/^digraph chart \{/);
    expect(dot.stdout).toContain('Internal Audit Department');
  });

  it('refuses to write PDF or PNG to a terminal, in one line', async () => {
    for (const format of ['pdf', 'png']) {
      const r = await runCli(['render', 'chart', '--format', format], { tty: true });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it.each([
    [['--root', 'no-such-unit'], 'No unit "no-such-unit"'],
    [['-o', join(work, 'chart.txt')], 'Cannot tell the format'],
    [['--direction', 'up'], '--direction'],
    [['--depth', '0'], '--depth'],
    [['--page', 'A7', '-o', join(work, 'x.pdf')], '--page'],
    [['--format', 'gif'], 'Unknown format'],
  ])('%j is a usage error (exit 2, one line, no file)', async (args, message) => {
    const r = await runCli(['render', 'chart', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(work).filter((f) => f.startsWith('x.') || f.startsWith('chart.'))).toEqual([]);
  });

  it('--engine is still accepted from old scripts; charts no longer need Graphviz', async () => {
    const r = await runCli(['render', 'chart', '--engine', 'dot']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<svg');
    expect((await runCli(['render', 'chart', '--engine', 'gpu'])).code).toBe(2);
  });

  it('PDF: Bishkek is one landscape page without an orientation; a larger structure on portrait pages is a book', async () => {
    const mediaBoxes = (pdf: Buffer): Array<[number, number]> =>
      [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
    const auto = await runCli(['render', 'chart', '--format', 'pdf']);
    expect(auto.code, auto.stderr).toBe(0);
    const pages = mediaBoxes(auto.bytes);
    expect(pages).toHaveLength(1);
    expect(pages[0]![0]).toBeGreaterThan(pages[0]![1]);
    // 300 units: a book, on portrait pages as asked.
    const files: Record<string, object> = { 'units/u0.yaml': { id: 'u0', kind: 'office', name: { ru: 'Аппарат' } } };
    for (let i = 1; i < 300; i++)
      files[`units/u${i}.yaml`] = {
        id: `u${i}`,
        kind: i <= 12 ? 'department' : 'division',
        parent: i <= 12 ? 'u0' : `u${1 + ((i - 13) % 12)}`,
        name: { ru: `Отдел № ${i}` },
      };
    const dir = writeStructure(files);
    const portrait = await runCli(['render', 'chart', dir, '--format', 'pdf', '--portrait']);
    rmSync(dir, { recursive: true, force: true });
    expect(portrait.code, portrait.stderr).toBe(0);
    const book = mediaBoxes(portrait.bytes);
    expect(book.length).toBeGreaterThan(1);
    for (const [w, h] of book) expect(h).toBeGreaterThan(w);
    // Links between pages and bookmarks are there.
    expect(portrait.bytes.toString('latin1')).toMatch(/\/S \/GoTo/);
    expect(portrait.bytes.toString('latin1')).toMatch(/\/Outlines/);
  });

  it('prints no progress when stderr is not a terminal', { timeout: 60_000 }, () => {
    const file = join(work, 'quiet.pdf');
    const r = spawnCli(['render', 'chart', '-o', file, '--functions'], { timeout: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('the built program draws every format to files', { timeout: 60_000 }, () => {
    for (const ext of ['svg', 'png', 'pdf', 'dot']) {
      const file = join(work, `bishkek.${ext}`);
      const r = spawnCli(['render', 'chart', '-o', file, '--headcount'], { timeout: 60_000 });
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(file)).toBe(true);
      const head = readFileSync(file).subarray(0, 8).toString('latin1');
      expect(head).toMatch({ svg: /^<\?xml/, png: /^.PNG/, pdf: /^%PDF-/, dot: /^digraph/ }[ext]!);
    }
  });
});
