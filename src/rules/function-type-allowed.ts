/**
 * A kind may list the function types its units may lead. This encodes the functional principle:
 * a central office leads policy and control, not the service work of subordinate bodies.
 */
import { defineRule } from './rule.js';

export default defineRule({
  id: 'function-type-allowed',
  meta: {
    description:
      "A unit leads only functions whose type is in its kind's `functionTypes` list (when the kind has one).",
    defaultSeverity: 'error',
    messages: {
      forbidden:
        'Unit "{{id}}" ({{kind}}) leads "{{fn}}" of type "{{type}}", but units of kind "{{kind}}" may lead only: {{allowed}}.',
    },
  },
  check({ model, report }) {
    const allowed = new Map(model.organization.kinds.map((k) => [k.id, k.functionTypes]));
    for (const { unit, file } of model.units.values()) {
      const list = allowed.get(unit.kind);
      if (!list) continue;
      for (const [fn, role] of Object.entries(unit.functions ?? {})) {
        const type = model.functions.get(fn)?.fn.type;
        if (role !== 'lead' || type === undefined || list.includes(type)) continue;
        report({
          messageId: 'forbidden',
          data: { id: unit.id, kind: unit.kind, fn, type, allowed: list.join(', ') || '—' },
          file,
          path: ['functions', fn],
        });
      }
    }
  },
});
