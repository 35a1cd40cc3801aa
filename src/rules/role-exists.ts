/** A unit's role in a function must be one of the matrix roles. */
import { closest } from './suggest.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'role-exists',
  meta: {
    description:
      'Every role in a `functions` map is one of the roles in organization.yaml (by default lead, participant, approver, informed).',
    defaultSeverity: 'error',
    messages: {
      unknown: 'Role "{{role}}" is not one of the roles: {{roles}}.',
      'unknown-suggest': 'Role "{{role}}" is not one of the roles; did you mean "{{suggestion}}"?',
    },
  },
  check({ model, report }) {
    const roles = model.roles.map((r) => r.id);
    const known = new Set(roles);
    for (const { unit, file } of model.units.values()) {
      for (const [fn, role] of Object.entries(unit.functions ?? {})) {
        if (known.has(role)) continue;
        const suggestion = closest(role, roles);
        const at = { file, path: ['functions', fn] };
        report(
          suggestion
            ? { messageId: 'unknown-suggest', data: { role, suggestion }, ...at }
            : { messageId: 'unknown', data: { role, roles: roles.join(', ') }, ...at },
        );
      }
    }
  },
});
