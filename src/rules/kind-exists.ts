/** A unit's kind must be one of the kinds declared in organization.yaml. */
import { closest } from './suggest.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'kind-exists',
  meta: {
    description: 'Every unit `kind` is listed under `kinds` in organization.yaml.',
    defaultSeverity: 'error',
    messages: {
      unknown: 'Kind "{{kind}}" is not declared in organization.yaml (kinds: {{kinds}}).',
      'unknown-suggest': 'Kind "{{kind}}" is not declared in organization.yaml; did you mean "{{suggestion}}"?',
    },
  },
  check({ model, report }) {
    const kinds = model.organization.kinds.map((k) => k.id);
    for (const { unit, file } of model.units.values()) {
      if (unit.kind === '' || model.kindRank.has(unit.kind)) continue;
      const suggestion = closest(unit.kind, kinds);
      report(
        suggestion
          ? { messageId: 'unknown-suggest', data: { kind: unit.kind, suggestion }, file, path: ['kind'] }
          : { messageId: 'unknown', data: { kind: unit.kind, kinds: kinds.join(', ') }, file, path: ['kind'] },
      );
    }
  },
});
