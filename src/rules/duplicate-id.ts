/** Two units, or two functions, with the same id: references to that id become ambiguous. */
import { defineRule } from './rule.js';

export default defineRule({
  id: 'duplicate-id',
  meta: {
    description: 'Every unit id and every function id is used only once.',
    defaultSeverity: 'error',
    messages: {
      unit: 'Unit id "{{id}}" is already used in {{other}}.',
      function: 'Function id "{{id}}" is already used in {{other}}.',
    },
  },
  check({ loaded, report }) {
    const lists = [
      ['unit', loaded.units.map((e) => ({ id: e.unit.id, file: e.file }))],
      ['function', loaded.functions.map((e) => ({ id: e.fn.id, file: e.file }))],
    ] as const;
    for (const [messageId, entries] of lists) {
      const first = new Map<string, string>();
      for (const { id, file } of entries) {
        const other = first.get(id);
        if (other === undefined) first.set(id, file);
        else report({ messageId, data: { id, other }, file, path: ['id'] });
      }
    }
  },
});
