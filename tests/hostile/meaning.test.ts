/**
 * One structure, one meaning, in every output: a scalar means the same whichever YAML parser
 * reads the file; a kind declared twice is an error and is counted once; a unit with no positions
 * has an unknown headcount everywhere, not 0 in some outputs; and no message shows a placeholder.
 */
import { describe, expect, it } from 'vitest';
import { Parser } from 'n3';
import { parseFull, parseYaml } from '../../src/load/parse.js';
import { fill, MessageError, translator } from '../../src/i18n/format.js';
import { validateStructure } from '../../src/rules/run.js';
import { runCli } from '../helpers/cli.js';
import { BASE_ORGANIZATION, load, writeStructure } from '../helpers/structure.js';

const t = translator('en');

describe('one YAML meaning', () => {
  const scalars = [
    '0b1010',
    '+0x1',
    '-0o7',
    '+.5',
    '+0o7',
    '-.5e1',
    '1_000',
    '0x1F',
    '0o17',
    '-0',
    '012',
    '5.',
    '.inf',
    '-.Inf',
    '.NaN',
    '~',
    'True',
    'yes',
  ];
  for (const s of scalars) {
    it(`${s} is the same with and without a comment that sends the file down the full path`, () => {
      const plain = parseYaml(`count: ${s}\n`).value?.count;
      const full = parseYaml(`# R&D\ncount: ${s}\n`).value?.count;
      expect(Object.is(plain, full), `${String(plain)} vs ${String(full)}`).toBe(true);
      expect(Object.is(plain, parseFull(`count: ${s}\n`).value?.count)).toBe(true);
    });
  }

  it('a position count of 0b1010 is a schema error either way, never 10', () => {
    for (const comment of ['', '# R&D\n']) {
      const unit = `${comment}id: a\nkind: office\nname: A\npositions:\n  - { title: T, count: 0b1010 }\n`;
      const result = validateStructure(load({ 'units/a.yaml': unit }), t);
      expect(result.diagnostics.filter((d) => d.rule === 'schema').map((d) => [d.line, d.message])).toEqual([
        [comment ? 6 : 5, 'Must be of type integer.'],
      ]);
    }
  });

  it('a null key is refused by both paths alike', () => {
    expect(parseYaml('id: a\nnull: x\n').problems.map((p) => p.code)).toEqual(['complex-key']);
    expect(parseYaml('id: a\n~: x\n').problems.map((p) => p.code)).toEqual(['complex-key']);
  });

  it('a document marker right after a byte-order mark means the same on both paths', () => {
    // Found by the loader property test: js-yaml read "\uFEFF----0: b" as a marker and a key "0".
    for (const text of ['\uFEFF----0: b\n', '\uFEFF---\nid: a\n']) expect(parseYaml(text)).toEqual(parseFull(text));
  });
});

describe('kinds declared twice', () => {
  const organization = {
    ...BASE_ORGANIZATION,
    kinds: [...BASE_ORGANIZATION.kinds, { id: 'department', name: 'again' }],
  };
  const files = {
    'organization.yaml': organization,
    'units/root.yaml': { id: 'root', kind: 'office', name: 'Root' },
    'units/a.yaml': { id: 'a', kind: 'department', parent: 'root', name: 'A' },
  };

  it('are a duplicate-id error at the second declaration', () => {
    const d = validateStructure(load(files), t).diagnostics.filter((x) => x.rule === 'duplicate-id');
    expect(d.map((x) => [x.file, x.line, x.message])).toEqual([
      ['organization.yaml', 15, 'Kind "department" is already declared as kind 2 of organization.yaml.'],
    ]);
  });

  it('are counted once by stats', async () => {
    const r = await runCli(['stats', writeStructure(files), '--format', 'json']);
    const byKind = JSON.parse(r.stdout).units.byKind as Array<{ kind: string; count: number }>;
    expect(byKind.filter((k) => k.kind === 'department')).toEqual([
      { kind: 'department', name: 'department', count: 1 },
    ]);
    expect(byKind.reduce((sum, k) => sum + k.count, 0)).toBe(2);
  });

  it('roles and function types too', () => {
    const org = {
      ...BASE_ORGANIZATION,
      roles: [
        { id: 'lead', name: 'lead' },
        { id: 'lead', name: 'lead' },
      ],
      functionTypes: [
        { id: 'policy', name: 'p' },
        { id: 'policy', name: 'p' },
      ],
    };
    const d = validateStructure(load({ 'organization.yaml': org }), t).diagnostics.filter(
      (x) => x.rule === 'duplicate-id',
    );
    expect(d.map((x) => x.message)).toEqual([
      'Role "lead" is already declared as role 1 of organization.yaml.',
      'Function type "policy" is already declared as type 1 of organization.yaml.',
    ]);
  });
});

describe('unknown headcount stays unknown', () => {
  const dir = writeStructure({
    'units/root.yaml': { id: 'root', kind: 'office', name: 'Root', positions: [{ title: 'Head', count: 2 }] },
    'units/a.yaml': { id: 'a', kind: 'department', parent: 'root', name: 'A' },
  });
  const before = writeStructure({
    'units/root.yaml': { id: 'root', kind: 'office', name: 'Root', positions: [{ title: 'Head', count: 2 }] },
  });

  it('tree shows a dash', async () => {
    const r = await runCli(['tree', dir]);
    expect(r.stdout).toMatch(/└── A\s+department\s+—\s+0/);
  });

  it('CSV has an empty cell', async () => {
    const r = await runCli(['export', dir, '--format', 'csv']);
    const lines = r.stdout.replace(/^\uFEFF/, '').split('\r\n');
    const header = lines[0]!.split(',');
    const headcount = header.indexOf('headcount');
    expect(headcount).toBeGreaterThan(0);
    // The root lists its positions; the unit below it lists none: every cell after its name is empty.
    expect(lines[1]!.split(',')[headcount]).toBe('2');
    expect(lines[2]).toBe(`a,root,department,A${','.repeat(header.length - 4)}`);
  });

  it('JSON has null', async () => {
    const doc = JSON.parse((await runCli(['export', dir, '--format', 'json'])).stdout);
    const a = doc.units.find((u: { id: string }) => u.id === 'a');
    expect([a.headcount, a.subtreeHeadcount]).toEqual([null, null]);
    expect(doc.units.find((u: { id: string }) => u.id === 'root').subtreeHeadcount).toBe(2);
    expect(doc.headcount).toBe(2);
    const none = JSON.parse(
      (
        await runCli([
          'export',
          writeStructure({ 'units/r.yaml': { id: 'r', kind: 'office', name: 'R' } }),
          '--format',
          'json',
        ])
      ).stdout,
    );
    expect(none.headcount).toBeNull();
  });

  it('Turtle has no triple', async () => {
    const r = await runCli(['export', dir, '--format', 'ttl']);
    const quads = new Parser().parse(r.stdout);
    const counts = quads.filter((q) => q.predicate.value.endsWith('headcount'));
    expect(counts.map((q) => [q.subject.value.replace(/.*\//, ''), q.object.value])).toEqual([['root', '2']]);
  });

  it('the diff says null, not 0, for an added unit without positions', async () => {
    const doc = JSON.parse((await runCli(['diff', before, dir, '--format', 'json'])).stdout);
    const added = doc.changes.find((c: { type: string }) => c.type === 'unit-added');
    expect(added.headcount).toBeNull();
    const md = (await runCli(['diff', before, dir, '--format', 'markdown'])).stdout;
    expect(md).toMatch(/\| A `a` \| department \| Root `root` \| {2}\|/);
  });
});

describe('messages', () => {
  it('a function id that is not an id names the rule it breaks, with no placeholder left', () => {
    const d = validateStructure(
      load({ 'units/root.yaml': 'id: root\nkind: office\nname: Root\nfunctions:\n  Bad_Id: lead\n' }),
      t,
    ).diagnostics.filter((x) => x.rule === 'schema');
    expect(d.map((x) => x.message)).toEqual([
      '"Bad_Id" is not a valid id: use lower-case ASCII letters, digits and single hyphens (kebab-case).',
    ]);
    for (const x of d) expect(x.message).not.toMatch(/\{\{/);
  });

  it('a malformed language tag is named as such, in organization.yaml and in a text', () => {
    const org = { ...BASE_ORGANIZATION, languages: ['en-a1', 'ru'] };
    const d = validateStructure(
      load({
        'organization.yaml': org,
        'units/root.yaml': { id: 'root', kind: 'office', name: { 'ru-x1': 'Корень' } },
      }),
      t,
    ).diagnostics.filter((x) => x.rule === 'schema');
    expect(d.map((x) => x.message)).toEqual([
      '"en-a1" is not a language code (such as ru, ky, en).',
      '"ru-x1" is not a language code (such as ru, ky, en).',
    ]);
  });

  it('well-formed BCP 47 tags pass', () => {
    const org = { ...BASE_ORGANIZATION, languages: ['en', 'sr-Latn', 'sr-Latn-RS', 'es-419', 'de-CH-1996', 'ky'] };
    expect(
      validateStructure(
        load({ 'organization.yaml': org, 'units/root.yaml': { id: 'root', kind: 'office', name: 'Root' } }),
        t,
      ).diagnostics.filter((x) => x.rule === 'schema'),
    ).toEqual([]);
  });

  it('under test, the translator fails loudly on a missing key or an unfilled placeholder', () => {
    expect(() => t('no-such-message-key')).toThrow(MessageError);
    expect(() => fill('a {{b}} c', {})).toThrow(MessageError);
    expect(fill('a {{b}} c', { b: 1 })).toBe('a 1 c');
  });

  it('render matrix runs on a structure whose language tag Intl does not know', async () => {
    const dir = writeStructure({
      'organization.yaml': { ...BASE_ORGANIZATION, languages: ['en-a1', 'ru'] },
      'units/root.yaml': { id: 'root', kind: 'office', name: 'Root', functions: { f: 'lead' } },
      'functions/f.yaml': { id: 'f', name: 'F' },
    });
    const r = await runCli(['render', 'matrix', dir]);
    expect(r.stderr).not.toMatch(/Internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Root');
  });
});
