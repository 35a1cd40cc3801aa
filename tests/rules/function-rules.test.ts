import { testRule } from '../helpers/rule-tester.js';
import { f1, unit, valid } from './base.js';

const f2 = 'id: f2\nname: Second function\ntype: service\n';
const orgWithTypes = `id: o
name: O
languages: [en, ru]
kinds:
  - id: office
    name: office
    functionTypes: [policy, control]
  - {id: department, name: department}
functionTypes:
  - {id: policy, name: policy}
  - {id: control, name: control}
  - {id: service, name: service}
`;

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
          message: 'Function "f11" is not described in functions/; did you mean "f1"?',
        },
      ],
    },
  ],
});

testRule('role-exists', {
  valid: [
    { name: 'default roles', files: { ...valid, 'units/a.yaml': unit('a', '  f1: informed\n'.replace('f1', 'f1')) } },
  ],
  invalid: [
    {
      name: 'unknown role points at the value',
      files: { ...valid, 'units/a.yaml': 'id: a\nkind: department\nname: A\nparent: root\nfunctions:\n  f1: leader\n' },
      errors: [
        {
          file: 'units/a.yaml',
          line: 6,
          column: 7,
          message: 'Role "leader" is not one of the roles; did you mean "lead"?',
        },
      ],
    },
  ],
});

testRule('function-has-lead', {
  valid: [{ name: 'led function', files: valid }],
  invalid: [
    {
      name: 'function nobody leads',
      files: { ...valid, 'functions/f2.yaml': 'id: f2\nname: Orphan\n' },
      errors: [
        { file: 'functions/f2.yaml', line: 1, column: 5, message: 'No unit leads function "f2"', severity: 'warning' },
      ],
    },
  ],
});

testRule('function-single-lead', {
  valid: [{ name: 'one lead, one participant', files: { ...valid, 'units/a.yaml': unit('a') } }],
  invalid: [
    {
      name: 'two leads: both units are told',
      files: { ...valid, 'units/a.yaml': 'id: a\nkind: department\nname: A\nparent: root\nfunctions:\n  f1: lead\n' },
      errors: [
        { file: 'units/a.yaml', line: 6, column: 7, message: 'Function "f1" is led by 2 units (a, root)' },
        { file: 'units/root.yaml', line: 5, column: 7, message: 'Function "f1" is led by 2 units (a, root)' },
      ],
    },
  ],
});

testRule('unit-has-functions', {
  valid: [{ name: 'unit with a role', files: { ...valid, 'units/a.yaml': unit('a') } }],
  invalid: [
    {
      name: 'unit without functions',
      files: { ...valid, 'units/a.yaml': 'id: a\nkind: department\nname: A\nparent: root\n' },
      errors: [
        {
          file: 'units/a.yaml',
          line: 1,
          column: 5,
          message: 'Unit "a" takes part in no function.',
          severity: 'warning',
        },
      ],
    },
  ],
});

testRule('function-type-allowed', {
  valid: [
    {
      name: 'office leads policy',
      files: { 'organization.yaml': orgWithTypes, ...valid, 'functions/f1.yaml': `${f1}type: policy\n` },
    },
    {
      name: 'a department may lead services',
      files: {
        'organization.yaml': orgWithTypes,
        ...valid,
        'functions/f2.yaml': f2,
        'units/a.yaml': unit('a', '  f2: lead\n'),
      },
    },
    {
      name: 'the office may take part in a service it does not lead',
      files: {
        'organization.yaml': orgWithTypes,
        'units/root.yaml': 'id: root\nkind: office\nname: Root\nfunctions:\n  f2: participant\n',
        'functions/f2.yaml': f2,
      },
    },
  ],
  invalid: [
    {
      name: 'office leads a service',
      files: {
        'organization.yaml': orgWithTypes,
        'units/root.yaml': 'id: root\nkind: office\nname: Root\nfunctions:\n  f2: lead\n',
        'functions/f2.yaml': f2,
      },
      errors: [{ file: 'units/root.yaml', line: 5, column: 7, message: 'may lead only: policy, control' }],
    },
  ],
});

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
      errors: [{ file: 'units/root.yaml', line: 4, column: 3, message: 'The name of "root" has no text in "en".' }],
    },
  ],
});

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
      errors: [{ file: 'units/a.yaml', line: 3, column: 7, message: 'Invisible character U+200B in name' }],
    },
    {
      name: 'right-to-left override in a Russian name',
      files: { ...valid, 'units/a.yaml': 'id: a\nkind: department\nparent: root\nname:\n  ru: "Отдел \u202Eвкрак"\n' },
      errors: [{ file: 'units/a.yaml', line: 5, column: 7, message: 'U+202E in name.ru' }],
    },
  ],
});
