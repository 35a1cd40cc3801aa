/** A unit cannot be its own ancestor: the chart would have no top. */
import { defineRule } from './rule.js';

export default defineRule({
  id: 'no-cycles',
  meta: {
    description: 'No chain of parents leads back to where it started.',
    defaultSeverity: 'error',
    messages: { cycle: 'The chain of parents loops: {{chain}}.' },
  },
  check({ model, report }) {
    const state = new Map<string, 'open' | 'done'>();
    for (const start of model.units.keys()) {
      if (state.has(start)) continue;
      const path: string[] = [];
      let id: string | undefined = start;
      while (id !== undefined && model.units.has(id) && !state.has(id)) {
        state.set(id, 'open');
        path.push(id);
        id = model.units.get(id)!.unit.parent;
      }
      if (id !== undefined && state.get(id) === 'open') {
        const loop = path.slice(path.indexOf(id));
        // Report once, on the smallest id of the loop, so the output is stable.
        const first = [...loop].sort()[0]!;
        const from = loop.indexOf(first);
        const chain = [...loop.slice(from), ...loop.slice(0, from), first].join(' → ');
        report({ messageId: 'cycle', data: { chain }, file: model.units.get(first)!.file, path: ['parent'] });
      }
      for (const p of path) state.set(p, 'done');
    }
  },
});
