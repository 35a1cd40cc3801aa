/**
 * The parse cache between runs: a second run gives exactly the same report as the first, an
 * edited file is read again, and a damaged, hand-edited or foreign cache is ignored rather than
 * trusted, then rebuilt; a cache file that is a FIFO or a link to a device is never read.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileCache } from '../../src/cli/cache.js';
import { readFile } from '../../src/load/structure.js';
import { spawnCli } from '../helpers/cli.js';
import { writeStructure } from '../helpers/structure.js';

const PROBLEMS = 'tests/fixtures/validate/problems';

describe('parse cache', () => {
  it('gives the same report from the cache as without it', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'org-cache-'));
    const env = { ORG_CACHE_DIR: cacheDir };
    const first = spawnCli(['validate', PROBLEMS, '--format', 'json'], { env });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const second = spawnCli(['validate', PROBLEMS, '--format', 'json'], { env });
    const uncached = spawnCli(['validate', PROBLEMS, '--format', 'json'], { env: { ORG_NO_CACHE: '1' } });
    expect(JSON.parse(first.stdout).diagnostics.length).toBeGreaterThan(5);
    expect(second.stdout).toBe(first.stdout);
    expect(uncached.stdout).toBe(first.stdout);
    expect(second.code).toBe(first.code);
  });

  it('reads an edited file again', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'org-cache-'));
    const dir = writeStructure({ 'units/root.yaml': 'id: root\nkind: office\nname: Root\n' });
    const env = { ORG_CACHE_DIR: cacheDir };
    expect(spawnCli(['validate', dir, '--format', 'json'], { env }).code).toBe(0);
    writeFileSync(join(dir, 'units', 'root.yaml'), 'id: root\nkind: office\nname: Root\ncolour: red\n');
    const after = JSON.parse(spawnCli(['validate', dir, '--format', 'json'], { env }).stdout);
    expect(after.diagnostics.map((d: { message: string }) => d.message)).toContain('Unknown property "colour".');
  });

  it('ignores a cache from another build and a damaged cache file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'org-cache-'));
    const file = join(dir, 'c.json');
    const bytes = Buffer.from('id: a\nkind: office\nname: A\n');
    const cache = new FileCache(file, 'build-1');
    expect(cache.get('unit', bytes)).toBeUndefined();
    cache.set('unit', bytes, readFile('unit', bytes));
    cache.save();
    expect(new FileCache(file, 'build-1').get('unit', bytes)?.value).toEqual({ id: 'a', kind: 'office', name: 'A' });
    expect(new FileCache(file, 'build-2').get('unit', bytes)).toBeUndefined();
    expect(new FileCache(file, 'build-1').get('function', bytes)).toBeUndefined();
    writeFileSync(file, '{"build": "build-1", "entries": ');
    expect(new FileCache(file, 'build-1').get('unit', bytes)).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toContain('build-1');
  });
});

/** Where a run keeps the cache of `dir`: one file per structure directory in ORG_CACHE_DIR. */
const cacheFileOf = (cacheDir: string, dir: string): string =>
  join(cacheDir, `${createHash('sha1').update(resolve(dir)).digest('hex').slice(0, 16)}.json`);

describe('a cache that is not what it seems', () => {
  // A parent that does not exist: validate must always report it.
  const broken = (): string =>
    writeStructure({
      'units/root.yaml': 'id: root\nkind: office\nname: Root\n',
      'units/a.yaml': 'id: a\nkind: department\nname: A\nparent: nowhere\n',
    });

  it('a hand-edited entry is not trusted', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'org-cache-'));
    const dir = broken();
    const env = { ORG_CACHE_DIR: cacheDir };
    expect(spawnCli(['validate', dir], { env }).code).toBe(1);
    const file = cacheFileOf(cacheDir, dir);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('"parent":"nowhere"');
    writeFileSync(file, text.replace('"parent":"nowhere"', '"parent":"root"'));
    const r = spawnCli(['validate', dir], { env });
    expect(r.stdout).toMatch(/Parent "nowhere" is not a unit of this structure/);
    expect(r.code).toBe(1);
  });

  it('a malformed entry is no internal error, and the cache is rewritten', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'org-cache-'));
    const dir = broken();
    const env = { ORG_CACHE_DIR: cacheDir };
    spawnCli(['validate', dir], { env });
    const file = cacheFileOf(cacheDir, dir);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('"findings":[', '"findings":5,"was":['));
    for (let run = 0; run < 2; run++) {
      const r = spawnCli(['validate', dir], { env });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
    }
    expect(readFileSync(file, 'utf8')).not.toContain('"findings":5');
  });

  it('an entry of the wrong shape with a right checksum is not used', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'org-cache-')), 'c.json');
    const bytes = Buffer.from('id: a\nkind: office\nname: A\n');
    const cache = new FileCache(file, 'build-1');
    cache.set('unit', bytes, { findings: 5 } as never);
    cache.save();
    expect(new FileCache(file, 'build-1').get('unit', bytes)).toBeUndefined();
  });

  it('a FIFO in place of the cache file neither hangs the run nor is replaced', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'org-cache-'));
    const dir = broken();
    execFileSync('mkfifo', [cacheFileOf(cacheDir, dir)]);
    const r = spawnCli(['validate', dir], { env: { ORG_CACHE_DIR: cacheDir }, timeout: 10_000 });
    expect(r.code).toBe(1);
    expect(lstatSync(cacheFileOf(cacheDir, dir)).isFIFO()).toBe(true);
  });

  it('a cache file linked to /dev/zero is not read and the link is left alone', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'org-cache-'));
    const dir = broken();
    symlinkSync('/dev/zero', cacheFileOf(cacheDir, dir));
    const r = spawnCli(['validate', dir], { env: { ORG_CACHE_DIR: cacheDir }, timeout: 10_000 });
    expect(r.code).toBe(1);
    expect(readlinkSync(cacheFileOf(cacheDir, dir))).toBe('/dev/zero');
  });
});
