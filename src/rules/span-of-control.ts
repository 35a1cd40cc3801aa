/** A manager with too many direct reports cannot supervise them: a classic org-design check. */
import { defineRule } from './rule.js';

export default defineRule({
  id: 'span-of-control',
  meta: {
    description: 'No unit has more direct subunits than `max`.',
    defaultSeverity: 'warn',
    schema: {
      type: 'object',
      properties: {
        max: { type: 'integer', minimum: 1, description: 'Most direct subunits a unit may have (default 10).' },
      },
      additionalProperties: false,
    },
    messages: { wide: 'Unit "{{id}}" has {{count}} direct subunits; the limit is {{max}}.' },
  },
  defaultOptions: { max: 10 },
  check({ model, options, report }) {
    for (const [id, kids] of model.children) {
      if (kids.length > options.max)
        report({
          messageId: 'wide',
          data: { id, count: kids.length, max: options.max },
          file: model.units.get(id)!.file,
          path: ['id'],
        });
    }
  },
});
