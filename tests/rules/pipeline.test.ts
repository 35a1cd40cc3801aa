/**
 * The findings pipeline: check → applyConfig → describe, composed by validateStructure. Findings
 * that configuration drops are never located, and a diagnostic keeps its message id and data.
 */
import { describe, expect, it } from 'vitest';
import { load } from '../helpers/structure.js';
import { unit, valid } from './base.js';

import { translator } from '../../src/i18n/format.js';
import { documentsOf, StructureDocuments } from '../../src/load/document.js';
import { locator } from '../../src/load/locate.js';
import {
  applyConfig,
  check,
  describe as describeFindings,
  ruleConfig,
  validateStructure,
} from '../../src/rules/run.js';

const t = translator('en');

// `a` takes part in no function (a warning); `b` names a parent that does not exist (an error).
const files = {
  ...valid,
  'units/a.yaml': 'id: a\nkind: department\nname: A\nparent: root\n',
  'units/b.yaml': unit('b', '', 'department', 'nowhere'),
};

describe('the findings pipeline', () => {
  it('finds raw findings, gives them severity, then locates and words them', () => {
    const loaded = load(files);
    const config = ruleConfig(loaded);
    const raw = check(loaded, { config });
    expect(raw.map((f) => [f.rule, f.messageId, f.file])).toEqual(
      expect.arrayContaining([
        ['unit-has-functions', 'none', 'units/a.yaml'],
        ['parent-exists', 'missing', 'units/b.yaml'],
      ]),
    );
    const severed = applyConfig(raw, config.config);
    expect(severed.map((f) => [f.rule, f.severity])).toEqual(
      expect.arrayContaining([
        ['unit-has-functions', 'warning'],
        ['parent-exists', 'error'],
      ]),
    );
    const diagnostics = describeFindings(severed, t, documentsOf(loaded));
    expect(diagnostics).toEqual(validateStructure(loaded, t).diagnostics);
    expect(diagnostics.find((d) => d.rule === 'parent-exists')).toEqual({
      rule: 'parent-exists',
      messageId: 'missing',
      severity: 'error',
      message: 'Parent "nowhere" is not a unit of this structure.',
      data: { parent: 'nowhere' },
      file: 'units/b.yaml',
      line: 4,
      column: 9,
      endLine: 4,
      endColumn: 16,
    });
  });

  it('with errorsOnly, never locates or words a warning', () => {
    const loaded = load(files);
    const located: string[] = [];
    const documents = new StructureDocuments(loaded.texts, (text) => {
      located.push(text.split('\n')[0]!);
      return locator(text);
    });
    const { diagnostics, summary } = validateStructure(loaded, t, { errorsOnly: true, documents });
    expect(diagnostics.map((d) => d.rule)).toEqual(['parent-exists']);
    expect(summary).toMatchObject({ errors: 1, warnings: 0, infos: 0 });
    expect(located).toEqual(['id: b']);
  });

  it('drops the findings of a rule that is off', () => {
    const loaded = load({
      ...files,
      'organization.yaml':
        'id: o\nname: O\nlanguages: [en]\nkinds: [{id: office, name: office}, {id: department, name: department}]\nrules:\n  parent-exists: off\n',
    });
    const config = ruleConfig(loaded);
    expect(applyConfig(check(loaded, { config }), config.config).map((f) => f.rule)).not.toContain('parent-exists');
  });
});
