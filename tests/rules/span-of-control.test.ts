/** `span-of-control`: No unit has more direct subunits than `max`. */
import { testRule } from '../helpers/rule-tester.js';
import { unit, valid } from './base.js';

testRule('span-of-control', {
  valid: [
    {
      name: 'three children',
      files: { ...valid, 'units/a.yaml': unit('a'), 'units/b.yaml': unit('b'), 'units/c.yaml': unit('c') },
    },
  ],
  invalid: [
    {
      name: 'three children with max 2',
      files: {
        'organization.yaml': `id: o\nname: O\nlanguages: [en]\nkinds:\n  - {id: office, name: office}\n  - {id: department, name: department}\nrules:\n  span-of-control: [error, {max: 2}]\n`,
        ...valid,
        'units/a.yaml': unit('a'),
        'units/b.yaml': unit('b'),
        'units/c.yaml': unit('c'),
      },
      errors: [
        {
          file: 'units/root.yaml',
          line: 1,
          column: 5,
          messageId: 'wide',
          data: { id: 'root', count: 3, max: 2 },
          message: 'Unit "root" has 3 direct subunits; the limit is 2.',
          severity: 'error',
        },
      ],
    },
  ],
});
