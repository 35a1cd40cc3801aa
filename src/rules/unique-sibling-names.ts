/** Two units under the same parent with the same name cannot be told apart in a chart or an order. */
import { textsByLanguage } from '../model/model.js';
import { defineRule } from './rule.js';

const normal = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();

export default defineRule({
  id: 'unique-sibling-names',
  meta: {
    description: 'Units with the same parent have different names in every language.',
    defaultSeverity: 'error',
    messages: { duplicate: 'Unit "{{id}}" has the same name ({{lang}}: "{{name}}") as its sibling "{{other}}".' },
  },
  check({ model, report }) {
    for (const siblings of [model.roots, ...model.children.values()]) {
      const seen = new Map<string, string>();
      for (const id of siblings) {
        const { unit, file } = model.units.get(id)!;
        for (const [lang, name] of Object.entries(textsByLanguage(unit.name, model.defaultLanguage))) {
          const key = `${lang}\u0000${normal(name)}`;
          const other = seen.get(key);
          if (other === undefined) seen.set(key, id);
          else
            report({
              messageId: 'duplicate',
              data: { id, lang, name, other },
              file,
              path: typeof unit.name === 'string' ? ['name'] : ['name', lang],
            });
        }
      }
    }
  },
});
