/** `schema`: Every file matches its JSON Schema in schemas/. */
import { testRule } from '../helpers/rule-tester.js';
import { valid } from './base.js';

testRule('schema', {
  valid: [
    {
      name: 'rule options of the right type',
      files: {
        'organization.yaml':
          'id: o\nname: O\nlanguages: [en]\nkinds: [{id: office, name: office}]\nrules:\n  span-of-control: [warn, {max: 3}]\n',
        ...valid,
      },
    },
  ],
  invalid: [
    {
      name: 'rule options checked against the rule’s own option list',
      files: {
        'organization.yaml':
          'id: o\nname: O\nlanguages: [en]\nkinds: [{id: office, name: office}]\nrules:\n  span-of-control: [warn, {max: 0, min: 2}]\n  name-languages: [warn, {required: ru}]\n',
        ...valid,
      },
      errors: [
        {
          file: 'organization.yaml',
          line: 6,
          column: 33,
          messageId: 'option-minimum',
          data: { option: 'max', ruleId: 'span-of-control', minimum: 1 },
          message: 'Option "max" of rule span-of-control must be at least 1.',
        },
        {
          file: 'organization.yaml',
          line: 6,
          column: 36,
          messageId: 'option-unknown',
          data: { option: 'min', ruleId: 'span-of-control' },
          message: 'Rule span-of-control has no option "min".',
        },
        {
          file: 'organization.yaml',
          line: 7,
          column: 37,
          messageId: 'option-strings',
          data: { option: 'required', ruleId: 'name-languages' },
          message: 'Option "required" of rule name-languages must be a list of strings.',
        },
      ],
    },
    {
      name: 'a limit that is not a whole number, and an option for a rule that takes none',
      files: {
        'organization.yaml':
          'id: o\nname: O\nlanguages: [en]\nkinds: [{id: office, name: office}, {id: department, name: department}]\nrules:\n  max-depth: [warn, {max: 2.5}]\n  kind-rank: [error, {strict: true}]\n',
        ...valid,
      },
      errors: [
        {
          file: 'organization.yaml',
          line: 6,
          column: 27,
          messageId: 'option-integer',
          data: { option: 'max', ruleId: 'max-depth' },
        },
        {
          file: 'organization.yaml',
          line: 7,
          column: 23,
          messageId: 'option-unknown',
          data: { option: 'strict', ruleId: 'kind-rank' },
        },
      ],
    },
    {
      name: 'an unknown property and a value of the wrong type in a unit',
      files: {
        ...valid,
        'units/a.yaml': 'id: a\nkind: department\nname: A\nparent: root\ncolour: red\norder: first\n',
      },
      errors: [
        { file: 'units/a.yaml', line: 5, column: 1, messageId: 'unknown-property', data: { property: 'colour' } },
        { file: 'units/a.yaml', line: 6, column: 8, messageId: 'type', data: { expected: 'number' } },
      ],
    },
    {
      name: 'an option named like a property every object has',
      files: {
        'organization.yaml':
          'id: o\nname: O\nlanguages: [en]\nkinds: [{id: office, name: office}]\nrules:\n  span-of-control: [warn, {toString: 1}]\n',
        ...valid,
      },
      errors: [
        {
          file: 'organization.yaml',
          line: 6,
          column: 28,
          messageId: 'option-unknown',
          data: { option: 'toString', ruleId: 'span-of-control' },
        },
      ],
    },
    {
      name: 'numbers and lengths outside their limits, worded by the tool rather than the validator',
      files: {
        ...valid,
        'units/a.yaml': `id: a\nkind: department\nname: A\nparent: root\npositions:\n  - {title: Clerk, count: -3}\n  - {title: Officer, count: 2000000}\n`,
        'functions/f2.yaml': `id: ${'f'.repeat(130)}\nname: F\n`,
      },
      errors: [
        {
          file: 'functions/f2.yaml',
          line: 1,
          column: 5,
          messageId: 'max-length',
          data: { length: 130, limit: 128 },
          message: 'Is 130 characters long; at most 128 are allowed.',
        },
        {
          file: 'units/a.yaml',
          line: 6,
          column: 27,
          messageId: 'minimum',
          data: { value: '-3', limit: 0 },
          message: '-3 is below the least allowed value, 0.',
        },
        {
          file: 'units/a.yaml',
          line: 7,
          column: 29,
          messageId: 'maximum',
          data: { value: '2000000', limit: 1000000 },
          message: '2000000 is above the greatest allowed value, 1000000.',
        },
      ],
    },
  ],
});
