/** `kind-rank`: A unit's kind ranks strictly below its parent's kind in the order of `kinds`. */
import { testRule } from '../helpers/rule-tester.js';
import { unit, valid } from './base.js';

testRule('kind-rank', {
  valid: [
    {
      name: 'division under department',
      files: { ...valid, 'units/a.yaml': unit('a'), 'units/b.yaml': unit('b', '', 'division', 'a') },
    },
  ],
  invalid: [
    {
      name: 'department under division',
      files: { ...valid, 'units/a.yaml': unit('a', '', 'division'), 'units/b.yaml': unit('b', '', 'department', 'a') },
      errors: [
        {
          file: 'units/b.yaml',
          line: 2,
          column: 7,
          messageId: 'rank',
          data: { kind: 'department', parent: 'a', parentKind: 'division', order: 'office > department > division' },
          message: 'A unit of kind "department" cannot be placed under "a" of kind "division"',
        },
      ],
    },
    {
      name: 'same kind as the parent',
      files: { ...valid, 'units/a.yaml': unit('a'), 'units/b.yaml': unit('b', '', 'department', 'a') },
      errors: [
        {
          file: 'units/b.yaml',
          line: 2,
          column: 7,
          messageId: 'rank',
          data: { kind: 'department', parent: 'a', parentKind: 'department', order: 'office > department > division' },
          message: 'office > department > division',
        },
      ],
    },
  ],
});
