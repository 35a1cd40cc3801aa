/** `kind-exists`: Every unit `kind` is listed under `kinds` in organization.yaml. */
import { testRule } from '../helpers/rule-tester.js';
import { unit, valid } from './base.js';

testRule('kind-exists', {
  valid: [{ name: 'declared kind', files: { ...valid, 'units/a.yaml': unit('a') } }],
  invalid: [
    {
      name: 'misspelt kind',
      files: { ...valid, 'units/a.yaml': unit('a', '', 'departmnt') },
      errors: [
        {
          file: 'units/a.yaml',
          line: 2,
          column: 7,
          messageId: 'unknown-suggest',
          data: { kind: 'departmnt', suggestion: 'department' },
          message: 'did you mean "department"?',
        },
      ],
    },
    {
      name: 'a kind nothing like the declared ones',
      files: { ...valid, 'units/a.yaml': unit('a', '', 'committee-of-everything') },
      errors: [
        {
          file: 'units/a.yaml',
          line: 2,
          column: 7,
          messageId: 'unknown',
          data: { kind: 'committee-of-everything', kinds: 'office, department, division' },
        },
      ],
    },
  ],
});
