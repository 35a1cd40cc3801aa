/** A unit can only take part in functions that are described in functions/. */
import { closest } from './suggest.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'function-exists',
  meta: {
    description: "Every key of a unit's `functions` map names a function in functions/.",
    defaultSeverity: 'error',
    messages: {
      unknown: 'Function "{{fn}}" is not described in functions/.',
      'unknown-suggest': 'Function "{{fn}}" is not described in functions/; did you mean "{{suggestion}}"?',
    },
  },
  check({ model, report }) {
    const ids = [...model.functions.keys()];
    for (const { unit, file } of model.units.values()) {
      for (const fn of Object.keys(unit.functions ?? {})) {
        if (model.functions.has(fn)) continue;
        const suggestion = closest(fn, ids);
        const at = { file, path: ['functions', fn], target: 'key' } as const;
        report(
          suggestion
            ? { messageId: 'unknown-suggest', data: { fn, suggestion }, ...at }
            : { messageId: 'unknown', data: { fn }, ...at },
        );
      }
    }
  },
});
