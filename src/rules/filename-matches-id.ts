/** A file's name equals the id inside it, so that a unit can be found from its id alone. */
import { defineRule } from './rule.js';

const stem = (file: string): string => (file.split('/').pop() ?? file).replace(/\.ya?ml$/i, '');

export default defineRule({
  id: 'filename-matches-id',
  meta: {
    description: 'The file name without extension equals the id it holds.',
    defaultSeverity: 'error',
    messages: { mismatch: 'The id "{{id}}" differs from the file name "{{stem}}"; rename one of them.' },
  },
  check({ loaded, report }) {
    const entries = [
      ...loaded.units.map((e) => ({ id: e.unit.id, file: e.file })),
      ...loaded.functions.map((e) => ({ id: e.fn.id, file: e.file })),
    ];
    for (const { id, file } of entries) {
      if (stem(file) !== id) report({ messageId: 'mismatch', data: { id, stem: stem(file) }, file, path: ['id'] });
    }
  },
});
