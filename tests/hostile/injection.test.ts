/**
 * Names are untrusted. A name with an escape sequence, a carriage return or a GitHub workflow
 * command must reach neither a terminal nor a CI log raw, from any command that prints it; CSV
 * cells must not run as formulas; Mermaid and Markdown must not take a name or an id for syntax.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { writeStructure } from '../helpers/structure.js';
import { escapeTerminal, isTerminalSafe } from '../../src/render/terminal.js';
import { csvField, neutraliseFormula, restoreFormulaText } from '../../src/render/csv.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { readCsv } from '../../src/import/csv-read.js';

const OSC_TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J';
const FORGED = '::error file=units/a.yaml,line=1::forged';

const dir = writeStructure({
  'organization.yaml': {
    id: 'evil',
    name: `Evil ${OSC_TITLE} office`,
    languages: ['en', 'ru'],
    kinds: [
      { id: 'office', name: 'office' },
      { id: 'department', name: `department${CLEAR}` },
    ],
  },
  'units/root.yaml': {
    id: 'root',
    kind: 'office',
    name: FORGED,
    functions: { f: 'lead' },
    positions: [{ title: `boss\r${CLEAR}`, count: 1 }],
  },
  'units/a.yaml': {
    id: 'a',
    kind: 'department',
    parent: 'root',
    name: `A\n${FORGED}\rB\u009b31m`,
    functions: { f: 'participant' },
  },
  'units/b.yaml': {
    id: 'b',
    kind: 'department',
    parent: 'root',
    name: '=HYPERLINK("http://evil","x")',
    short: '@SUM(1+1)',
    functions: { f: 'informed' },
  },
  'functions/f.yaml': { id: 'f', name: `@org/team **bold** <b>x</b> ${OSC_TITLE}` },
});
const before = writeStructure({
  'units/root.yaml': { id: 'root', kind: 'office', name: 'Root' },
  'units/a.yaml': { id: 'a', kind: 'department', parent: 'root', name: 'A' },
});

/** No control character but LF, and no line that a CI runner would take for a workflow command. */
function expectSafe(text: string, what: string): void {
  expect(isTerminalSafe(text), `${what}: ${JSON.stringify(text.slice(0, 400))}`).toBe(true);
  expect(text, what).not.toMatch(/^[ \t]*::/m);
}

describe('terminal output of hostile names', () => {
  const commands: string[][] = [
    ['tree', dir],
    ['show', 'a', dir],
    ['show', 'f', dir],
    ['stats', dir],
    ['render', 'matrix', dir],
    ['render', 'matrix', dir, '--format', 'md'],
    ['diff', before, dir],
    ['diff', before, dir, '--format', 'markdown'],
    ['validate', dir],
    ['validate', dir, '--format', 'github'],
    ['show', `no-such${OSC_TITLE}`, dir],
  ];
  for (const args of commands) {
    it(`org ${escapeTerminal(args.filter((a) => a !== dir && a !== before).join(' '))}`, async () => {
      const r = await runCli(args);
      expect([0, 1, 2], r.stderr).toContain(r.code);
      expectSafe(r.stderr, 'stderr');
      if (args.includes('github')) expect(isTerminalSafe(r.stdout)).toBe(true);
      else expectSafe(r.stdout, 'stdout');
      // The names are still there, shown visibly.
      if (args[0] === 'tree') expect(r.stdout).toContain(':\u200b:error file=units/a.yaml,line=1::forged');
      if (args[0] === 'stats') expect(r.stdout).toContain('Evil \\e]0;pwned\\x07 office');
    });
  }

  it('a message in the default stylish format carries the name escaped', async () => {
    const d = writeStructure({
      'units/root.yaml': { id: 'root', kind: 'office', name: 'Root' },
      'units/x.yaml': { id: 'x', kind: 'department', parent: 'root', name: 'Same' },
      'units/y.yaml': { id: 'y', kind: 'department', parent: 'root', name: 'Same' },
      'units/z.yaml': { id: 'z', kind: `nope\n${FORGED}\u001b]8;;http://evil\u001b\\`, parent: 'root', name: 'Z' },
    });
    const r = await runCli(['validate', d]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('\\e]8;;http://evil\\e\\');
    expectSafe(r.stdout, 'stylish');
  });

  it('colour codes of org itself survive, those of a name do not', async () => {
    const r = await runCli(['render', 'matrix', dir], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.stdout).toMatch(/\u001b\[1m/);
    expect(r.stdout).not.toContain('\u001b[2J');
    expect(r.stdout).not.toContain('\u001b]');
    expect(r.stdout).toContain('Evil \\e]0;pwned\\x07 office');
  });

  it('text written with -o is escaped as on the terminal', async () => {
    const out = `${writeStructure({}, false)}/tree.txt`;
    const r = await runCli(['tree', dir, '-o', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expectSafe(text, 'tree -o');
    expect(text).toBe((await runCli(['tree', dir])).stdout);
  });

  it('data formats stay byte-exact when piped, and are escaped on a terminal', async () => {
    const piped = await runCli(['export', dir, '--format', 'json']);
    expect(JSON.parse(piped.stdout).organization.name.en).toBe(`Evil ${OSC_TITLE} office`);
    const tty = await runCli(['export', dir, '--format', 'csv'], { tty: true });
    expect(isTerminalSafe(tty.stdout.replace(/\r\n/g, '\n').replace(/\r/g, ''))).toBe(true);
  });
});

describe('escapeTerminal', () => {
  it('shows every control character visibly and neutralises workflow commands at line starts', () => {
    expect(escapeTerminal('a\u001b[31mb\rc\td\u0007e\u007f\u009bf\u202eg')).toBe(
      'a\\e[31mb\\rc\\td\\x07e\\x7f\\u009bf\\u202eg',
    );
    expect(escapeTerminal('x\n  ::warning::y\n##vso[task.setvariable]z\n::')).toBe(
      'x\n  :\u200b:warning::y\n#\u200b#vso[task.setvariable]z\n:\u200b:',
    );
    expect(escapeTerminal('a::b')).toBe('a::b');
    expect(escapeTerminal('::error::x', { commands: true })).toBe('::error::x');
  });

  it('keeps only the colour codes org emits, and only when asked', () => {
    expect(escapeTerminal('\u001b[31mred\u001b[39m \u001b[2J\u001b]0;t\u0007', { keepStyles: true })).toBe(
      '\u001b[31mred\u001b[39m \\e[2J\\e]0;t\\x07',
    );
    expect(escapeTerminal('\u001b[31mred', {})).toBe('\\e[31mred');
  });
});

describe('CSV cells', () => {
  it('export --format csv neutralises formulas as the matrix CSV does', async () => {
    const r = await runCli(['export', dir, '--format', 'csv']);
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(r.stdout).toContain(`,'@SUM(1+1),`);
    const m = await runCli(['render', 'matrix', dir, '--format', 'csv']);
    expect(m.stdout).not.toMatch(/(^|,)"?[=+\-@]/m);
  });

  it('neutralises every formula start and reads back exactly', () => {
    for (const v of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', "'=x", "''+y", 'plain', "'quoted", '']) {
      const field = csvField(v);
      expect(field, v).not.toMatch(/^"?[=+\-@\t\r]/);
      expect(readCsv(field, ',').rows[0]?.cells[0] ?? '', v).toBe(v);
      expect(restoreFormulaText(neutraliseFormula(v)), v).toBe(v);
    }
  });

  it('a unit named like a formula survives export and import', async () => {
    const out = writeStructure({}, false);
    const csv = (await runCli(['export', dir, '--format', 'csv'])).stdout;
    writeFileSync(`${out}/units.csv`, csv);
    const r = await runCli(['import', 'csv', `${out}/units.csv`, `${out}/s`, '--partial']);
    expect(r.code, r.stderr).toBeLessThan(2);
    const b = parse(readFileSync(`${out}/s/units/b.yaml`, 'utf8')) as { name: Record<string, string> | string };
    expect(typeof b.name === 'string' ? b.name : b.name.en).toBe('=HYPERLINK("http://evil","x")');
  });
});

describe('Mermaid', () => {
  it('an id with a line break and a click statement cannot inject', async () => {
    const d = writeStructure({
      'units/root.yaml': { id: 'root', kind: 'office', name: 'Root' },
      'units/x.yaml': {
        id: 'x\nclick u_root "javascript:alert(1)"\n%%',
        kind: 'department',
        parent: 'root',
        name: 'X"]\nclick u_root "javascript:alert(2)"',
      },
    });
    const r = await runCli(['export', d, '--format', 'mermaid']);
    expect(r.stdout).not.toMatch(/^\s*click/m);
    expect(r.stdout).not.toContain('javascript:alert(1)"');
    for (const line of r.stdout.trimEnd().split('\n').slice(2))
      expect(line).toMatch(/^ {2}[ux]_[a-z0-9_]+(\["[^"]*"\]| --> [ux]_[a-z0-9_]+)$/);
  });
});

describe('Markdown', () => {
  it('mentions, issue links and autolinks do not fire; syntax is escaped', () => {
    const e = escapeMarkdown('@org/team #12 http://evil www.evil.com **b** <img> | x\n::error::y \u001b]0;t\u0007');
    expect(e).not.toMatch(/@[a-z]/i);
    expect(e).not.toMatch(/https?:\/\//);
    expect(e).not.toMatch(/www\./);
    expect(e).toContain('\\*\\*b\\*\\*');
    expect(e).toContain('\\<img\\>');
    expect(e).toContain('\\|');
    expect(isTerminalSafe(e)).toBe(true);
  });

  it('diff --format markdown does not ping a team named in a unit', async () => {
    const d = writeStructure({
      'units/root.yaml': { id: 'root', kind: 'office', name: 'Root' },
      'units/a.yaml': { id: 'a', kind: 'department', parent: 'root', name: 'Ask @org/team' },
    });
    const r = await runCli(['diff', before, d, '--format', 'markdown']);
    expect(r.stdout).toContain('Ask @\u200dorg/team');
    expect(r.stdout).not.toMatch(/@org\//);
  });
});

describe('formats whose escaping already held', () => {
  it('HTML, SVG and DOT carry the names as text, Turtle parses', async () => {
    const html = (await runCli(['render', 'matrix', dir, '--format', 'html'])).stdout;
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    const dot = (await runCli(['render', 'chart', dir, '--format', 'dot'])).stdout;
    expect(dot).not.toContain('<b>x</b>');
    expect(dot).not.toContain('\u001b');
    const svg = (await runCli(['render', 'matrix', dir, '--format', 'svg'])).stdout;
    expect(svg).not.toContain('<b>x</b>');
    const { Parser } = await import('n3');
    const ttl = (await runCli(['export', dir, '--format', 'ttl'])).stdout;
    const names = new Parser()
      .parse(ttl)
      .filter((q) => q.predicate.value.endsWith('prefLabel'))
      .map((q) => q.object.value);
    expect(names).toContain(FORGED);
  });
});
