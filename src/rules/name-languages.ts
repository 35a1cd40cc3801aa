/** Names exist in every language the organisation publishes in (e.g. Russian and Kyrgyz). */
import { textsByLanguage } from '../model/model.js';
import type { Text } from '../model/types.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'name-languages',
  meta: {
    description: 'Every unit and function name has a text in each required language.',
    defaultSeverity: 'warn',
    schema: {
      type: 'object',
      properties: {
        required: {
          type: 'array',
          items: { type: 'string' },
          description: "Languages every name must have (default: the organisation's first language).",
        },
      },
      additionalProperties: false,
    },
    messages: { missing: 'The name of "{{id}}" has no text in "{{lang}}".' },
  },
  check({ model, options, report }) {
    const required = options.required ?? [model.defaultLanguage];
    const check = (id: string, name: Text, file: string): void => {
      const texts = textsByLanguage(name, model.defaultLanguage);
      for (const lang of required)
        if (!texts[lang]) report({ messageId: 'missing', data: { id, lang }, file, path: ['name'] });
    };
    for (const { unit, file } of model.units.values()) check(unit.id, unit.name, file);
    for (const { fn, file } of model.functions.values()) check(fn.id, fn.name, file);
  },
});
