/**
 * Every rule message reads completely in both languages. The compiler makes every reporter pass
 * the data its English template names (defineRule, templatesFor); this test holds the Russian
 * templates to the same placeholders, and fills every template of both catalogues with exactly
 * that data, so no message can show a raw `{{placeholder}}`.
 */
import { describe, expect, it } from 'vitest';
import { fill } from '../../src/i18n/format.js';
import { ru } from '../../src/i18n/ru.js';
import { rules } from '../../src/rules/index.js';

const names = (template: string): string[] => [...template.matchAll(/\{\{(\w+)(?:\|[^}]*)?\}\}/g)].map((m) => m[1]!);

const messages = rules.flatMap((rule) =>
  Object.entries(rule.meta.messages as Readonly<Record<string, string>>).map(([id, en]) => ({
    key: `${rule.id}/${id}`,
    en,
  })),
);

describe('rule messages', () => {
  it('have a Russian template for every English one', () => {
    expect(messages.filter((m) => (ru as Record<string, string>)[m.key] === undefined).map((m) => m.key)).toEqual([]);
  });

  it('name in Russian only the data the English template is given', () => {
    const extra = messages.flatMap((m) =>
      names((ru as Record<string, string>)[m.key] ?? '')
        .filter((n) => !names(m.en).includes(n))
        .map((n) => `${m.key}: {{${n}}}`),
    );
    expect(extra).toEqual([]);
  });

  it('leave no placeholder unfilled in either language, given the data their reporters pass', () => {
    for (const { key, en } of messages) {
      const data = Object.fromEntries(names(en).map((n) => [n, 2]));
      for (const [lang, template] of [
        ['en', en],
        ['ru', (ru as Record<string, string>)[key]!],
      ] as const) {
        const text = fill(template, data, lang);
        expect(text, `${lang} ${key}`).not.toMatch(/\{\{|\}\}/);
      }
    }
  });
});
