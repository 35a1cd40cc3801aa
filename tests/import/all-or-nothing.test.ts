/**
 * `org import csv` and `org init` write all their files or none: a name the file system cannot
 * take (a 300-character id, a path over PATH_MAX) leaves nothing behind, not even a folder; and
 * `import --force` never writes through a `units/` link that leads out of the structure, which
 * `validate` refuses to follow too.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { writeStructure } from '../helpers/structure.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'org-all-or-nothing-'));

describe('all or nothing', () => {
  it('import: a 300-character id leaves no file and no folder', async () => {
    const cwd = fresh();
    writeFileSync(
      join(cwd, 'units.csv'),
      `id,parent,kind,name (ru)\nroot,,office,Корень\nb,root,department,Б\n${'a'.repeat(300)},root,department,Длинный\n`,
    );
    const r = await runCli(['import', 'csv', 'units.csv', 's'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^org: Cannot write s\/units\/a{300}\.yaml: the name is too long for the file system\.\nNothing was written\.\n$/,
    );
    expect(readdirSync(cwd)).toEqual(['units.csv']);
  });

  it('init: a path too long for one of its files leaves nothing', async () => {
    const base = fresh();
    // Deep enough that s/organization.yaml fits in PATH_MAX (4095 bytes) but s/units/<root>.yaml does not.
    let dir = base;
    while (dir.length < 4075 - 250) dir = join(dir, 'd'.repeat(200));
    dir = join(dir, 'x'.repeat(4075 - dir.length - 3));
    mkdirSync(dir, { recursive: true });
    const target = join(dir, 's');
    expect(Buffer.byteLength(join(target, 'organization.yaml'))).toBeLessThanOrEqual(4095);
    const r = await runCli(['--lang', 'en', 'init', target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the name is too long for the file system\.\nNothing was written\.\n$/);
    expect(existsSync(target)).toBe(false);
  });

  it('import --force does not write through units/ linked out of the structure', async () => {
    const dir = writeStructure({ 'units/root.yaml': 'id: root\nkind: office\nname: Root\n' });
    const outside = fresh();
    renameSync(join(dir, 'units'), join(outside, 'units'));
    symlinkSync(join(outside, 'units'), join(dir, 'units'));
    const csv = join(outside, 'u.csv');
    writeFileSync(csv, 'id,parent,kind,name (en)\nroot,,office,Changed\nnew,root,department,New\n');
    const r = await runCli(['import', 'csv', csv, dir, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a symbolic link on its way leads out of/);
    expect(readdirSync(join(outside, 'units'))).toEqual(['root.yaml']);
    expect(readFileSync(join(outside, 'units', 'root.yaml'), 'utf8')).toBe('id: root\nkind: office\nname: Root\n');
  });
});
