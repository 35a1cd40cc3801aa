/** `role-exists`: every role in a `functions` map is one of the roles of organization.yaml. */
import { testRule } from '../helpers/rule-tester.js';
import { unit, valid } from './base.js';

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
          messageId: 'unknown-suggest',
          data: { role: 'leader', suggestion: 'lead' },
          message: 'Role "leader" is not one of the roles; did you mean "lead"?',
        },
      ],
    },
    {
      name: 'a role nothing like the known ones, with the roles listed',
      files: {
        ...valid,
        'units/a.yaml': 'id: a\nkind: department\nname: A\nparent: root\nfunctions:\n  f1: overseer-general\n',
      },
      errors: [
        {
          file: 'units/a.yaml',
          line: 6,
          column: 7,
          messageId: 'unknown',
          data: { role: 'overseer-general', roles: 'lead, participant, approver, informed' },
        },
      ],
    },
  ],
});
