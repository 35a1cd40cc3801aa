/**
 * `org fmt`: a messy structure becomes the golden canonical form with every comment and value
 * kept; a second run changes nothing; `--check` lists what would change and writes nothing; a
 * file that does not parse is reported and left byte for byte as it was.
 * Regenerate the golden files with `UPDATE_GOLDEN=1 npx vitest run tests/fmt` and read them.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatStructureFile } from '../../src/fmt/format.js';
import { parseYaml } from '../../src/load/parse.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

const CASE = join(ROOT, 'tests', 'fixtures', 'fmt', 'messy');

function copyCase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'org-fmt-'));
  cpSync(join(CASE, 'input'), join(dir, 'structure'), { recursive: true });
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();
}

const comments = (text: string): string[] =>
  text
    .split('\n')
    .filter((l) => /(^|\s)#\s/.test(l) && !l.includes('yaml-language-server'))
    .map((l) => l.slice(l.search(/(^|\s)#\s/)).trim())
    .sort();

describe('org fmt', () => {
  it('turns the messy structure into the golden files, keeping every value and comment', async () => {
    const cwd = copyCase();
    const r = await runCli(['fmt'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Formatted 4 of 4 files.\n');
    expect(r.code).toBe(0);
    for (const rel of filesUnder(join(CASE, 'input'))) {
      const before = readFileSync(join(CASE, 'input', rel), 'utf8');
      const after = readFileSync(join(cwd, 'structure', rel), 'utf8');
      expectGolden(join(CASE, 'expected', rel), after);
      expect(parseYaml(after).value, rel).toEqual(parseYaml(before).value);
      // The block texts' own comment-like lines aside, every comment survives.
      expect(comments(after).filter((c) => !c.startsWith('# не'))).toEqual(
        comments(before).filter((c) => !c.startsWith('# не')),
      );
    }
  });

  it('is idempotent: a second run changes nothing and --check passes', async () => {
    const cwd = copyCase();
    await runCli(['fmt'], { cwd });
    const first = filesUnder(join(cwd, 'structure')).map((f) => readFileSync(join(cwd, 'structure', f), 'utf8'));
    const again = await runCli(['fmt'], { cwd });
    expect(again.stdout).toBe('All 4 files are already formatted.\n');
    expect(filesUnder(join(cwd, 'structure')).map((f) => readFileSync(join(cwd, 'structure', f), 'utf8'))).toEqual(
      first,
    );
    const check = await runCli(['fmt', '--check'], { cwd });
    expect({ code: check.code, stdout: check.stdout, stderr: check.stderr }).toEqual({
      code: 0,
      stdout: '',
      stderr: 'All 4 files are formatted.\n',
    });
  });

  it('--check lists the files that would change, exits 1 and writes nothing', async () => {
    const cwd = copyCase();
    const before = filesUnder(join(cwd, 'structure')).map((f) => [
      f,
      statSync(join(cwd, 'structure', f)).mtimeMs,
      readFileSync(join(cwd, 'structure', f), 'utf8'),
    ]);
    const r = await runCli(['fmt', '--check'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'structure/organization.yaml',
        'structure/units/dept/records-dept.yaml',
        'structure/units/office.yaml',
        'structure/functions/records.yaml',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('4 files would be reformatted; run `org fmt structure`.\n');
    const after = filesUnder(join(cwd, 'structure')).map((f) => [
      f,
      statSync(join(cwd, 'structure', f)).mtimeMs,
      readFileSync(join(cwd, 'structure', f), 'utf8'),
    ]);
    expect(after).toEqual(before);
  });

  it('reports a file that does not parse, leaves it untouched and formats the others', async () => {
    const cwd = copyCase();
    const broken = 'id: broken\nkind: dept\nname: [unclosed\n';
    writeFileSync(join(cwd, 'structure', 'units', 'broken.yaml'), broken);
    const r = await runCli(['fmt'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^structure\/units\/broken\.yaml:\d+: not formatted, the file does not parse: YAML syntax error: /,
    );
    expect(readFileSync(join(cwd, 'structure', 'units', 'broken.yaml'), 'utf8')).toBe(broken);
    expect(readFileSync(join(cwd, 'structure', 'units', 'office.yaml'), 'utf8')).toBe(
      readFileSync(join(CASE, 'expected', 'units', 'office.yaml'), 'utf8'),
    );
    const check = await runCli(['--lang', 'ru', 'fmt', '--check'], { cwd });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(
      'structure/units/broken.yaml:4: файл не отформатирован, он не разбирается: Синтаксическая ошибка YAML',
    );
  });

  it('leaves alone a file with anchors, which the loader refuses, instead of expanding them', async () => {
    const cwd = copyCase();
    const text = 'id: a\nkind: &k dept\nname: *k\n';
    writeFileSync(join(cwd, 'structure', 'units', 'a.yaml'), text);
    const r = await runCli(['fmt'], { cwd });
    expect(r.stderr).toContain('structure/units/a.yaml:2: not formatted');
    expect(readFileSync(join(cwd, 'structure', 'units', 'a.yaml'), 'utf8')).toBe(text);
  });

  it('does not rewrite a file that is already formatted (its modification time stays)', async () => {
    const cwd = copyCase();
    await runCli(['fmt'], { cwd });
    const file = join(cwd, 'structure', 'units', 'office.yaml');
    const mtime = statSync(file).mtimeMs;
    writeFileSync(
      join(cwd, 'structure', 'functions', 'records.yaml'),
      readFileSync(join(CASE, 'input', 'functions', 'records.yaml')),
    );
    const r = await runCli(['fmt'], { cwd });
    expect(r.stdout).toBe('Formatted 1 of 4 files.\n');
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('leaves a freshly initialised structure as it is', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'org-fmt-init-'));
    for (const lang of ['ru', 'en']) {
      await runCli(['--lang', lang, 'init', lang], { cwd });
      const r = await runCli(['fmt', '--check', lang], { cwd });
      expect(r.stdout, lang).toBe('');
      expect(r.code, lang).toBe(0);
    }
  });
});

describe('formatStructureFile', () => {
  const format = (text: string, rel = 'units/a.yaml') =>
    formatStructureFile(text, { kind: 'unit', rel, schemaBase: '../schemas' });

  it('moves the modeline first and points it at the schema from the file’s depth', () => {
    const r = format(
      'id: a\n# yaml-language-server: $schema=../../wrong/unit.schema.json\nkind: x\nname: A\n',
      'units/deep/a.yaml',
    );
    expect(r).toEqual({
      ok: true,
      changed: true,
      text: '# yaml-language-server: $schema=../../../schemas/unit.schema.json\nid: a\nkind: x\nname: A\n',
    });
  });

  it('quotes only what YAML would otherwise read as something else, in double quotes', () => {
    const r = format("id: 'a'\nkind: \"x\"\nname: {en: 'true', ru: '012', ky: 'a: b', fr: \"it's\"}\n");
    expect(r.ok && r.text).toBe(
      '# yaml-language-server: $schema=../../schemas/unit.schema.json\nid: a\nkind: x\nname:\n  en: "true"\n  ru: "012"\n  ky: "a: b"\n  fr: it\'s\n',
    );
  });

  it('puts dates and the legal act where the schema lists them, and keeps dates quoted', () => {
    const r = format(
      "source: x\nbasis: {url: 'https://example.org/1', title: T, date: '2024-02-20', number: 12-р, kind: order}\nuntil: 2026-01-01\nfrom: '2024-03-01'\nreplaces: [b]\nname: A\nkind: x\nid: a\n",
    );
    expect(r.ok && r.text).toBe(
      '# yaml-language-server: $schema=../../schemas/unit.schema.json\nid: a\nkind: x\nname: A\nreplaces: [b]\nfrom: "2024-03-01"\nuntil: "2026-01-01"\nbasis:\n  kind: order\n  number: 12-р\n  date: "2024-02-20"\n  title: T\n  url: https://example.org/1\nsource: x\n',
    );
  });

  it('keeps a long line long rather than folding it', () => {
    const long = `id: a\nkind: x\nname: ${'слово '.repeat(40).trim()}\n`;
    const r = format(long);
    expect(r.ok && r.text.split('\n')[3]).toBe(`name: ${'слово '.repeat(40).trim()}`);
  });

  it('keeps a byte-order mark or CRLF only as a change to make', () => {
    const r = format(
      '\uFEFF# yaml-language-server: $schema=../../schemas/unit.schema.json\r\nid: a\r\nkind: x\r\nname: A\r\n',
    );
    expect(r).toEqual({
      ok: true,
      changed: true,
      text: '# yaml-language-server: $schema=../../schemas/unit.schema.json\nid: a\nkind: x\nname: A\n',
    });
  });
});
