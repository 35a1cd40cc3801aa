/** `duplicate-id`: Every unit id, function id, and kind, role and function type id is used only once. */
import { testRule } from '../helpers/rule-tester.js';
import { f1, unit, valid } from './base.js';

testRule('duplicate-id', {
  valid: [{ name: 'distinct ids', files: { ...valid, 'units/a.yaml': unit('a') } }],
  invalid: [
    {
      name: 'two units with one id',
      files: { ...valid, 'units/a.yaml': unit('a'), 'units/x/a.yaml': unit('a') },
      errors: [
        {
          file: 'units/x/a.yaml',
          line: 1,
          column: 5,
          messageId: 'unit',
          data: { id: 'a', other: 'units/a.yaml' },
          message: 'Unit id "a" is already used in units/a.yaml',
        },
      ],
    },
    {
      name: 'two functions with one id',
      files: { ...valid, 'functions/g/f1.yaml': f1 },
      errors: [
        {
          file: 'functions/g/f1.yaml',
          line: 1,
          column: 5,
          messageId: 'function',
          data: { id: 'f1', other: 'functions/f1.yaml' },
          message: 'Function id "f1" is already used in functions/f1.yaml',
        },
      ],
    },
    {
      name: 'a kind, a role and a function type declared twice',
      files: {
        'organization.yaml':
          'id: o\nname: O\nlanguages: [en]\nkinds:\n  - {id: office, name: office}\n  - {id: office, name: Office again}\nroles:\n  - {id: lead, name: lead}\n  - {id: lead, name: lead again}\nfunctionTypes:\n  - {id: policy, name: policy}\n  - {id: policy, name: policy again}\n',
        ...valid,
      },
      errors: [
        { file: 'organization.yaml', line: 6, column: 10, messageId: 'kind', data: { id: 'office', first: 1 } },
        { file: 'organization.yaml', line: 9, column: 10, messageId: 'role', data: { id: 'lead', first: 1 } },
        {
          file: 'organization.yaml',
          line: 12,
          column: 10,
          messageId: 'function-type',
          data: { id: 'policy', first: 1 },
        },
      ],
    },
  ],
});
