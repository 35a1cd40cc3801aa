/** `single-root`: Exactly one unit has no parent. */
import { testRule } from '../helpers/rule-tester.js';
import { f1, unit, valid } from './base.js';

testRule('single-root', {
  valid: [{ name: 'one root', files: { ...valid, 'units/a.yaml': unit('a') } }],
  invalid: [
    {
      name: 'second unit without parent',
      files: { ...valid, 'units/a.yaml': unit('a'), 'units/b.yaml': 'id: b\nkind: office\nname: B\n' },
      errors: [
        {
          file: 'units/b.yaml',
          line: 1,
          column: 5,
          messageId: 'extra',
          data: { id: 'b', root: 'root' },
          message: 'Unit "b" has no parent, but "root" is already the root',
        },
      ],
    },
    {
      name: 'every unit has a parent',
      files: {
        'units/a.yaml': unit('a', '', 'department', 'b'),
        'units/b.yaml': unit('b', '', 'department', 'a'),
        'functions/f1.yaml': f1,
      },
      errors: [{ file: 'organization.yaml', line: 1, column: 1, messageId: 'none', message: 'No unit is the root' }],
    },
  ],
});
