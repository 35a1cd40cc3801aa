import { testRule } from '../helpers/rule-tester.js';
import { f1, unit, valid } from './base.js';

testRule('duplicate-id', {
  valid: [{ name: 'distinct ids', files: { ...valid, 'units/a.yaml': unit('a') } }],
  invalid: [
    {
      name: 'two units with one id',
      files: { ...valid, 'units/a.yaml': unit('a'), 'units/x/a.yaml': unit('a') },
      errors: [{ file: 'units/x/a.yaml', line: 1, column: 5, message: 'Unit id "a" is already used in units/a.yaml' }],
    },
    {
      name: 'two functions with one id',
      files: { ...valid, 'functions/g/f1.yaml': f1 },
      errors: [
        {
          file: 'functions/g/f1.yaml',
          line: 1,
          column: 5,
          message: 'Function id "f1" is already used in functions/f1.yaml',
        },
      ],
    },
  ],
});

testRule('filename-matches-id', {
  valid: [{ name: 'stem equals id', files: { ...valid, 'units/a.yml': unit('a') } }],
  invalid: [
    {
      name: 'stem differs',
      files: { ...valid, 'units/b.yaml': unit('a') },
      errors: [{ file: 'units/b.yaml', line: 1, column: 5, message: 'The id "a" differs from the file name "b"' }],
    },
  ],
});

testRule('single-root', {
  valid: [{ name: 'one root', files: { ...valid, 'units/a.yaml': unit('a') } }],
  invalid: [
    {
      name: 'second unit without parent',
      files: { ...valid, 'units/a.yaml': unit('a'), 'units/b.yaml': 'id: b\nkind: office\nname: B\n' },
      errors: [
        { file: 'units/b.yaml', line: 1, column: 5, message: 'Unit "b" has no parent, but "root" is already the root' },
      ],
    },
    {
      name: 'every unit has a parent',
      files: {
        'units/a.yaml': unit('a', '', 'department', 'b'),
        'units/b.yaml': unit('b', '', 'department', 'a'),
        'functions/f1.yaml': f1,
      },
      errors: [{ file: 'organization.yaml', line: 1, column: 1, message: 'No unit is the root' }],
    },
  ],
});

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
          message: 'Parent "elsewhere-entirely" is not a unit of this structure.',
        },
      ],
    },
  ],
});

testRule('no-cycles', {
  valid: [
    { name: 'a chain', files: { ...valid, 'units/a.yaml': unit('a'), 'units/b.yaml': unit('b', '', 'division', 'a') } },
  ],
  invalid: [
    {
      name: 'two units pointing at each other',
      files: {
        ...valid,
        'units/a.yaml': unit('a', '', 'department', 'b'),
        'units/b.yaml': unit('b', '', 'department', 'a'),
      },
      errors: [{ file: 'units/a.yaml', line: 4, column: 9, message: 'The chain of parents loops: a → b → a.' }],
    },
    {
      name: 'a unit that is its own parent',
      files: { ...valid, 'units/a.yaml': unit('a', '', 'department', 'a') },
      errors: [{ file: 'units/a.yaml', line: 4, column: 9, message: 'a → a' }],
    },
  ],
});

testRule('kind-exists', {
  valid: [{ name: 'declared kind', files: { ...valid, 'units/a.yaml': unit('a') } }],
  invalid: [
    {
      name: 'misspelt kind',
      files: { ...valid, 'units/a.yaml': unit('a', '', 'departmnt') },
      errors: [{ file: 'units/a.yaml', line: 2, column: 7, message: 'did you mean "department"?' }],
    },
  ],
});

testRule('kind-rank', {
  valid: [
    {
      name: 'division under department',
      files: { ...valid, 'units/a.yaml': unit('a'), 'units/b.yaml': unit('b', '', 'division', 'a') },
    },
  ],
  invalid: [
    {
      name: 'department under division',
      files: { ...valid, 'units/a.yaml': unit('a', '', 'division'), 'units/b.yaml': unit('b', '', 'department', 'a') },
      errors: [
        {
          file: 'units/b.yaml',
          line: 2,
          column: 7,
          message: 'A unit of kind "department" cannot be placed under "a" of kind "division"',
        },
      ],
    },
    {
      name: 'same kind as the parent',
      files: { ...valid, 'units/a.yaml': unit('a'), 'units/b.yaml': unit('b', '', 'department', 'a') },
      errors: [{ file: 'units/b.yaml', line: 2, column: 7, message: 'office > department > division' }],
    },
  ],
});

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
          message: 'Unit "b" is at level 3; the structure allows 2 levels.',
          severity: 'warning',
        },
      ],
    },
  ],
});

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
          message: 'Unit "root" has 3 direct subunits; the limit is 2.',
          severity: 'error',
        },
      ],
    },
  ],
});

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
          message: 'Unit "b" has the same name (ru: "отдел кадров") as its sibling "a".',
        },
      ],
    },
  ],
});

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
          message: 'Option "max" of rule span-of-control must be at least 1.',
        },
        { file: 'organization.yaml', line: 6, column: 36, message: 'Rule span-of-control has no option "min".' },
        {
          file: 'organization.yaml',
          line: 7,
          column: 37,
          message: 'Option "required" of rule name-languages must be a list of strings.',
        },
      ],
    },
  ],
});
