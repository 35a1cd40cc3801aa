/** `no-cycles`: No chain of parents leads back to where it started. */
import { testRule } from '../helpers/rule-tester.js';
import { unit, valid } from './base.js';

testRule('no-cycles', {
  valid: [
    { name: 'a chain', files: { ...valid, 'units/a.yaml': unit('a'), 'units/b.yaml': unit('b', '', 'division', 'a') } },
  ],
  invalid: [
    {
      name: 'two units pointing at each other',
      files: {
        ...valid,
        'units/a.yaml': unit('a', '', 'department', 'b'),
        'units/b.yaml': unit('b', '', 'department', 'a'),
      },
      errors: [
        {
          file: 'units/a.yaml',
          line: 4,
          column: 9,
          messageId: 'cycle',
          data: { chain: 'a → b → a' },
          message: 'The chain of parents loops: a → b → a.',
        },
      ],
    },
    {
      name: 'a unit that is its own parent',
      files: { ...valid, 'units/a.yaml': unit('a', '', 'department', 'a') },
      errors: [
        { file: 'units/a.yaml', line: 4, column: 9, messageId: 'cycle', data: { chain: 'a → a' }, message: 'a → a' },
      ],
    },
  ],
});
