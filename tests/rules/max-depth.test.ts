/** `max-depth`: The tree has at most `max` levels, the root being level 1. */
import { testRule } from '../helpers/rule-tester.js';
import { unit, valid } from './base.js';

testRule('max-depth', {
  valid: [
    {
      name: 'three levels',
      files: { ...valid, 'units/a.yaml': unit('a'), 'units/b.yaml': unit('b', '', 'division', 'a') },
    },
  ],
  invalid: [
    {
      name: 'limit of two levels',
      files: {
        'organization.yaml': `id: o\nname: O\nlanguages: [en]\nkinds:\n  - {id: office, name: office}\n  - {id: department, name: department}\n  - {id: division, name: division}\nrules:\n  max-depth: [warn, {max: 2}]\n`,
        ...valid,
        'units/a.yaml': unit('a'),
        'units/b.yaml': unit('b', '', 'division', 'a'),
      },
      errors: [
        {
          file: 'units/b.yaml',
          line: 4,
          column: 9,
          messageId: 'deep',
          data: { id: 'b', level: 3, max: 2 },
          message: 'Unit "b" is at level 3; the structure allows 2 levels.',
          severity: 'warning',
        },
      ],
    },
  ],
});
