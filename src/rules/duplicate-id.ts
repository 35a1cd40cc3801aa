/**
 * Two units, or two functions, with the same id: references to that id become ambiguous. The same
 * holds for the kinds, roles and function types declared in organization.yaml (a kind declared
 * twice would be counted twice and ranked at two places).
 */
import { defineRule } from './rule.js';

export default defineRule({
  id: 'duplicate-id',
  meta: {
    description: 'Every unit id, function id, and kind, role and function type id is used only once.',
    defaultSeverity: 'error',
    messages: {
      unit: 'Unit id "{{id}}" is already used in {{other}}.',
      function: 'Function id "{{id}}" is already used in {{other}}.',
      kind: 'Kind "{{id}}" is already declared as kind {{first}} of organization.yaml.',
      role: 'Role "{{id}}" is already declared as role {{first}} of organization.yaml.',
      'function-type': 'Function type "{{id}}" is already declared as type {{first}} of organization.yaml.',
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
    const org = loaded.organization;
    const declared = [
      ['kind', 'kinds', org.kinds],
      ['role', 'roles', org.roles ?? []],
      ['function-type', 'functionTypes', org.functionTypes ?? []],
    ] as const;
    for (const [messageId, key, list] of declared) {
      const first = new Map<string, number>();
      (list as ReadonlyArray<{ id?: unknown }>).forEach((entry, i) => {
        if (typeof entry?.id !== 'string') return;
        const earlier = first.get(entry.id);
        if (earlier === undefined) first.set(entry.id, i);
        else
          report({
            messageId,
            data: { id: entry.id, first: earlier + 1 },
            file: loaded.organizationFile,
            path: [key, i, 'id'],
          });
      });
    }
  },
});
