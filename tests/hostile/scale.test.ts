/**
 * Structures far past any real one must neither crash nor hang: a chain thousands of levels deep
 * (every tree walk is iterative), a file with tens of thousands of findings (each file is indexed
 * once, not rescanned per finding), a valid chain of 10,000 units exported as JSON (the export is
 * linear in size). Speed itself is measured by `npm run bench`; here a hang shows as the test's
 * timeout, and sizes are checked directly.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/format.js';
import { renderJson } from '../../src/export/json.js';
import { renderTurtle } from '../../src/export/rdf.js';
import { loadStructure } from '../../src/load/structure.js';
import { validateStructure } from '../../src/rules/run.js';
import { buildTree, renderTreeJson, renderTreeText } from '../../src/render/reports/tree.js';
import { jsonText } from '../../src/render/json-text.js';
import { fc, test } from '@fast-check/vitest';
import { diffStructures } from '../../src/diff/diff.js';
import { runCli } from '../helpers/cli.js';
import { BASE_ORGANIZATION, rawFiles, type Files } from '../helpers/structure.js';

const t = translator('en');
const ORG = {
  ...BASE_ORGANIZATION,
  kinds: [{ id: 'k', name: 'k' }],
  rules: { 'max-depth': 'off', 'kind-rank': 'off', 'unit-has-functions': 'off', 'span-of-control': 'off' },
};

function chain(n: number, positions = true): Files {
  const files: Files = { 'organization.yaml': ORG };
  for (let i = 0; i < n; i++)
    files[`units/u${i}.yaml`] =
      `id: u${i}\nkind: k\nname: Unit ${i}\n${i > 0 ? `parent: u${i - 1}\n` : ''}${positions ? 'positions:\n  - { title: T, count: 1 }\n' : ''}`;
  return files;
}

function writeFiles(files: Files): string {
  const dir = mkdtempSync(join(tmpdir(), 'org-scale-'));
  mkdirSync(join(dir, 'units'));
  for (const [rel, content] of Object.entries(files))
    writeFileSync(join(dir, rel), typeof content === 'string' ? content : stringify(content));
  return dir;
}

describe('a chain thousands of levels deep', () => {
  const deep = writeFiles(chain(3000));

  it('org tree prints it, with lines of bounded width', async () => {
    const r = await runCli(['tree', deep]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^\s+└── 3000: Unit 2999\s+k\s+1\s+0$/));
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(400);
    expect(r.stdout).toContain('3000 units, headcount 3000');
  });

  it('org show, stats, tree --format json and render matrix do not exhaust the stack', async () => {
    for (const args of [
      ['show', 'u2999', deep],
      ['stats', deep],
      ['tree', deep, '--format', 'json'],
      ['render', 'matrix', deep, '--format', 'csv'],
    ]) {
      const r = await runCli(args);
      expect(r.stderr, args.join(' ')).not.toMatch(/Internal error|Maximum call stack/);
      expect(r.code, args.join(' ')).toBe(0);
    }
  });

  it('org render chart and render diff draw it', async () => {
    for (const args of [
      ['render', 'chart', deep, '--format', 'svg'],
      ['render', 'diff', deep, deep, '--format', 'svg'],
    ]) {
      const r = await runCli(args);
      expect(r.stderr, args.join(' ')).not.toMatch(/Internal error|Maximum call stack/);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Unit 2999');
    }
  });

  it('in memory: tree, diff and JSON work at 5,000 levels', () => {
    const loaded = loadStructure(rawFiles(chain(5_000)));
    const { model } = validateStructure(loaded, t);
    const nodes = buildTree(model, { lang: 'en' });
    expect(renderTreeText(nodes, { t }).split('\n')).toHaveLength(5_004);
    expect(diffStructures(model, model).changes).toEqual([]);
    const json = renderJson(model);
    // Linear in size: a few hundred bytes a unit, where a list of ancestors per unit made 5,000 units 209 MB.
    expect(json.length / 5_000).toBeLessThan(600);
    const doc = JSON.parse(json);
    expect(doc.units[4999]).toMatchObject({
      id: 'u4999',
      parent: 'u4998',
      depth: 4999,
      headcount: 1,
      subtreeHeadcount: 1,
    });
    expect(doc.units[0].subtreeHeadcount).toBe(5_000);
    expect(renderTurtle(model).length / 5_000).toBeLessThan(800);
    const treeJson = renderTreeJson(nodes);
    expect(JSON.parse(treeJson)[0].children[0].children[0].id).toBe('u2');
    expect(treeJson.length / 5_000).toBeLessThan(2_000);
  });
});

describe('a file with tens of thousands of findings', () => {
  const unit = (body: string): Files => ({
    'organization.yaml': ORG,
    'units/root.yaml': `id: root\nkind: k\nname: Root\n${body}`,
  });
  const cases: Array<[string, string, number, number]> = [
    // [what, body, findings, line of the last one]
    ['unknown keys', Array.from({ length: 20_000 }, (_, i) => `unknown${i}: x\n`).join(''), 20_000, 20_003],
    [
      'unknown function ids',
      `functions:\n${Array.from({ length: 5_000 }, (_, i) => `  nofn${i}: lead\n`).join('')}`,
      5_000,
      5_004,
    ],
    [
      'bad position counts',
      `positions:\n${Array.from({ length: 8_000 }, (_, i) => `  - title: T${i}\n    count: bad\n`).join('')}`,
      8_000,
      16_004,
    ],
    [
      'titles of the wrong type',
      `positions:\n${Array.from({ length: 8_000 }, () => '  - title: 5\n    count: 1\n').join('')}`,
      8_000,
      16_003,
    ],
  ];
  for (const [what, body, count, lastLine] of cases) {
    it(`${what}: every finding located, each at its own line`, () => {
      const result = validateStructure(loadStructure(rawFiles(unit(body))), t);
      const found = result.diagnostics.filter((d) => d.file === 'units/root.yaml' && d.severity === 'error');
      expect(found).toHaveLength(count);
      expect(new Set(found.map((d) => d.line)).size).toBe(count);
      expect(Math.max(...found.map((d) => d.line))).toBe(lastLine);
    });
  }

  it('the exact locator (a file the quick one cannot read) finds each key of a large flow mapping', () => {
    const body = `{id: root, kind: k, name: Root, ${Array.from({ length: 5_000 }, (_, i) => `u${i}: x`).join(', ')}}\n`;
    const result = validateStructure(loadStructure(rawFiles({ 'organization.yaml': ORG, 'units/root.yaml': body })), t);
    const found = result.diagnostics.filter((d) => d.rule === 'schema');
    expect(found).toHaveLength(5_000);
    expect(found.at(-1)!.column).toBe(body.lastIndexOf('u4999') + 1);
  });
});

describe('JSON without recursion', () => {
  test.prop([fc.jsonValue({ maxDepth: 6 })], { numRuns: 200 })('gives the text JSON.stringify gives', (value) => {
    expect(jsonText(value)).toBe(JSON.stringify(value, null, 2));
  });
});
