/**
 * Properties of the loader on arbitrary input: it never throws, every diagnostic points inside
 * its file, the fast and the full parse agree, and a model written out as YAML loads back equal.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { stringify } from 'yaml';
import { translator } from '../../src/i18n/format.js';
import { parseFull, parseYaml } from '../../src/load/parse.js';
import { scanText } from '../../src/load/scan.js';
import { loadStructure, type RawFile } from '../../src/load/structure.js';
import { validateStructure } from '../../src/rules/run.js';
import { BASE_ORGANIZATION } from '../helpers/structure.js';

const t = translator('en');
const org: RawFile = {
  rel: 'organization.yaml',
  file: 'organization.yaml',
  bytes: Buffer.from(stringify(BASE_ORGANIZATION)),
};

// Text that looks like YAML often enough to reach deep into the parser.
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'count: 0b1010',
        'count: +0x1',
        'count: -0o7',
        'count: +.5',
        'n: 1_000',
        'n: 0x1F',
        'n: 0o17',
        'n: -0',
        'n: .inf',
        'n: -.5e1',
        'n: 1e3',
        'n: 5.',
        'n: 012',
        'n: +0o7',
        'n: .NaN',
        'n: ~',
        'n: True',
        'n: yes',
        '# R&D',
        '0x10: a',
        '-0: b',
        'null: c',
      ),
      fc.constantFrom(
        'id: a',
        'kind: department',
        'parent: root',
        'name:',
        '  ru: Отдел',
        '  - x',
        '- y',
        ': z',
        '? k',
        '&a',
        '*a',
        '!!str',
        '<<: *a',
        '{',
        '}',
        '[',
        ']',
        '"',
        "'",
        '#',
        '---',
        '...',
        '%YAML 1.1',
        '\t',
        '\r',
        '\u0000',
        '\u200B',
        '\uFEFF',
        'functions:',
        '  f: lead',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(fc.sample(fc.constantFrom('\n', ' ', '\n  ', ''), 1)[0] ?? '\n'));

describe('loader properties', () => {
  test.prop(
    [
      fc.oneof(
        yamlish,
        fc.string(),
        fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
      ),
    ],
    { numRuns: 400 },
  )('never throws, and every diagnostic points inside its file', (text) => {
    const bytes = Buffer.from(text, 'utf8');
    const raw: RawFile = { rel: 'units/a.yaml', file: 'units/a.yaml', bytes };
    const result = validateStructure(loadStructure([org, raw]), t);
    const lines = text.split('\n');
    for (const d of result.diagnostics.filter((x) => x.file === 'units/a.yaml')) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.line).toBeLessThanOrEqual(Math.max(1, lines.length));
      expect(d.column).toBeLessThanOrEqual((lines[d.line - 1]?.length ?? 0) + 2);
    }
  });

  test.prop([fc.uint8Array({ maxLength: 300 })], { numRuns: 300 })(
    'never throws on arbitrary bytes, and a file that gives no unit says why',
    (bytes) => {
      const result = validateStructure(loadStructure([org, { rel: 'units/a.yaml', file: 'units/a.yaml', bytes }]), t);
      const errors = result.diagnostics.filter((d) => d.file === 'units/a.yaml' && d.severity === 'error');
      if (result.summary.units === 0) expect(errors.length).toBeGreaterThan(0);
      else expect(result.model.units.size).toBe(1);
    },
  );

  test.prop([yamlish], { numRuns: 400 })(
    'the fast parse gives the same value as the full parse whenever it answers',
    (text) => {
      // Only text that passed the checks before parsing (no control characters, no bare CR) is parsed.
      if (scanText(text)) return;
      const fast = parseYaml(text);
      const full = parseFull(text);
      if (full.problems.length === 0) expect(fast).toEqual(full);
      else if (fast.problems.length === 0) throw new Error(`fast path accepted what the full parse rejects:\n${text}`);
    },
  );

  const id = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}$/);
  const text = fc.oneof(
    fc.string({ minLength: 1, maxLength: 20 }),
    fc.record({ ru: fc.string({ minLength: 1, maxLength: 20 }), en: fc.string({ minLength: 1, maxLength: 20 }) }),
  );
  const unit = fc.record(
    {
      id,
      kind: fc.constantFrom('office', 'department', 'division'),
      name: text,
      short: text,
      parent: id,
      description: text,
      functions: fc.dictionary(id, fc.constantFrom('lead', 'participant', 'approver', 'informed'), { maxKeys: 3 }),
      positions: fc.array(fc.record({ title: text, count: fc.nat(50) }), { maxLength: 3 }),
      replaces: fc.uniqueArray(id, { maxLength: 2 }),
      source: fc.oneof(
        fc.string({ minLength: 1, maxLength: 10 }),
        fc.record({ title: fc.string(), url: fc.webUrl() }, { requiredKeys: [] }),
      ),
    },
    { requiredKeys: ['id', 'kind', 'name'] },
  );

  test.prop([unit], { numRuns: 300 })('a unit written as YAML loads back as the same unit', (u) => {
    const file: RawFile = { rel: `units/${u.id}.yaml`, file: `units/${u.id}.yaml`, bytes: Buffer.from(stringify(u)) };
    const loaded = loadStructure([org, file]);
    expect(loaded.findings.filter((f) => f.rule === 'yaml-syntax')).toEqual([]);
    // Texts with only invisible characters or empty-string languages are schema errors by design;
    // for the rest, the loaded unit is exactly what was written.
    if (loaded.findings.length === 0) expect(loaded.units[0]?.unit).toEqual(u);
  });
});
