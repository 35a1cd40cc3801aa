/**
 * Golden files: the expected output of a case, kept beside it. `UPDATE_GOLDEN=1 npm test` rewrites
 * them from the current output; read the diff before committing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    if (!process.env.UPDATE_GOLDEN)
      throw new Error(`golden file ${file} was missing and has been written: read it, then rerun`);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
