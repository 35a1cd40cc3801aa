/** `function-exists`: Every key of a unit's `functions` map names a function in functions/. */
import { testRule } from '../helpers/rule-tester.js';
import { unit, valid } from './base.js';

testRule('function-exists', {
  valid: [{ name: 'known function', files: valid }],
  invalid: [
    {
      name: 'misspelt function id points at the key',
      files: { ...valid, 'units/a.yaml': unit('a', '  f11: participant\n') },
      errors: [
        {
          file: 'units/a.yaml',
          line: 7,
          column: 3,
          messageId: 'unknown-suggest',
          data: { fn: 'f11', suggestion: 'f1' },
          message: 'Function "f11" is not described in functions/; did you mean "f1"?',
        },
      ],
    },
    {
      name: 'a function nothing like the described ones',
      files: { ...valid, 'units/a.yaml': unit('a', '  procurement-of-everything: participant\n') },
      errors: [
        { file: 'units/a.yaml', line: 7, column: 3, messageId: 'unknown', data: { fn: 'procurement-of-everything' } },
      ],
    },
  ],
});
