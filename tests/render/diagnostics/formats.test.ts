/**
 * Every diagnostics format on one structure with a problem of each kind, against golden files;
 * plus the properties each format promises: SARIF valid against the official 2.1.0 schema, GitHub
 * commands escaped, JSON in the documented shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv4 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { github } from '../../../src/render/diagnostics/github.js';
import { translator } from '../../../src/i18n/format.js';
import { ROOT, runCli } from '../../helpers/cli.js';
import { expectGolden } from '../../helpers/golden.js';

const CASE = 'tests/fixtures/validate/problems';
const golden = (name: string): string => join(ROOT, CASE, 'expected', name);

describe('diagnostics formats', () => {
  for (const [format, file] of [
    ['stylish', 'stylish.txt'],
    ['json', 'report.json'],
    ['github', 'github.txt'],
    ['sarif', 'report.sarif'],
  ] as const) {
    it(`${format} matches its golden file`, async () => {
      const r = await runCli(['validate', CASE, '--format', format]);
      expect(r.code).toBe(1);
      expectGolden(
        golden(file),
        r.stdout.replace(/"(semanticVersion|version)": "\d[^"]*"/g, (m, k) =>
          k === 'version' && m.includes('2.1.0') ? m : `"${k}": "VERSION"`,
        ),
      );
    });
  }

  it('SARIF validates against the official SARIF 2.1.0 schema', async () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv4.default({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false });
    const validate = ajv.compile(schema);
    for (const dir of [CASE, 'structure']) {
      const r = await runCli(['validate', dir, '--format', 'sarif']);
      const log = JSON.parse(r.stdout);
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      for (const result of log.runs[0].results)
        expect(result.locations[0].physicalLocation.region.startColumn).toBeGreaterThanOrEqual(1);
      expect(log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('parent-exists');
    }
  });

  it('JSON has the documented shape', async () => {
    const r = await runCli(['validate', CASE, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report.summary)).toEqual(expect.arrayContaining(['errors', 'warnings', 'units', 'functions']));
    for (const d of report.diagnostics) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['rule', 'severity', 'message', 'file', 'line', 'column']));
      expect(['error', 'warning', 'info']).toContain(d.severity);
      expect(d.file).toMatch(/^tests\/fixtures\/validate\/problems\//);
    }
  });

  it('github escapes %, CR and LF in messages and : and , in properties', () => {
    const out = github(
      {
        diagnostics: [
          {
            rule: 'schema',
            messageId: 'constraint',
            severity: 'error',
            message: '100% sure\r\nnext line',
            data: {},
            file: 'units/a,b:c.yaml',
            line: 2,
            column: 3,
          },
        ],
        summary: { errors: 1, warnings: 0, infos: 0, units: 1, functions: 0, files: 1 },
      },
      { color: false, t: translator('en'), version: '0' },
    );
    expect(out).toBe('::error file=units/a%2Cb%3Ac.yaml,line=2,col=3,title=schema::100%25 sure%0D%0Anext line\n');
  });

  it('stylish is coloured only when asked', async () => {
    const plain = await runCli(['validate', CASE], { tty: true });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const forced = await runCli(['validate', CASE], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[31m/);
    const tty = await runCli(['validate', CASE], { tty: true, env: { NO_COLOR: undefined } });
    expect(tty.stdout).toMatch(/\u001b\[/);
  });
});
