/**
 * Paths as linters take them: the structure found by walking up to organization.yaml, files and
 * folders inside a structure, several structures at once, `-` for standard input.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { writeStructure } from '../helpers/structure.js';

interface Report {
  diagnostics: Array<{ file: string; rule: string; severity: string }>;
  summary: { errors: number; warnings: number; units: number };
}
const json = (stdout: string): Report => JSON.parse(stdout) as Report;

/** A small structure in which `units/b.yaml` and `units/b-copy.yaml` both define unit `b`, and `c` has no functions. */
function twoFilesOneId(): string {
  return writeStructure({
    'units/a.yaml': { id: 'a', kind: 'office', name: 'A', functions: { f: 'lead' } },
    'units/b.yaml': { id: 'b', kind: 'department', parent: 'a', name: 'B', functions: { f: 'participant' } },
    'units/b-copy.yaml': { id: 'b', kind: 'department', parent: 'a', name: 'B2', functions: { f: 'participant' } },
    'units/c.yaml': { id: 'c', kind: 'department', parent: 'a', name: 'C' },
    'functions/f.yaml': { id: 'f', name: 'F' },
  });
}

describe('finding the structure', () => {
  it('walks up from a folder inside the structure to its organization.yaml', async () => {
    const r = await runCli(['validate', '--format', 'json'], { cwd: join(ROOT, 'structure', 'units') });
    expect(r.code).toBe(0);
    expect(json(r.stdout).summary.units).toBe(18);
    expect(json(r.stdout).diagnostics[0]!.file).not.toMatch(/^structure\//);
  });

  it('finds structure/ beside a folder on the way up (the repository root)', async () => {
    const r = await runCli(['tree', '--depth', '1'], { cwd: join(ROOT, 'docs') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Центральный аппарат');
  });

  it('says there is none, with exit code 2, when no folder above has one', async () => {
    const r = await runCli(['validate'], { cwd: mkdtempSync(join(tmpdir(), 'org-nothing-')) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^org: No structure here: no organization\.yaml in this folder or any folder above it/);
  });

  it('takes a folder inside a structure as the structure it belongs to, for other commands too', async () => {
    const r = await runCli(['stats', 'structure/units', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"units"');
  });
});

describe('org validate FILE…', () => {
  it('reports the findings of the given file and the cross-file errors it causes, not the rest', async () => {
    const dir = twoFilesOneId();
    const all = json((await runCli(['validate', dir, '--format', 'json'])).stdout);
    expect(all.diagnostics.some((d) => d.file.endsWith('units/c.yaml'))).toBe(true);
    const r = await runCli(['validate', 'units/b-copy.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const found = json(r.stdout).diagnostics.map((d) => `${d.file} ${d.rule}`);
    // b.yaml is listed because its duplicate-id error names the id that b-copy.yaml defines; c.yaml's warning is not.
    expect(found.sort()).toEqual(['units/b-copy.yaml filename-matches-id', 'units/b.yaml duplicate-id']);
  });

  it('a clean file of a structure with problems elsewhere passes', async () => {
    const dir = twoFilesOneId();
    const r = await runCli(['validate', join(dir, 'units', 'a.yaml'), '--format', 'json']);
    expect(json(r.stdout).diagnostics).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('refuses a file that belongs to no structure', async () => {
    const r = await runCli(['validate', 'package.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'org: package.json is not part of a structure: no organization.yaml in its folder or any folder above it.\n',
    );
  });

  it('checks several structures in one report', async () => {
    const one = json((await runCli(['validate', 'tests/fixtures/validate/problems', '--format', 'json'])).stdout);
    const both = json(
      (await runCli(['validate', 'structure', 'tests/fixtures/validate/problems', '--format', 'json'])).stdout,
    );
    expect(both.summary.units).toBe(18 + one.summary.units);
    expect(both.summary.errors).toBe(one.summary.errors);
    expect(both.diagnostics.filter((d) => d.file.startsWith('structure/')).length).toBeGreaterThan(0);
  });

  it('org fmt --check takes files too, and looks only at them', async () => {
    const dir = twoFilesOneId();
    expect((await runCli(['fmt'], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'units', 'c.yaml'), 'name: C\nid: c\nkind: department\nparent: a\n');
    const other = await runCli(['fmt', '--check', 'units/a.yaml'], { cwd: dir });
    const untidy = await runCli(['fmt', '--check', 'units/c.yaml', 'units/a.yaml'], { cwd: dir });
    expect(untidy.code).toBe(1);
    expect(untidy.stdout).toBe('units/c.yaml\n');
    expect(other.stdout).toBe('');
  });
});

describe('org import csv -', () => {
  it('reads the spreadsheet from standard input', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'org-stdin-')), 's');
    mkdirSync(dir);
    const csv = 'id,parent,kind,name (en)\nhq,,office,Headquarters\nit,hq,department,IT\n';
    const r = await runCli(['import', 'csv', '-', dir], { stdin: csv });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'units', 'it.yaml'), 'utf8')).toContain('parent: hq');
  });
});
