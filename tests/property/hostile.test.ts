/**
 * Every command on random hostile structures: names full of control characters, escape
 * sequences, CI workflow commands, spreadsheet formulas and Markdown; trees that are deep, wide
 * or cyclic. No command may crash (exit 0, 1 or 2, never an internal error) or hang, and nothing a
 * command writes as text for people may carry a control character or start a workflow command.
 */
import { rmSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isTerminalSafe } from '../../src/render/terminal.js';
import { runCli } from '../helpers/cli.js';
import { writeStructure, type Files } from '../helpers/structure.js';

const HOSTILE = [
  '\u001b]0;title\u0007',
  '\u001b[2J',
  '\r',
  '\n::error file=a,line=1::x\n',
  '::warning::y',
  '=HYPERLINK("http://e")',
  '+1',
  '-2',
  '@SUM(1)',
  '\t',
  '@org/team',
  '**b**',
  '<b>',
  '| x |',
  '`c`',
  '[l](javascript:x)',
  '\u009b31m',
  '\u202e',
  '\u0000',
  '\u007f',
  '#1',
  'Отдел',
  ' ',
];
const name = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(''));

const structure = fc.record({
  shape: fc.constantFrom('deep', 'wide', 'cyclic', 'random'),
  size: fc.integer({ min: 1, max: 25 }),
  names: fc.array(name, { minLength: 25, maxLength: 25 }),
  parents: fc.array(fc.nat(), { minLength: 25, maxLength: 25 }),
  orgName: name,
  functionName: name,
});

type Hostile = typeof structure extends fc.Arbitrary<infer T> ? T : never;

function files(s: Hostile): Files {
  const out: Files = {};
  for (let i = 0; i < s.size; i++) {
    const parent =
      s.shape === 'deep'
        ? i - 1
        : s.shape === 'wide'
          ? i === 0
            ? -1
            : 0
          : s.shape === 'cyclic'
            ? (i + 1) % s.size
            : i === 0
              ? -1
              : s.parents[i]! % i;
    out[`units/u${i}.yaml`] = {
      id: `u${i}`,
      kind: i === 0 ? 'office' : 'department',
      name: s.names[i]!,
      ...(parent >= 0 ? { parent: `u${parent}` } : {}),
      functions: { f: i === 0 ? 'lead' : 'participant' },
      ...(i % 3 === 0 ? { positions: [{ title: s.names[(i + 1) % 25]!, count: i }] } : {}),
    };
  }
  out['functions/f.yaml'] = { id: 'f', name: s.functionName };
  out['organization.yaml'] = {
    id: 'o',
    name: s.orgName,
    languages: ['en', 'ru'],
    kinds: [
      { id: 'office', name: s.names[24]! },
      { id: 'department', name: 'department' },
    ],
  };
  return out;
}

/** [arguments, is the output text for people] */
const COMMANDS = (dir: string, other: string): Array<[string[], boolean]> => [
  [['validate', dir], true],
  [['validate', dir, '--format', 'github'], false],
  [['validate', dir, '--format', 'json'], false],
  [['tree', dir], true],
  [['tree', dir, '--format', 'json'], false],
  [['show', 'u0', dir], true],
  [['show', 'f', dir], true],
  [['stats', dir], true],
  [['render', 'matrix', dir], true],
  [['render', 'matrix', dir, '--format', 'md'], true],
  [['render', 'matrix', dir, '--format', 'csv'], false],
  [['render', 'chart', dir, '--format', 'dot'], false],
  [['diff', other, dir], true],
  [['diff', dir, other, '--format', 'markdown'], true],
  [['export', dir, '--format', 'csv'], false],
  [['export', dir, '--format', 'mermaid'], false],
  [['export', dir, '--format', 'ttl'], false],
];

describe('every command on hostile structures', () => {
  test.prop([structure, structure], { numRuns: 5 })(
    'no crash, no hang, no raw control character in text output',
    async (a, b) => {
      const dir = writeStructure(files(a), false);
      const other = writeStructure(files(b), false);
      try {
        for (const [args, text] of COMMANDS(dir, other)) {
          const r = await runCli(args);
          const what = args.filter((x) => x !== dir && x !== other).join(' ');
          expect([0, 1, 2], `${what}: ${r.stderr}`).toContain(r.code);
          expect(r.stderr, what).not.toMatch(/Internal error|\n\s+at /);
          expect(isTerminalSafe(r.stderr), `${what} stderr`).toBe(true);
          expect(r.stderr, what).not.toMatch(/^\s*::/m);
          // The structure is read and shown, so the checks below look at real output.
          if (args[0] === 'validate' || args[0] === 'tree') expect(r.code, `${what}: ${r.stderr}`).toBeLessThan(2);
          if (args[0] === 'tree' || args[0] === 'stats') expect(r.stdout.length, what).toBeGreaterThan(0);
          if (text) {
            expect(isTerminalSafe(r.stdout), `${what}: ${JSON.stringify(r.stdout.slice(0, 300))}`).toBe(true);
            expect(r.stdout, what).not.toMatch(/^\s*::/m);
          }
          if (args.includes('github')) {
            // Lines are workflow commands by design; their data may hold no control character and no line break.
            for (const line of r.stdout.split('\n').filter(Boolean))
              expect(line, what).toMatch(/^::(error|warning|notice) [^\n]*$/);
            expect(isTerminalSafe(r.stdout)).toBe(true);
          }
          if (args.includes('mermaid'))
            for (const line of r.stdout.trimEnd().split('\n').slice(2))
              expect(line).toMatch(/^ {2}[ux]_[a-z0-9_]+(\["[^"\n]*"\]| --> [ux]_[a-z0-9_]+)$/);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(other, { recursive: true, force: true });
      }
    },
  );
});
