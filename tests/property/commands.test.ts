/**
 * Random damage to the Bishkek structure — deleted keys, values of the wrong type, cycles, unknown
 * references, truncated and emptied files — must never crash a command: each ends with exit code
 * 0, 1 or 2 and never with an internal error.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { yamlFiles } from '../helpers/structure.js';
import { ROOT, runCli } from '../helpers/cli.js';

const FILES = yamlFiles(join(ROOT, 'structure')).map((f) => relative(join(ROOT, 'structure'), f));

type Mutation =
  | { op: 'delete-key' | 'wrong-type' | 'unknown-ref'; file: number; key: number; value: unknown }
  | { op: 'cycle'; file: number; other: number }
  | { op: 'truncate'; file: number; at: number }
  | { op: 'empty'; file: number };

const wrongValue = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
  fc.string({ maxLength: 5 }),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constantFrom('delete-key', 'wrong-type', 'unknown-ref'),
    file: fc.nat(),
    key: fc.nat(),
    value: wrongValue,
  }),
  fc.record({ op: fc.constant('cycle'), file: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('truncate'), file: fc.nat(), at: fc.nat() }),
  fc.record({ op: fc.constant('empty'), file: fc.nat() }),
) as fc.Arbitrary<Mutation>;

function apply(dir: string, m: Mutation): void {
  const file = join(dir, FILES[m.file % FILES.length]!);
  const text = readFileSync(file, 'utf8');
  if (m.op === 'truncate') return writeFileSync(file, text.slice(0, m.at % (text.length + 1)));
  if (m.op === 'empty') return writeFileSync(file, '');
  let value: Record<string, unknown>;
  try {
    value = parse(text) as Record<string, unknown>;
  } catch {
    return; // an earlier mutation left text that does not parse: damaged enough
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const keys = Object.keys(value);
  if (keys.length === 0) return;
  const key = keys[(m.op === 'cycle' ? 0 : m.key) % keys.length]!;
  if (m.op === 'delete-key') delete value[key];
  else if (m.op === 'wrong-type') value[key] = m.value;
  else if (m.op === 'unknown-ref') {
    if (file.includes('/units/')) {
      value.parent = 'no-such-unit';
      value.kind = 'no-such-kind';
      value.functions = { 'no-such-function': 'no-such-role' };
    } else value[key] = 'unknown';
  } else if (m.op === 'cycle') {
    const units = FILES.filter((f) => f.startsWith('units/'));
    let other: unknown;
    try {
      other = parse(readFileSync(join(dir, units[m.other % units.length]!), 'utf8'));
    } catch {
      return;
    }
    // The other unit may already be emptied or broken by an earlier mutation.
    if (other === null || typeof other !== 'object' || typeof (other as { id?: unknown }).id !== 'string') return;
    value.parent = (other as { id: string }).id;
  }
  writeFileSync(file, stringify(value));
}

const COMMANDS = (dir: string, other: string): string[][] => [
  ['validate', dir, '--format', 'json'],
  ['validate', dir, '--format', 'sarif'],
  ['tree', dir],
  ['tree', dir, '--format', 'json'],
  ['show', 'upravlenie-podgotovki-resheniy', dir],
  ['show', 'kontrol-ispolnitelskoy-distsipliny', dir, '--format', 'json'],
  ['stats', dir, '--format', 'json'],
  ['render', 'matrix', dir, '--format', 'csv'],
  ['render', 'matrix', dir, '--format', 'md'],
  ['render', 'matrix', dir, '--format', 'html'],
  ['render', 'chart', dir, '--format', 'dot'],
  ['diff', other, dir, '--format', 'json'],
  ['diff', dir, other, '--format', 'markdown'],
  ['export', dir, '--format', 'json'],
  ['export', dir, '--format', 'ttl'],
  ['export', dir, '--format', 'csv'],
  ['export', dir, '--format', 'mermaid'],
];

describe('commands on a damaged structure', () => {
  it('every command of the list runs on the intact structure (so the property below tests something)', async () => {
    for (const args of COMMANDS(join(ROOT, 'structure'), join(ROOT, 'structure'))) {
      const r = await runCli(args);
      expect([0, 1], `${args.join(' ')}: ${r.stderr}`).toContain(r.code);
      expect(r.stdout.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  test.prop([fc.array(mutation, { minLength: 1, maxLength: 4 })], { numRuns: 15 })('never crash', async (mutations) => {
    const dir = mkdtempSync(join(tmpdir(), 'org-mutant-'));
    try {
      cpSync(join(ROOT, 'structure'), dir, { recursive: true });
      for (const m of mutations) apply(dir, m);
      for (const args of COMMANDS(dir, join(ROOT, 'structure'))) {
        const r = await runCli(args);
        expect([0, 1, 2], `${args.join(' ')}: ${r.stderr}`).toContain(r.code);
        expect(r.stderr, args.join(' ')).not.toMatch(/Internal error|\n\s+at /);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
