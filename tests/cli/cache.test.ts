/**
 * The parse cache between runs: a second run gives exactly the same report as the first, an
 * edited file is read again, and a damaged or foreign cache is ignored rather than trusted.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
