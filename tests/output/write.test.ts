/**
 * The writer itself: a file that no longer holds what was read is not replaced, a set of files is
 * written all or nothing (the folders made for it removed again), and a link out of the allowed
 * directory is refused before anything is written.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchWriteError, WriteRefused, writeFileAtomic, writeFilesAtomic } from '../../src/output/write.js';

const fresh = (): string => realpathSync(mkdtempSync(join(tmpdir(), 'org-write-')));

function refusal(f: () => void): string | undefined {
  try {
    f();
  } catch (e) {
    const inner = e instanceof BatchWriteError ? e.error : e;
    return inner instanceof WriteRefused ? inner.reason : (inner as NodeJS.ErrnoException).code;
  }
  return undefined;
}

describe('writeFileAtomic', () => {
  it('does not replace a file that changed since it was read', () => {
    const dir = fresh();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'read\n');
    const read = readFileSync(file);
    writeFileSync(file, 'edited meanwhile\n');
    expect(refusal(() => writeFileAtomic(file, 'formatted\n', { expect: read }))).toBe('changed');
    expect(readFileSync(file, 'utf8')).toBe('edited meanwhile\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
    writeFileAtomic(file, 'formatted\n', { expect: readFileSync(file) });
    expect(readFileSync(file, 'utf8')).toBe('formatted\n');
  });

  it('refuses a link that leads out of the allowed directory', () => {
    const inside = fresh();
    const outside = fresh();
    writeFileSync(join(outside, 'x.yaml'), 'theirs\n');
    symlinkSync(join(outside, 'x.yaml'), join(inside, 'x.yaml'));
    expect(refusal(() => writeFileAtomic(join(inside, 'x.yaml'), 'mine\n', { within: inside }))).toBe('link-outside');
    expect(readFileSync(join(outside, 'x.yaml'), 'utf8')).toBe('theirs\n');
  });
});

describe('writeFilesAtomic', () => {
  it('writes nothing, and removes the folders it made, when one target cannot be written', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'units', 'b.yaml'), { recursive: true });
    const files = [
      { file: join(dir, 'organization.yaml'), content: 'id: o\n' },
      { file: join(dir, 'functions', 'f.yaml'), content: 'id: f\n' },
      { file: join(dir, 'units', 'b.yaml'), content: 'id: b\n' },
    ];
    expect(refusal(() => writeFilesAtomic(files, { within: dir, createDirs: true }))).toBe('directory');
    expect(readdirSync(dir)).toEqual(['units']);
    expect(readdirSync(join(dir, 'units'))).toEqual(['b.yaml']);
  });

  it('writes nothing when a folder on the way links out', () => {
    const dir = fresh();
    const outside = fresh();
    symlinkSync(outside, join(dir, 'units'));
    const files = [
      { file: join(dir, 'organization.yaml'), content: 'id: o\n' },
      { file: join(dir, 'units', 'sub', 'a.yaml'), content: 'id: a\n' },
    ];
    expect(refusal(() => writeFilesAtomic(files, { within: dir, createDirs: true }))).toBe('link-outside');
    expect(readdirSync(dir)).toEqual(['units']);
    expect(readdirSync(outside)).toEqual([]);
  });
});
