/**
 * The README's Library example, run as written against the built package (dist/index.js through
 * the package's `exports`), the way a project that installed orgcode would import it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

describe('the README Library example', () => {
  it('runs as written', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Library\n'));
    const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code, 'a js block under ## Library').toBeDefined();
    const project = mkdtempSync(join(tmpdir(), 'org-library-'));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(ROOT, join(project, 'node_modules', 'orgcode'), 'dir');
    writeFileSync(join(project, 'example.mjs'), code!);
    // The example reads ./structure: run it where the Bishkek structure is.
    const r = spawnSync(process.execPath, [join(project, 'example.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      '18 units, 0 errors',
      '✔ 18 units and 11 functions: no errors or warnings; 15 notes.',
      'draft is valid',
      'Reorganisation: 2 units added, 18 removed, 1 function added, 11 removed',
      expect.stringMatching(/^# Function matrix: City hall/),
      'chart drawn',
      '',
    ]);
  });

  it('has types for the whole API and none from the bundled packages', () => {
    const types =
      readFileSync(join(ROOT, 'dist', 'index.d.ts'), 'utf8') + readFileSync(join(ROOT, 'dist', 'types.d.ts'), 'utf8');
    for (const name of [
      'readStructure',
      'structureFromFiles',
      'validate',
      'diff',
      'renderChart',
      'renderMatrix',
      'formatDiagnostics',
    ])
      expect(types).toContain(`function ${name}(`);
    expect(types).not.toMatch(/from '(yaml|ajv|commander|chalk)'/);
  });
});
