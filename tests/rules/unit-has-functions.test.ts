/** `unit-has-functions`: Every unit takes part in at least one function. */
import { testRule } from '../helpers/rule-tester.js';
import { unit, valid } from './base.js';

testRule('unit-has-functions', {
  valid: [{ name: 'unit with a role', files: { ...valid, 'units/a.yaml': unit('a') } }],
  invalid: [
    {
      name: 'unit without functions',
      files: { ...valid, 'units/a.yaml': 'id: a\nkind: department\nname: A\nparent: root\n' },
      errors: [
        {
          file: 'units/a.yaml',
          line: 1,
          column: 5,
          messageId: 'none',
          data: { id: 'a' },
          message: 'Unit "a" takes part in no function.',
          severity: 'warning',
        },
      ],
    },
  ],
});
