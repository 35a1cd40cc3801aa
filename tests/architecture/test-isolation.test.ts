/**
 * `npm test` runs test files without isolating them (vitest.config.ts: `isolate: false`): files in
 * one worker share loaded modules. A test that replaced a module would then see the real one
 * whenever another file loaded it first, and pass or fail by the order of files. So no test
 * replaces a module; what a test must observe is passed in as a parameter instead.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeScriptFiles } from '../helpers/source-files.js';

const TESTS = join(import.meta.dirname, '..');
const REPLACES_A_MODULE = /\bvi\s*\.\s*(?:mock|doMock|unmock|doUnmock|resetModules)\s*\(/;

describe('tests without isolation', () => {
  it('no test replaces a module', () => {
    const offenders = typeScriptFiles(TESTS)
      .filter((file) => file !== import.meta.filename && REPLACES_A_MODULE.test(readFileSync(file, 'utf8')))
      .map((file) => relative(TESTS, file));
    expect(offenders).toEqual([]);
  });
});
