/** `name-languages`: Every unit and function name has a text in each required language. */
import { testRule } from '../helpers/rule-tester.js';
import { valid } from './base.js';

testRule('name-languages', {
  valid: [
    { name: 'default: only the first language is required', files: valid },
    {
      name: 'both required languages present',
      files: {
        'organization.yaml':
          'id: o\nname: O\nlanguages: [ru, en]\nkinds: [{id: office, name: office}]\nrules:\n  name-languages: [warn, {required: [ru, en]}]\n',
        'units/root.yaml': 'id: root\nkind: office\nname: {ru: Корень, en: Root}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'English required but missing',
      files: {
        'organization.yaml':
          'id: o\nname: O\nlanguages: [ru, en]\nkinds: [{id: office, name: office}]\nrules:\n  name-languages: [warn, {required: [ru, en]}]\n',
        'units/root.yaml': 'id: root\nkind: office\nname:\n  ru: Корень\n',
      },
      errors: [
        {
          file: 'units/root.yaml',
          line: 4,
          column: 3,
          messageId: 'missing',
          data: { id: 'root', lang: 'en' },
          message: 'The name of "root" has no text in "en".',
        },
      ],
    },
  ],
});
