/** A function nobody leads is a gap: the work has no owner. */
import { leadsOf } from '../model/model.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'function-has-lead',
  meta: {
    description: 'Every function is led (role `lead`) by some unit.',
    defaultSeverity: 'warn',
    messages: { 'no-lead': 'No unit leads function "{{fn}}": add `{{fn}}: lead` to the responsible unit.' },
  },
  check({ model, report }) {
    for (const { fn, file } of model.functions.values()) {
      if (leadsOf(model, fn.id).length === 0) report({ messageId: 'no-lead', data: { fn: fn.id }, file, path: ['id'] });
    }
  },
});
