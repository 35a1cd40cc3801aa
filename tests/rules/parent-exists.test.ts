/** `parent-exists`: Every `parent` names an existing unit. */
import { testRule } from '../helpers/rule-tester.js';
import { unit, valid } from './base.js';

testRule('parent-exists', {
  valid: [{ name: 'parent exists', files: { ...valid, 'units/a.yaml': unit('a') } }],
  invalid: [
    {
      name: 'typo in parent, with a suggestion',
      files: { ...valid, 'units/a.yaml': unit('a', '', 'department', 'rot') },
      errors: [
        {
          file: 'units/a.yaml',
          line: 4,
          column: 9,
          messageId: 'missing-suggest',
          data: { parent: 'rot', suggestion: 'root' },
          message: 'Parent "rot" is not a unit of this structure; did you mean "root"?',
        },
      ],
    },
    {
      name: 'unknown parent, nothing close',
      files: { ...valid, 'units/a.yaml': unit('a', '', 'department', 'elsewhere-entirely') },
      errors: [
        {
          file: 'units/a.yaml',
          line: 4,
          column: 9,
          messageId: 'missing',
          data: { parent: 'elsewhere-entirely' },
          message: 'Parent "elsewhere-entirely" is not a unit of this structure.',
        },
      ],
    },
  ],
});
