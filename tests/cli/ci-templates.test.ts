/**
 * The reusable GitHub Action (action.yml) and the GitLab CI template (ci/gitlab/org.gitlab-ci.yml),
 * run as their CI would run them: each `run:` step of the Action with the GitHub environment
 * (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, the step's `env:` with its expressions
 * evaluated), and each script line of the GitLab job with its CI variables, in a real git
 * repository whose pull request renames a unit of the Bishkek structure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT } from '../helpers/cli.js';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'init.defaultBranch=main', ...args],
    { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );

const RENAMED = 'structure/units/upravlenie-podgotovki-resheniy/otdel-pravovoy-raboty.yaml';

/** An origin with the Bishkek structure on main, and a clone on a branch that renames a unit (and optionally breaks one). */
function pullRequest(broken = false): string {
  const base = mkdtempSync(join(tmpdir(), 'org-ci-'));
  const origin = join(base, 'origin');
  mkdirSync(origin);
  cpSync(join(ROOT, 'structure'), join(origin, 'structure'), { recursive: true });
  git(origin, 'init', '-q');
  git(origin, 'add', '-A');
  git(origin, 'commit', '-qm', 'structure');
  const work = join(base, 'work');
  git(base, 'clone', '-q', origin, work);
  git(work, 'checkout', '-qb', 'feature');
  const file = join(work, RENAMED);
  writeFileSync(file, readFileSync(file, 'utf8').replace('Отдел правовой работы', 'Юридический отдел'));
  if (broken)
    writeFileSync(
      join(work, 'structure/units/broken.yaml'),
      'id: broken\nkind: nope\nname: Сломанный\nparent: nowhere\n',
    );
  git(work, 'commit', '-qam', 'rename');
  return work;
}

interface Step {
  id?: string;
  name?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};

/** Evaluates the few expression forms the Action uses: contexts, and `==` with a string. */
function evaluate(expression: string, context: Record<string, string>): string {
  return expression.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, body: string) => {
    const eq = /^([\w.-]+)\s*==\s*'([^']*)'$/.exec(body);
    if (eq) return String((context[eq[1]!] ?? '') === eq[2]);
    if (!/^[\w.-]+$/.test(body)) throw new Error(`expression not simulated: ${body}`);
    return context[body] ?? '';
  });
}

interface Run {
  steps: Array<{ step: Step; code: number | null; stdout: string; stderr: string }>;
  summary: string;
  outputs: Record<string, string>;
  temp: string;
}

function runAction(work: string, inputs: Record<string, string>): Run {
  const temp = mkdtempSync(join(tmpdir(), 'org-runner-'));
  const summaryFile = join(temp, 'summary.md');
  writeFileSync(summaryFile, '');
  const context: Record<string, string> = { 'github.action_path': ROOT, 'github.base_ref': 'main' };
  for (const [name, input] of Object.entries(action.inputs))
    context[`inputs.${name}`] = inputs[name] ?? input.default ?? '';
  const result: Run = { steps: [], summary: '', outputs: {}, temp };
  let failed = false;
  for (const [i, step] of action.runs.steps.entries()) {
    if (failed) break; // steps without `if: always()` are skipped after a failure
    if (step.if !== undefined && evaluate(step.if, context) !== 'true') continue;
    if (step.uses !== undefined) {
      expect(step.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
      const sarif = evaluate(step.with!.sarif_file!, context);
      expect(existsSync(sarif), `the SARIF file ${sarif} exists for the upload`).toBe(true);
      continue;
    }
    expect(step.shell).toBe('bash');
    const outputFile = join(temp, `output-${i}`);
    writeFileSync(outputFile, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? temp,
      NO_COLOR: '1',
      LANG: 'C',
      ORG_NO_CACHE: '1',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: work,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_BASE_REF: 'main',
      RUNNER_TEMP: temp,
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = evaluate(v, context);
    // The runner's bash: `bash --noprofile --norc -eo pipefail {0}`.
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd: work,
      env,
      encoding: 'utf8',
    });
    result.steps.push({ step, code: r.status, stdout: r.stdout, stderr: r.stderr });
    for (const line of readFileSync(outputFile, 'utf8').split('\n').filter(Boolean)) {
      const [key, ...value] = line.split('=');
      if (step.id) context[`steps.${step.id}.outputs.${key}`] = value.join('=');
    }
    if (r.status !== 0) failed = true;
  }
  for (const [name, output] of Object.entries(action.outputs)) result.outputs[name] = evaluate(output.value, context);
  result.summary = readFileSync(summaryFile, 'utf8');
  return result;
}

describe('the GitHub Action', () => {
  it('is a composite action whose scripts take inputs only through the environment', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) if (step.run !== undefined) expect(step.run, step.name).not.toContain('${{');
    const referenced = JSON.stringify(action).match(/inputs\.[\w-]+/g) ?? [];
    for (const ref of referenced) expect(Object.keys(action.inputs)).toContain(ref.slice('inputs.'.length));
  });

  it('annotates, writes SARIF and the reorganisation summary, and passes on a clean pull request', () => {
    const run = runAction(pullRequest(), { sarif: 'true' });
    const byId = (id: string) => run.steps.find((s) => s.step.id === id)!;
    expect(byId('validate').code).toBe(0);
    expect(byId('validate').stdout).toMatch(/^::notice file=structure\/units\/.+,line=\d+,col=\d+/m);
    expect(run.outputs['exit-code']).toBe('0');
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(run.summary).toContain('Юридический отдел');
    expect(run.summary).toMatch(/^#/m);
    expect(run.steps.at(-1)!.code).toBe(0);
  });

  it('still writes the summary when the structure has errors, then fails the job', () => {
    const run = runAction(pullRequest(true), { directory: 'structure' });
    const validate = run.steps.find((s) => s.step.id === 'validate')!;
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/^::error file=structure\/units\/broken\.yaml,line=2,col=7/m);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.outputs['sarif-file']).toBe('');
    expect(run.summary).toContain('Юридический отдел');
    expect(run.steps.at(-1)!.step.name).toBe('Fail on findings');
    expect(run.steps.at(-1)!.code).toBe(1);
  });
});

describe('the GitLab CI template', () => {
  interface Job {
    script: string[];
    before_script?: string[];
    variables?: Record<string, string>;
    artifacts: { reports: Record<string, string>; when: string };
  }
  const template = parse(readFileSync(join(ROOT, 'ci/gitlab/org.gitlab-ci.yml'), 'utf8')) as {
    variables: Record<string, string>;
  } & Record<string, Job>;
  const job = template['org-validate']!;

  it('is a job with the Code Quality and JUnit reports', () => {
    expect(job.artifacts.reports).toEqual({ codequality: 'gl-code-quality-report.json', junit: 'org-junit.xml' });
    expect(job.artifacts.when).toBe('always');
    expect(template.variables.ORG_PACKAGE).toMatch(/#v\d+\.\d+\.\d+$/);
  });

  it('its script passes on the Bishkek structure and writes every report', () => {
    const work = pullRequest();
    // `org` on the PATH, as `npm install -g` would put it.
    const bin = mkdtempSync(join(tmpdir(), 'org-bin-'));
    writeFileSync(join(bin, 'org'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'org'), 0o755);
    const env = {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: process.env.HOME ?? work,
      NO_COLOR: '1',
      LANG: 'C',
      ORG_NO_CACHE: '1',
      CI: 'true',
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
      ...template.variables,
      ...job.variables,
    };
    for (const line of [...(job.before_script ?? []), ...job.script]) {
      const r = spawnSync('bash', ['-e', '-c', line], { cwd: work, env, encoding: 'utf8' });
      expect(r.status, `${line}\n${r.stderr}`).toBe(0);
    }
    const issues = JSON.parse(readFileSync(join(work, 'gl-code-quality-report.json'), 'utf8'));
    expect(Array.isArray(issues)).toBe(true);
    expect(issues.every((i: { severity: string }) => i.severity === 'info')).toBe(true);
    const junit = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(work, 'org-junit.xml'), 'utf8'));
    expect(Number(junit.testsuites['@_tests'])).toBe(30);
    expect(Number(junit.testsuites['@_failures'])).toBe(0);
    expect(readFileSync(join(work, 'reorganisation.md'), 'utf8')).toContain('Юридический отдел');
  });
});
