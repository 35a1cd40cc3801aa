/**
 * Ctrl-C in the middle of a run that writes a file: whatever the moment, the target is either not
 * there or complete, and no temporary file is left beside it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error the benchmark's generator is plain JavaScript
import { buildStructure, writeStructure } from '../../bench/generate.mjs';
import { BIN } from '../helpers/cli.js';

let structure: string;

beforeAll(() => {
  structure = join(mkdtempSync(join(tmpdir(), 'org-interrupt-')), 's');
  writeStructure(structure, buildStructure(1500, 7));
});

function runAndInterrupt(args: string[], afterMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGINT'), afterMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('an interrupted run', () => {
  for (const afterMs of [150, 400, 800, 1500, 3000]) {
    it(`leaves no temporary file when interrupted after ${afterMs} ms`, async () => {
      const out = mkdtempSync(join(tmpdir(), 'org-out-'));
      const target = join(out, 'chart.svg');
      await runAndInterrupt(['render', 'chart', structure, '-o', target], afterMs);
      const left = readdirSync(out);
      expect(left.filter((f) => f !== 'chart.svg')).toEqual([]);
      if (existsSync(target)) expect(readFileSync(target, 'utf8').trimEnd()).toMatch(/<\/svg>$/);
    });
  }
});
