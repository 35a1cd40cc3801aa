/** Kinds are ranked largest first; a unit ranks strictly below its parent (no отдел above an управление). */
import { defineRule } from './rule.js';

export default defineRule({
  id: 'kind-rank',
  meta: {
    description: "A unit's kind ranks strictly below its parent's kind in the order of `kinds`.",
    defaultSeverity: 'error',
    messages: {
      rank: 'A unit of kind "{{kind}}" cannot be placed under "{{parent}}" of kind "{{parentKind}}": kinds are ordered {{order}}.',
    },
  },
  check({ model, report }) {
    const order = model.organization.kinds.map((k) => k.id).join(' > ');
    for (const { unit, file } of model.units.values()) {
      const parent = unit.parent === undefined ? undefined : model.units.get(unit.parent)?.unit;
      if (!parent) continue;
      const mine = model.kindRank.get(unit.kind);
      const theirs = model.kindRank.get(parent.kind);
      if (mine === undefined || theirs === undefined || mine > theirs) continue;
      report({
        messageId: 'rank',
        data: { kind: unit.kind, parent: parent.id, parentKind: parent.kind, order },
        file,
        path: ['kind'],
      });
    }
  },
});
