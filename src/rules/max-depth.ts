/** Each layer of management slows decisions; limit how deep the tree goes. */
import { treeOrder } from '../model/model.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'max-depth',
  meta: {
    description: 'The tree has at most `max` levels, the root being level 1.',
    defaultSeverity: 'warn',
    schema: {
      type: 'object',
      properties: { max: { type: 'integer', minimum: 1, description: 'Most levels the tree may have (default 8).' } },
      additionalProperties: false,
    },
    messages: { deep: 'Unit "{{id}}" is at level {{level}}; the structure allows {{max}} levels.' },
  },
  defaultOptions: { max: 8 },
  check({ model, options, report }) {
    for (const { id, depth } of treeOrder(model)) {
      // Report only the first level beyond the limit: deeper units are the same problem.
      if (depth + 1 === options.max + 1)
        report({
          messageId: 'deep',
          data: { id, level: depth + 1, max: options.max },
          file: model.units.get(id)!.file,
          path: ['parent'],
        });
    }
  },
});
