/** Two units leading the same function is duplication: the finding a functional review looks for. */
import { leadsOf } from '../model/model.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'function-single-lead',
  meta: {
    description: 'No function is led by more than one unit.',
    defaultSeverity: 'error',
    messages: {
      duplicate:
        'Function "{{fn}}" is led by {{count}} units ({{units}}): keep one lead and make the others participants.',
    },
  },
  check({ model, report }) {
    for (const fn of model.assignments.keys()) {
      const leads = leadsOf(model, fn);
      if (leads.length < 2) continue;
      for (const unit of leads) {
        report({
          messageId: 'duplicate',
          data: { fn, count: leads.length, units: leads.join(', ') },
          file: model.units.get(unit)!.file,
          path: ['functions', fn],
        });
      }
    }
  },
});
