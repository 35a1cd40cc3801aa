/** A unit's parent must be a unit of the structure. */
import { closest } from './suggest.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'parent-exists',
  meta: {
    description: 'Every `parent` names an existing unit.',
    defaultSeverity: 'error',
    messages: {
      missing: 'Parent "{{parent}}" is not a unit of this structure.',
      'missing-suggest': 'Parent "{{parent}}" is not a unit of this structure; did you mean "{{suggestion}}"?',
    },
  },
  check({ model, report }) {
    const ids = [...model.units.keys()];
    for (const { unit, file } of model.units.values()) {
      if (unit.parent === undefined || model.units.has(unit.parent)) continue;
      const suggestion = closest(unit.parent, ids);
      report(
        suggestion
          ? { messageId: 'missing-suggest', data: { parent: unit.parent, suggestion }, file, path: ['parent'] }
          : { messageId: 'missing', data: { parent: unit.parent }, file, path: ['parent'] },
      );
    }
  },
});
