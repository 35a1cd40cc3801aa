/** An organisation chart has one top: exactly one unit has no parent. */
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
    const ordered = model.roots.filter((id) => model.units.get(id)!.unit.parent === undefined);
    const root = ordered[0];
    for (const id of ordered.slice(1)) report({ messageId: 'extra', data: { id, root: root! }, file: model.units.get(id)!.file, path: ['id'] });
  },
});
