/**
 * A rule is typed by its own metadata: `report` accepts only the rule's message ids, with the data
 * each template needs; options are typed from the rule's schema. The `@ts-expect-error` lines are
 * the test: `tsc` (npm test runs it over tests/) fails if any of them stops being an error.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { LoadedStructure } from '../../src/model/loaded.js';
import type { OrgModel } from '../../src/model/model.js';
import { defineRule, templatesFor, type Placeholders } from '../../src/rules/rule.js';

const probe = defineRule({
  id: 'probe',
  meta: {
    description: 'A rule made for this test.',
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      properties: {
        max: { type: 'integer', minimum: 1, description: 'A limit.' },
        names: { type: 'array', items: { type: 'string' }, description: 'Some names.' },
      },
      additionalProperties: false,
    },
    messages: { plain: 'Plain.', counted: 'Unit "{{id}}" has {{count|one child|children}}.' },
  },
  defaultOptions: { max: 3 },
  check({ options, report }) {
    expectTypeOf(options.max).toEqualTypeOf<number>();
    expectTypeOf(options.names).toEqualTypeOf<ReadonlyArray<string> | undefined>();
    report({ messageId: 'plain', file: 'a.yaml' });
    report({ messageId: 'counted', data: { id: 'a', count: options.max }, file: 'a.yaml', path: ['id'] });
    // @ts-expect-error: `missing` is not a message of this rule
    report({ messageId: 'missing', file: 'b.yaml' });
    // @ts-expect-error: the template needs {{count}}
    report({ messageId: 'counted', data: { id: 'a' }, file: 'c.yaml' });
    // @ts-expect-error: the template has no {{other}}
    report({ messageId: 'counted', data: { id: 'a', count: 1, other: 'x' }, file: 'd.yaml' });
    // @ts-expect-error: a template without placeholders takes no data
    report({ messageId: 'plain', data: { id: 'a' }, file: 'e.yaml' });
  },
});

describe('defineRule', () => {
  it('hands the check its options and collects what it reports', () => {
    const reports: Array<Omit<Finding, 'rule'>> = [];
    probe.check({
      model: {} as OrgModel,
      loaded: {} as LoadedStructure,
      options: { max: 2 },
      report: (r) => reports.push(r),
    });
    expect(reports.map((r) => [r.messageId, r.file, r.data])).toEqual([
      ['plain', 'a.yaml', undefined],
      ['counted', 'a.yaml', { id: 'a', count: 2 }],
      ['missing', 'b.yaml', undefined],
      ['counted', 'c.yaml', { id: 'a' }],
      ['counted', 'd.yaml', { id: 'a', count: 1, other: 'x' }],
      ['plain', 'e.yaml', { id: 'a' }],
    ]);
  });

  it('reads the placeholders of a template, plural forms included', () => {
    expectTypeOf<Placeholders<'Unit "{{id}}" has {{count|one|many}} in {{id}}'>>().toEqualTypeOf<'id' | 'count'>();
    expectTypeOf<Placeholders<'No placeholders.'>>().toEqualTypeOf<never>();
  });
});

describe('templatesFor', () => {
  interface Data {
    named: { name: string };
    plain: Record<never, never>;
  }
  const templates = templatesFor<Data>();

  it('takes templates that cover every id with the data each receives', () => {
    expect(templates({ named: 'Name {{name}}.', plain: 'Plain.' })).toEqual({
      named: 'Name {{name}}.',
      plain: 'Plain.',
    });
  });

  it('refuses a missing id, an id nobody reports and a placeholder not in the data', () => {
    // @ts-expect-error: `plain` has no template
    templates({ named: 'Name {{name}}.' });
    // @ts-expect-error: no finding has the id `extra`
    templates({ named: 'Name {{name}}.', plain: 'Plain.', extra: 'Never shown.' });
    // @ts-expect-error: `named` findings carry no {{size}}
    templates({ named: 'Name {{name}}, size {{size}}.', plain: 'Plain.' });
    // @ts-expect-error: `plain` findings carry no data
    templates({ named: 'Name {{name}}.', plain: 'Plain {{name}}.' });
    expect(true).toBe(true);
  });
});
