/**
 * `org fmt` loses nothing the user has: a file edited while fmt runs is left with the edit and
 * reported, a replaced file keeps its mode, a link inside the structure stays a link (its target
 * is formatted once), and `--check` does not call a structure tidy when its `units/` folder links
 * out of it and so was never read.
 */
import {
  chmodSync,
  lstatSync,
  readFileSync,
  readlinkSync,
  readdirSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { writeStructure } from '../helpers/structure.js';

// Valid but not canonical: the keys are out of the schema's order.
const messy = (id: string, parent?: string): string =>
  `name: ${id}\nkind: ${parent ? 'department' : 'office'}\n${parent ? `parent: ${parent}\n` : ''}id: ${id}\n`;

const structure = (): string =>
  writeStructure({
    'units/root.yaml': messy('root'),
    'units/a.yaml': messy('a', 'root'),
    'units/zz.yaml': messy('zz', 'root'),
  });

describe('org fmt keeps what the user has', () => {
  it('leaves a file edited while it runs as the user wrote it, and says so', async () => {
    const dir = structure();
    const edited = join(dir, 'units', 'zz.yaml');
    // fmt reads and formats every file before its first write, and yields before each write:
    // the edit lands once a.yaml (the first file it rewrites) is written, so after zz.yaml was
    // read and before it is written (root.yaml comes between).
    const running = runCli(['fmt', dir]);
    const first = join(dir, 'units', 'a.yaml');
    for (let turn = 0; turn < 100_000 && readFileSync(first, 'utf8') === messy('a', 'root'); turn++)
      await new Promise((next) => setImmediate(next));
    const mine = 'id: zz\nkind: department\nparent: root\nname: zz   # edited by hand meanwhile\n';
    writeFileSync(edited, mine);
    const r = await running;
    expect(readFileSync(edited, 'utf8')).toBe(mine);
    expect(r.stderr).toMatch(/units\/zz\.yaml: changed while org fmt ran, so it is left as it is/);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'units', 'a.yaml'), 'utf8')).not.toBe(messy('a', 'root'));
  });

  it('keeps the mode of the files it rewrites', async () => {
    const dir = structure();
    chmodSync(join(dir, 'units', 'a.yaml'), 0o600);
    chmodSync(join(dir, 'units', 'root.yaml'), 0o640);
    expect((await runCli(['fmt', dir])).code).toBe(0);
    expect(statSync(join(dir, 'units', 'a.yaml')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'units', 'root.yaml')).mode & 0o777).toBe(0o640);
  });

  it('formats the target of a link inside the structure once, and keeps the link', async () => {
    const dir = structure();
    renameSync(join(dir, 'units', 'a.yaml'), join(dir, 'a-real.yaml'));
    symlinkSync('../a-real.yaml', join(dir, 'units', 'a.yaml'));
    const r = await runCli(['fmt', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'units', 'a.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'units', 'a.yaml'))).toBe('../a-real.yaml');
    expect(readFileSync(join(dir, 'a-real.yaml'), 'utf8')).toMatch(
      /^(#.*\n)?id: a\nkind: department\nparent: root\nname: a\n$/,
    );
    expect((await runCli(['fmt', '--check', dir])).code).toBe(0);
  });

  it('--check fails when units/ links out of the structure and so was not read', async () => {
    const dir = structure();
    expect((await runCli(['fmt', dir])).code).toBe(0);
    writeFileSync(join(dir, 'units', 'a.yaml'), messy('a', 'root'));
    const outside = writeStructure({});
    renameSync(join(dir, 'units'), join(outside, 'moved'));
    symlinkSync(join(outside, 'moved'), join(dir, 'units'));
    const r = await runCli(['fmt', '--check', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/units: not formatted: Symbolic link leads outside the structure directory/);
    expect(r.stderr).toMatch(/1 file is formatted, but 1 could not be checked/);
    const w = await runCli(['fmt', dir]);
    expect(w.code).toBe(1);
    expect(readdirSync(join(outside, 'moved')).sort()).toEqual(['a.yaml', 'root.yaml', 'zz.yaml']);
    expect(readFileSync(join(outside, 'moved', 'a.yaml'), 'utf8')).toBe(messy('a', 'root'));
  });
});
