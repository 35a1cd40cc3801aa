/** An organisation chart has one top: exactly one unit has no parent. */
import { treeOrder } from '../model/model.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'single-root',
  meta: {
    description: 'Exactly one unit has no parent.',
    defaultSeverity: 'error',
    messages: {
      none: 'No unit is the root: every unit has a parent. Remove `parent` from the top unit.',
      extra: 'Unit "{{id}}" has no parent, but "{{root}}" is already the root; give it a parent.',
    },
  },
  check({ model, loaded, report }) {
    const roots = [...model.units.values()].filter((e) => e.unit.parent === undefined);
    if (roots.length === 0 && model.units.size > 0) report({ messageId: 'none', file: loaded.organizationFile });
    // The real root is the one with the largest tree below it; the others are the strays.
    const size = new Map(roots.map((e) => [e.unit.id, treeOrder(model, e.unit.id).length]));
    const ordered = model.roots.filter((id) => size.has(id)).sort((a, b) => size.get(b)! - size.get(a)!);
    const root = ordered[0];
    for (const id of ordered.slice(1))
      report({ messageId: 'extra', data: { id, root: root! }, file: model.units.get(id)!.file, path: ['id'] });
  },
});
