/**
 * The CI report formats against their published shapes: GitLab Code Quality JSON checked with a
 * JSON Schema written from GitLab's documentation (tests/fixtures/ci), JUnit XML parsed with a
 * real XML parser and checked for the structure CI systems read (testsuites › testsuite ›
 * testcase, one per file, a failure for errors and warnings).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/i18n/format.js';
import type { Diagnostic } from '../../../src/model/finding.js';
import { codequality } from '../../../src/render/diagnostics/codequality.js';
import { junit } from '../../../src/render/diagnostics/junit.js';
import { ROOT, runCli } from '../../helpers/cli.js';

const CASE = 'tests/fixtures/validate/problems';
const schema = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/ci/gitlab-codequality.schema.json'), 'utf8'));
const validateCodeQuality = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);
const options = { color: false, t: translator('en'), version: '0' };
const summary = { errors: 0, warnings: 0, infos: 0, units: 0, functions: 0, files: 0 };

interface Case {
  '@_name': string;
  '@_file': string;
  failure?: { '#text': string; '@_message': string; '@_type': string };
  'system-out'?: string;
}
const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => name === 'testcase' || name === 'testsuite',
  parseTagValue: false,
  processEntities: true,
  htmlEntities: false,
});
function parseJunit(xml: string): { suites: Record<string, string>; cases: Case[] } {
  const doc = parser.parse(xml, true) as {
    testsuites: Record<string, string> & { testsuite: Array<{ testcase?: Case[] }> };
  };
  expect(doc.testsuites.testsuite).toHaveLength(1);
  return { suites: doc.testsuites, cases: doc.testsuites.testsuite[0]!.testcase ?? [] };
}

describe('--format codequality', () => {
  it('matches GitLab’s documented shape, with unique fingerprints, on a structure with every kind of problem and on Bishkek', async () => {
    for (const dir of [CASE, 'structure']) {
      const r = await runCli(['validate', dir, '--format', 'codequality']);
      const issues = JSON.parse(r.stdout) as Array<{ fingerprint: string; severity: string; check_name: string }>;
      expect(validateCodeQuality(issues), JSON.stringify(validateCodeQuality.errors?.slice(0, 3))).toBe(true);
      expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
      if (dir === CASE) expect(new Set(issues.map((i) => i.severity))).toEqual(new Set(['major', 'minor']));
    }
  });

  it('keeps a fingerprint when the lines move, and tells identical findings apart', () => {
    const d: Diagnostic = {
      file: 'units/a.yaml',
      line: 3,
      column: 1,
      rule: 'schema',
      messageId: 'unknown-property',
      severity: 'error',
      message: 'Unknown property "x".',
      data: { property: 'x' },
    };
    const [first] = JSON.parse(codequality({ diagnostics: [d], summary }, options));
    const moved = JSON.parse(
      codequality(
        {
          diagnostics: [
            { ...d, line: 9 },
            { ...d, line: 12 },
          ],
          summary,
        },
        options,
      ),
    );
    expect(moved[0].fingerprint).toBe(first.fingerprint);
    expect(moved[1].fingerprint).not.toBe(first.fingerprint);
    expect(moved[0].location.lines.begin).toBe(9);
  });
});

describe('--format junit', () => {
  it('has one test case per file, failed for errors and warnings, notes in system-out', async () => {
    const r = await runCli(['validate', CASE, '--format', 'junit']);
    expect(r.code).toBe(1);
    const { suites, cases } = parseJunit(r.stdout);
    const report = JSON.parse((await runCli(['validate', CASE, '--format', 'json'])).stdout) as {
      diagnostics: Diagnostic[];
    };
    const failing = new Set(report.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.file));
    expect(cases.map((c) => c['@_name'])).toContain(`${CASE}/organization.yaml`);
    expect(new Set(cases.map((c) => c['@_name'])).size).toBe(cases.length);
    expect(
      cases
        .filter((c) => c.failure)
        .map((c) => c['@_name'])
        .sort(),
    ).toEqual([...failing].sort());
    expect(Number(suites['@_tests'])).toBe(cases.length);
    expect(Number(suites['@_failures'])).toBe(failing.size);
    const legal = cases.find((c) => c['@_name'].endsWith('units/legal.yaml'))!;
    expect(legal.failure!['@_message']).toBe('3 errors, 1 warning');
    expect(legal.failure!['#text'].split('\n')).toHaveLength(4);
  });

  it('lists every file of a clean structure as a passing case (Bishkek: 30 files, notes only)', async () => {
    const r = await runCli(['validate', 'structure', '--format', 'junit']);
    expect(r.code).toBe(0);
    const { cases } = parseJunit(r.stdout);
    expect(cases).toHaveLength(30);
    expect(cases.every((c) => c.failure === undefined)).toBe(true);
    expect(cases.filter((c) => c['system-out']).length).toBe(15);
  });

  it('escapes hostile text so the document stays well-formed and says what was written', () => {
    const message = 'Name "]]></failure><testcase name=\'x\'/>&amp;\u0007\ud800" is bad';
    const file = 'units/<a&b>.yaml';
    const xml = junit(
      {
        diagnostics: [
          { file, line: 1, column: 1, rule: 'schema', messageId: 'constraint', severity: 'error', message, data: {} },
        ],
        summary,
        files: [file],
      },
      options,
    );
    const { cases } = parseJunit(xml);
    expect(cases).toHaveLength(1);
    expect(cases[0]!['@_name']).toBe(file);
    expect(cases[0]!.failure!['#text']).toContain('Name "]]></failure><testcase name=\'x\'/>&amp;\ufffd\ufffd" is bad');
  });
});
