/**
 * Ctrl-C and SIGTERM: whatever the moment, the run ends within a second — even in the middle of a
 * long synchronous computation — by that signal (the shell shows 130 or 143), the target of `-o`
 * is either not there or complete, no temporary file is left, and every file `org fmt` was
 * rewriting is either as it was or fully formatted.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error the benchmark's generator is plain JavaScript
import { buildStructure, writeStructure } from '../../bench/generate.mjs';
import { BIN, runCli } from '../helpers/cli.js';
import { writeStructure as writeTestStructure, yamlFiles } from '../helpers/structure.js';

let structure: string;

beforeAll(() => {
  structure = join(mkdtempSync(join(tmpdir(), 'org-interrupt-')), 's');
  writeStructure(structure, buildStructure(1500, 7));
});

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from the signal to the end of the process (0 when it ended before the signal). */
  afterSignal: number;
}

/** Runs org, sends `signal` after `afterMs`; a process still alive 5 s later is killed and fails the test. */
function runAndSignal(args: string[], afterMs: number, signal: NodeJS.Signals = 'SIGINT'): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    let sentAt: number | undefined;
    const timer = setTimeout(() => {
      sentAt = Date.now();
      child.kill(signal);
    }, afterMs);
    const killer = setTimeout(() => child.kill('SIGKILL'), afterMs + 5000);
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      clearTimeout(killer);
      resolve({ code, signal: sig, afterSignal: sentAt === undefined ? 0 : Date.now() - sentAt });
    });
  });
}

/** Ended by the signal itself (what the shell reports as 128 + its number), or finished before it. */
function expectStoppedBy(ended: Ended, signal: NodeJS.Signals): void {
  if (ended.afterSignal === 0) return;
  expect(ended.signal ?? ended.code).toBe(ended.signal === null ? (signal === 'SIGINT' ? 130 : 143) : signal);
  expect(ended.afterSignal).toBeLessThan(1000);
}

const temporaries = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.org-[0-9a-f]+\.tmp$|\.tmp$/.test(f));

describe('an interrupted run', () => {
  for (const afterMs of [150, 400, 800, 1500, 3000]) {
    it(`leaves no temporary file when interrupted after ${afterMs} ms`, async () => {
      const out = mkdtempSync(join(tmpdir(), 'org-out-'));
      const target = join(out, 'chart.svg');
      expectStoppedBy(await runAndSignal(['render', 'chart', structure, '-o', target], afterMs), 'SIGINT');
      const left = readdirSync(out);
      expect(left.filter((f) => f !== 'chart.svg')).toEqual([]);
      if (existsSync(target)) expect(readFileSync(target, 'utf8').trimEnd()).toMatch(/<\/svg>$/);
    });
  }
});

describe('a signal in a long synchronous phase', () => {
  it('SIGTERM stops validate of a file with 40,000 unknown keys within a second', async () => {
    const dir = writeTestStructure({
      'units/wide.yaml': `id: wide\nkind: office\nname: Wide\n${Array.from({ length: 40_000 }, (_, i) => `k${i}: ${i}\n`).join('')}`,
    });
    const ended = await runAndSignal(['validate', dir], 2000, 'SIGTERM');
    expectStoppedBy(ended, 'SIGTERM');
  });

  it('SIGTERM stops the layout of a 1,500-unit chart within a second', async () => {
    const out = mkdtempSync(join(tmpdir(), 'org-out-'));
    // The signal must come while the chart is being made: on a fast machine the whole run can end
    // before a fixed delay, so the delay is halved until the signal lands mid-run.
    let ended = await runAndSignal(['render', 'chart', structure, '-o', join(out, 'chart.pdf')], 1200, 'SIGTERM');
    for (let delay = 600; ended.afterSignal <= 0 && delay >= 150; delay /= 2)
      ended = await runAndSignal(['render', 'chart', structure, '-o', join(out, 'chart.pdf')], delay, 'SIGTERM');
    expect(ended.afterSignal).toBeGreaterThan(0);
    expectStoppedBy(ended, 'SIGTERM');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('an interrupted org fmt', () => {
  let messy: string;
  let formatted: Map<string, string>;
  let original: Map<string, string>;

  beforeAll(async () => {
    // Every unit file with its first two keys swapped, so fmt rewrites all of them.
    messy = join(mkdtempSync(join(tmpdir(), 'org-interrupt-fmt-')), 's');
    writeStructure(messy, buildStructure(300, 11));
    original = new Map();
    for (const file of yamlFiles(join(messy, 'units'))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      [lines[1], lines[2]] = [lines[2]!, lines[1]!];
      writeFileSync(file, lines.join('\n'));
      original.set(file.slice(messy.length), lines.join('\n'));
    }
    const tidy = join(mkdtempSync(join(tmpdir(), 'org-interrupt-fmt-')), 's');
    cpSync(messy, tidy, { recursive: true });
    expect((await runCli(['fmt', tidy])).code).toBe(0);
    formatted = new Map(yamlFiles(join(tidy, 'units')).map((f) => [f.slice(tidy.length), readFileSync(f, 'utf8')]));
  });

  for (const afterMs of [350, 600]) {
    it(`leaves every file whole when interrupted after ${afterMs} ms`, async () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'org-interrupt-fmt-')), 's');
      cpSync(messy, dir, { recursive: true });
      expectStoppedBy(await runAndSignal(['fmt', dir], afterMs), 'SIGINT');
      expect(temporaries(dir)).toEqual([]);
      for (const file of yamlFiles(join(dir, 'units'))) {
        const rel = file.slice(dir.length);
        expect([original.get(rel), formatted.get(rel)]).toContain(readFileSync(file, 'utf8'));
      }
    });
  }
});
