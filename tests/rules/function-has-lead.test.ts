/** `function-has-lead`: Every function is led (role `lead`) by some unit. */
import { testRule } from '../helpers/rule-tester.js';
import { valid } from './base.js';

testRule('function-has-lead', {
  valid: [{ name: 'led function', files: valid }],
  invalid: [
    {
      name: 'function nobody leads',
      files: { ...valid, 'functions/f2.yaml': 'id: f2\nname: Orphan\n' },
      errors: [
        {
          file: 'functions/f2.yaml',
          line: 1,
          column: 5,
          messageId: 'no-lead',
          data: { fn: 'f2' },
          message: 'No unit leads function "f2"',
          severity: 'warning',
        },
      ],
    },
  ],
});
