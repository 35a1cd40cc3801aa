/**
 * The CI recipes shipped with org run as written: every `npx org …` step of
 * .github/workflows/structure.yml and every hook of .pre-commit-hooks.yaml is a real command with
 * real options, and each produces what the next step expects (a SARIF file, Markdown for the job
 * summary). GitHub's own expressions are replaced by what they stand for on a pull request.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../helpers/cli.js';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'structure.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[] }>;
};
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);

/** The words of an `npx org …` command line, up to a shell operator. */
function orgArgs(run: string): string[] {
  const command = run.split(/\s(?:\|\||>>|&&)\s/)[0]!.trim();
  const words = command.match(/"[^"]*"|\S+/g)!.map((w) => w.replace(/^"|"$/g, ''));
  expect(words.slice(0, 2)).toEqual(['npx', 'org']);
  return words.slice(2).map((w) => w.replace('origin/${{ github.base_ref }}', 'HEAD'));
}

describe('.github/workflows/structure.yml', () => {
  it('runs on pull requests with the history org diff needs', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    const checkout = steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(20);
    expect(steps.some((s) => s.run === 'npm ci')).toBe(true);
  });

  it('annotates the pull request with org validate --format github', async () => {
    const step = steps.find((s) => s.run?.includes('--format github'))!;
    const r = await runCli(orgArgs(step.run!));
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toMatch(/^::(notice|warning|error) file=structure\//m);
  });

  it('writes the SARIF file the upload step sends to code scanning', async () => {
    const step = steps.find((s) => s.run?.includes('--format sarif'))!;
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    const args = orgArgs(step.run!);
    const out = args[args.indexOf('-o') + 1]!;
    expect(upload.with?.sarif_file).toBe(out);
    const dir = mkdtempSync(join(tmpdir(), 'org-ci-'));
    args[args.indexOf('-o') + 1] = join(dir, out);
    const r = await runCli(args);
    expect([0, 1]).toContain(r.code);
    const sarif = JSON.parse(readFileSync(join(dir, out), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  });

  it('appends the reorganisation in Markdown to the job summary', async () => {
    const step = steps.find((s) => s.run?.includes('org diff'))!;
    expect(step.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    const r = await runCli(orgArgs(step.run!));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## /);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{
    id: string;
    entry: string;
    pass_filenames?: boolean;
    files: string;
    require_serial: boolean;
  }>;

  it('offers org validate and org fmt --check, given the structure files of the commit in one run', () => {
    expect(hooks.map((h) => [h.id, h.entry, h.pass_filenames ?? true, h.require_serial])).toEqual([
      ['org-validate', 'org validate', true, true],
      ['org-fmt-check', 'org fmt --check', true, true],
    ]);
  });

  it('passes structure files and nothing else', () => {
    for (const hook of hooks) {
      const files = new RegExp(hook.files);
      for (const yes of [
        'structure/organization.yaml',
        'structure/units/a.yaml',
        'org/functions/x/y.yml',
        'organization.yml',
      ])
        expect(yes).toMatch(files);
      for (const no of [
        '.github/workflows/ci.yml',
        '.pre-commit-config.yaml',
        'structure/units/README.md',
        'docs/units.yaml',
      ])
        expect(no).not.toMatch(files);
    }
  });

  it('has entries that run on the files pre-commit passes', async () => {
    const files = [
      'structure/organization.yaml',
      'structure/units/tsentralnyy-apparat.yaml',
      'structure/functions/kontrol-ispolnitelskoy-distsipliny.yaml',
    ];
    for (const hook of hooks) {
      const r = await runCli([...hook.entry.split(' ').slice(1), ...files]);
      expect(r.code, `${hook.id}: ${r.stderr}`).toBe(0);
    }
  });
});
