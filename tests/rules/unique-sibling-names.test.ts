/** `unique-sibling-names`: Units with the same parent have different names in every language. */
import { testRule } from '../helpers/rule-tester.js';
import { unit, valid } from './base.js';

testRule('unique-sibling-names', {
  valid: [
    {
      name: 'same name under different parents',
      files: {
        ...valid,
        'units/a.yaml': unit('a'),
        'units/b.yaml': unit('b', '', 'division', 'a'),
        'units/c.yaml': 'id: c\nkind: division\nname: b\nparent: root\n',
      },
    },
  ],
  invalid: [
    {
      name: 'same Russian name, different case and spacing',
      files: {
        ...valid,
        'units/a.yaml': 'id: a\nkind: department\nparent: root\nname:\n  ru: Отдел  кадров\n',
        'units/b.yaml': 'id: b\nkind: department\nparent: root\nname:\n  ru: отдел кадров\n',
      },
      errors: [
        {
          file: 'units/b.yaml',
          line: 5,
          column: 7,
          messageId: 'duplicate',
          data: { id: 'b', lang: 'ru', name: 'отдел кадров', other: 'a' },
          message: 'Unit "b" has the same name (ru: "отдел кадров") as its sibling "a".',
        },
      ],
    },
  ],
});
