/** `function-single-lead`: No function is led by more than one unit. */
import { testRule } from '../helpers/rule-tester.js';
import { unit, valid } from './base.js';

testRule('function-single-lead', {
  valid: [{ name: 'one lead, one participant', files: { ...valid, 'units/a.yaml': unit('a') } }],
  invalid: [
    {
      name: 'two leads: both units are told',
      files: { ...valid, 'units/a.yaml': 'id: a\nkind: department\nname: A\nparent: root\nfunctions:\n  f1: lead\n' },
      errors: [
        {
          file: 'units/a.yaml',
          line: 6,
          column: 7,
          messageId: 'duplicate',
          data: { fn: 'f1', count: 2, units: 'a, root' },
          message: 'Function "f1" is led by 2 units (a, root)',
        },
        {
          file: 'units/root.yaml',
          line: 5,
          column: 7,
          messageId: 'duplicate',
          data: { fn: 'f1', count: 2, units: 'a, root' },
          message: 'Function "f1" is led by 2 units (a, root)',
        },
      ],
    },
  ],
});
