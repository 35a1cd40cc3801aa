/** `filename-matches-id`: The file name without extension equals the id it holds. */
import { testRule } from '../helpers/rule-tester.js';
import { unit, valid } from './base.js';

testRule('filename-matches-id', {
  valid: [{ name: 'stem equals id', files: { ...valid, 'units/a.yml': unit('a') } }],
  invalid: [
    {
      name: 'stem differs',
      files: { ...valid, 'units/b.yaml': unit('a') },
      errors: [
        {
          file: 'units/b.yaml',
          line: 1,
          column: 5,
          messageId: 'mismatch',
          data: { id: 'a', stem: 'b' },
          message: 'The id "a" differs from the file name "b"',
        },
      ],
    },
  ],
});
