/** `valid-dates`: impossible days, empty periods, and units in force without their parent. */
import { expect, it } from 'vitest';
import { diagnosticsOf, testRule } from '../helpers/rule-tester.js';
import { f1, unit, valid } from './base.js';

const dated = (from: string | undefined, until: string | undefined, id = 'root'): string =>
  `id: ${id}\nkind: office\nname: Root\nfunctions:\n  f1: lead\n${from ? `from: "${from}"\n` : ''}${until ? `until: "${until}"\n` : ''}`;

testRule('valid-dates', {
  valid: [
    { name: 'no dates at all', files: { ...valid, 'units/a.yaml': unit('a') } },
    {
      name: 'a leap day and a period after it',
      files: { ...valid, 'units/a.yaml': unit('a', 'from: "2024-02-29"\nuntil: "2024-03-01"\n') },
    },
    {
      name: 'a child inside its parent period',
      files: {
        'units/root.yaml': dated('2020-01-01', '2030-01-01'),
        'functions/f1.yaml': f1,
        'units/a.yaml': unit('a', 'from: "2021-01-01"\nuntil: "2029-01-01"\n'),
      },
    },
    { name: 'a child of an undated parent', files: { ...valid, 'units/a.yaml': unit('a', 'from: "1999-12-31"\n') } },
    {
      name: 'a function with a period',
      files: {
        'units/root.yaml': dated(undefined, undefined),
        'functions/f1.yaml': `${f1}from: "2024-01-01"\nuntil: "2025-01-01"\n`,
      },
    },
  ],
  invalid: [
    {
      name: 'a day that does not exist',
      files: { ...valid, 'units/a.yaml': unit('a', 'from: "2023-02-29"\n') },
      errors: [
        {
          file: 'units/a.yaml',
          line: 7,
          column: 7,
          messageId: 'not-a-day',
          data: { field: 'from', value: '2023-02-29' },
          message: 'from "2023-02-29" is not a day of the calendar.',
        },
      ],
    },
    {
      name: 'until on the day of from',
      files: { ...valid, 'units/a.yaml': unit('a', 'from: "2024-03-01"\nuntil: "2024-03-01"\n') },
      errors: [
        {
          file: 'units/a.yaml',
          line: 8,
          column: 8,
          messageId: 'until-not-after-from',
          data: { from: '2024-03-01', until: '2024-03-01' },
          message: '`until` 2024-03-01 is not after `from` 2024-03-01',
        },
      ],
    },
    {
      name: 'a function abolished before it starts',
      files: {
        'units/root.yaml': dated(undefined, undefined),
        'functions/f1.yaml': `${f1}from: "2025-01-01"\nuntil: "2024-01-01"\n`,
      },
      errors: [
        {
          file: 'functions/f1.yaml',
          line: 4,
          column: 8,
          messageId: 'until-not-after-from',
          data: { from: '2025-01-01', until: '2024-01-01' },
          message: '`until` 2024-01-01 is not after `from` 2025-01-01',
        },
      ],
    },
    {
      name: 'a child created before its parent, and one outliving it without an end',
      files: {
        'units/root.yaml': dated('2020-01-01', '2030-01-01'),
        'functions/f1.yaml': f1,
        'units/a.yaml': unit('a', 'from: "2019-06-01"\nuntil: "2025-01-01"\n'),
        'units/b.yaml': unit('b', 'from: "2021-01-01"\n'),
      },
      errors: [
        {
          file: 'units/a.yaml',
          line: 7,
          column: 7,
          messageId: 'outside-parent',
          data: { period: '2019-06-01 – 2025-01-01', parent: 'root', parentPeriod: '2020-01-01 – 2030-01-01' },
          message: 'In force 2019-06-01 – 2025-01-01, but its parent "root" only 2020-01-01 – 2030-01-01',
        },
        {
          file: 'units/b.yaml',
          line: 4,
          column: 9,
          messageId: 'outside-parent',
          data: { period: '2021-01-01 – …', parent: 'root', parentPeriod: '2020-01-01 – 2030-01-01' },
          message: 'In force 2021-01-01 – …, but its parent "root" only 2020-01-01 – 2030-01-01',
        },
      ],
    },
    {
      name: 'an impossible date of an act',
      files: { ...valid, 'units/a.yaml': unit('a', 'basis: { kind: order, number: 5, date: "2024-13-01" }\n') },
      errors: [
        {
          file: 'units/a.yaml',
          line: 7,
          column: 40,
          messageId: 'not-a-day',
          data: { field: 'basis.date', value: '2024-13-01' },
          message: 'basis.date "2024-13-01" is not a day of the calendar.',
        },
      ],
    },
  ],
});

it('the schema refuses a date of the wrong shape, a link that is not http(s) and an unknown kind of act', () => {
  const found = diagnosticsOf('schema', {
    ...valid,
    'units/a.yaml': unit('a', 'from: 1 March 2024\nbasis: { kind: ukaz, url: "javascript:alert(1)" }\n'),
  });
  expect(found.map((d) => d.line)).toEqual([7, 8, 8]);
});
