/** `org validate` as a user runs it: exit codes, options, output files. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { writeStructure } from '../helpers/structure.js';

const PROBLEMS = 'tests/fixtures/validate/problems';

describe('org validate on the default structure', () => {
  it('finds no errors in the Bishkek structure (in-process)', async () => {
    const r = await runCli(['validate', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect(report.summary.units).toBe(18);
    expect(report.summary.functions).toBe(11);
    expect(r.code).toBe(0);
  });

  it('exits 0 as a real process and prints the summary', () => {
    const r = spawnCli(['validate']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ 18 units and 11 functions: no errors or warnings; 15 notes\.\n$/);
  });

  it('finds the same with the directory given explicitly, from another working directory', () => {
    const r = spawnCli(['validate', '../structure', '--format', 'json'], { cwd: join(process.cwd(), 'docs') });
    const report = JSON.parse(r.stdout);
    expect(report.summary.units).toBe(18);
    expect(report.diagnostics[0].file).toMatch(/^\.\.\/structure\//);
  });
});

describe('org validate options', () => {
  it('--quiet reports errors only', async () => {
    const all = JSON.parse((await runCli(['validate', PROBLEMS, '--format', 'json'])).stdout);
    const quiet = JSON.parse((await runCli(['validate', PROBLEMS, '--format', 'json', '--quiet'])).stdout);
    expect(all.diagnostics.some((d: { severity: string }) => d.severity === 'warning')).toBe(true);
    expect(quiet.diagnostics.length).toBeGreaterThan(0);
    expect(quiet.diagnostics.every((d: { severity: string }) => d.severity === 'error')).toBe(true);
    // The same errors, in the same places and words, as the full report.
    expect(quiet.diagnostics).toEqual(all.diagnostics.filter((d: { severity: string }) => d.severity === 'error'));
    expect(quiet.summary).toEqual({ ...all.summary, warnings: 0, infos: 0 });
    // With --max-warnings the warnings are still counted, though not shown.
    const warned = writeStructure({ 'units/root.yaml': 'id: root\nkind: office\nname: Root\n' });
    const counted = await runCli(['validate', warned, '--quiet', '--max-warnings', '0']);
    expect(counted.code).toBe(1);
    expect(counted.stderr).toMatch(/Too many warnings: 1 \(the limit is 0\)/);
  });

  it('--max-warnings turns too many warnings into exit code 1', async () => {
    const dir = writeStructure({ 'units/root.yaml': 'id: root\nkind: office\nname: Root\n' });
    expect((await runCli(['validate', dir])).code).toBe(0);
    const r = await runCli(['validate', dir, '--max-warnings', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Too many warnings: 1 \(the limit is 0\)/);
    expect((await runCli(['validate', dir, '--max-warnings', '1'])).code).toBe(0);
  });

  it('-o writes the report atomically and leaves no temporary file', () => {
    const out = mkdtempSync(join(tmpdir(), 'org-out-'));
    const r = spawnCli(['validate', PROBLEMS, '--format', 'sarif', '-o', join(out, 'report.sarif')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(out, 'report.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readdirSync(out)).toEqual(['report.sarif']);
  });

  it('-o writes nothing when the run cannot be done, and keeps an existing file', () => {
    const out = mkdtempSync(join(tmpdir(), 'org-out-'));
    writeFileSync(join(out, 'old.json'), 'previous report');
    const r = spawnCli(['validate', 'no-such-dir', '--format', 'json', '-o', join(out, 'old.json')]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(out, 'old.json'), 'utf8')).toBe('previous report');
    const missing = spawnCli(['validate', '--format', 'json', '-o', join(out, 'no', 'such', 'dir', 'r.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^org: Cannot write .*r\.json: no such file or directory \(ENOENT\)\n$/);
    expect(existsSync(join(out, 'no'))).toBe(false);
    expect(readdirSync(out)).toEqual(['old.json']);
  });

  it('--version and --help exit 0', () => {
    expect(spawnCli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = spawnCli(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
  });

  it('an organization.yaml that is a directory is reported, not ignored', async () => {
    const { mkdirSync } = await import('node:fs');
    const broken = writeStructure({ 'units/root.yaml': 'id: root\nkind: office\nname: Root\n' }, false);
    mkdirSync(join(broken, 'organization.yaml'));
    const r = await runCli(['validate', broken, '--format', 'json'], { cwd: broken });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({
      file: 'organization.yaml',
      rule: 'yaml-syntax',
      line: 1,
      column: 1,
    });
  });

  it('an internal error is one line with a hint, and --debug adds the stack', async () => {
    const failing = (debug: boolean) => {
      let stderr = '';
      const io = {
        stdout: () => {
          throw new Error('disk on fire');
        },
        stderr: (s: string) => void (stderr += s),
        cwd: process.cwd(),
        env: { LANG: 'C' },
        stdoutIsTTY: false,
        stderrIsTTY: false,
        columns: undefined,
      };
      return main(debug ? ['validate', '--debug'] : ['validate'], io).then((code) => ({ code, stderr }));
    };
    const plain = await failing(false);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(
      'org: Internal error: disk on fire. Rerun with --debug to see the details, and report it.\n',
    );
    const debug = await failing(true);
    expect(debug.stderr).toMatch(/disk on fire[\s\S]*\n\s+at /);
  });
});
