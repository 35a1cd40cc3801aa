/** `function-type-allowed`: a unit leads only functions of the types its kind allows. */
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
      errors: [
        {
          file: 'units/root.yaml',
          line: 5,
          column: 7,
          messageId: 'forbidden',
          data: { id: 'root', kind: 'office', fn: 'f2', type: 'service', allowed: 'policy, control' },
          message: 'may lead only: policy, control',
        },
      ],
    },
  ],
});
