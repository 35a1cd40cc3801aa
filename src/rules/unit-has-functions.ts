/** A unit with no functions has no stated purpose in a function-based structure. */
import { defineRule } from './rule.js';

export default defineRule({
  id: 'unit-has-functions',
  meta: {
    description: 'Every unit takes part in at least one function.',
    defaultSeverity: 'warn',
    messages: { none: 'Unit "{{id}}" takes part in no function.' },
  },
  check({ model, report }) {
    for (const { unit, file } of model.units.values()) {
      if (Object.keys(unit.functions ?? {}).length === 0)
        report({ messageId: 'none', data: { id: unit.id }, file, path: ['id'] });
    }
  },
});
