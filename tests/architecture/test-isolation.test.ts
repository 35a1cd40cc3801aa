/**
 * `npm test` runs test files without isolating them (vitest.config.ts: `isolate: false`): files in
 * one worker share loaded modules. A test that replaced a module would then see the real one
 * whenever another file loaded it first, and pass or fail by the order of files. So no test
 * replaces a module; what a test must observe is passed in as a parameter instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const TESTS = join(import.meta.dirname, '..');
const REPLACES_A_MODULE = /\bvi\s*\.\s*(?:mock|doMock|unmock|doUnmock|resetModules)\s*\(/;

function testFiles(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (name === 'fixtures') continue;
      if (statSync(path).isDirectory()) stack.push(path);
      else if (name.endsWith('.ts')) out.push(path);
    }
  }
  return out.sort();
}

describe('tests without isolation', () => {
  it('no test replaces a module', () => {
    const offenders = testFiles(TESTS)
      .filter((file) => file !== import.meta.filename && REPLACES_A_MODULE.test(readFileSync(file, 'utf8')))
      .map((file) => relative(TESTS, file));
    expect(offenders).toEqual([]);
  });
});
