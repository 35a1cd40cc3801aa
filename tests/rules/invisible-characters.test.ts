/** `invisible-characters`: no zero-width or bidirectional control characters in names and texts. */
import { testRule } from '../helpers/rule-tester.js';
import { valid } from './base.js';

testRule('invisible-characters', {
  valid: [
    {
      name: 'plain Cyrillic with ё and №',
      files: { ...valid, 'units/a.yaml': 'id: a\nkind: department\nname: Отдел № 1 «Ёлка»\nparent: root\n' },
    },
  ],
  invalid: [
    {
      name: 'zero-width space in a name',
      files: { ...valid, 'units/a.yaml': 'id: a\nkind: department\nname: "Отдел\u200Bкадров"\nparent: root\n' },
      errors: [
        {
          file: 'units/a.yaml',
          line: 3,
          column: 7,
          messageId: 'invisible',
          data: { char: 'U+200B', field: 'name' },
          message: 'Invisible character U+200B in name',
        },
      ],
    },
    {
      name: 'right-to-left override in a Russian name',
      files: { ...valid, 'units/a.yaml': 'id: a\nkind: department\nparent: root\nname:\n  ru: "Отдел \u202Eвкрак"\n' },
      errors: [
        {
          file: 'units/a.yaml',
          line: 5,
          column: 7,
          messageId: 'invisible',
          data: { char: 'U+202E', field: 'name.ru' },
          message: 'U+202E in name.ru',
        },
      ],
    },
  ],
});
