/**
 * Message catalogues. English templates of rules live in the rules' metadata; everything the tool
 * says besides lives in `en.ts`; `ru.ts` translates both, key for key (a test keeps them in step).
 * Keys: `<rule-id>/<message-id>` for findings, plain names for the tool's own messages.
 */
import type { MessageData, Translate } from '../model/finding.js';
import { rules } from '../rules/index.js';
import { en } from './en.js';
import { ru } from './ru.js';

export type Language = 'en' | 'ru';

/** Every English template, by key. */
export function englishCatalogue(): Record<string, string> {
  const out: Record<string, string> = { ...en };
  for (const rule of rules) for (const [id, text] of Object.entries(rule.meta.messages)) out[`${rule.id}/${id}`] = text;
  return out;
}

function catalogue(lang: Language): Record<string, string> {
  return lang === 'ru' ? { ...englishCatalogue(), ...ru } : englishCatalogue();
}

/**
 * Fills `{{name}}` placeholders, and `{{name|one|few|many}}` plural forms chosen by the number in
 * `name` with the language's plural rules (English uses one|other, Russian one|few|many).
 */
const pluralRules = new Map<Language, Intl.PluralRules>();

/**
 * In strict mode (the test suite turns it on) a message key with no template, or a placeholder
 * the data does not fill, throws instead of showing the key or a raw `{{name}}` to the user, so
 * such a slip fails a test rather than reaching a message.
 */
let strict = false;
export function strictMessages(on: boolean): void {
  strict = on;
}

export class MessageError extends Error {}

export function fill(template: string, data: MessageData = {}, lang: Language = 'en'): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return template.replace(/\{\{(\w+)((?:\|[^|}]*)*)\}\}/g, (whole, name: string, forms: string) => {
    if (!(name in data)) {
      if (strict) throw new MessageError(`message placeholder {{${name}}} is not filled in: ${template}`);
      return whole;
    }
    if (!forms) return String(data[name]);
    const [one, few, many] = forms.slice(1).split('|');
    const category = rules.select(Number(data[name]));
    if (category === 'one') return one ?? '';
    if (category === 'few') return few ?? many ?? '';
    return (lang === 'en' ? few : many) ?? few ?? '';
  });
}

export type { Translate };

export function translator(lang: Language): Translate {
  const messages = catalogue(lang);
  return (key, data) => {
    const template = messages[key];
    if (template === undefined && strict) throw new MessageError(`no message "${key}" in the ${lang} catalogue`);
    return fill(template ?? key, data, lang);
  };
}

/**
 * The language of the words a picture or table puts around names (titles, legends, page labels):
 * Russian for names in Russian or Kyrgyz (whose readers read Russian), else English.
 */
export function wordsLanguage(lang: string): Language {
  return /^(ru|ky)\b/i.test(lang) ? 'ru' : 'en';
}

/** Picks the language of the tool's messages: an explicit choice, else LC_ALL / LC_MESSAGES / LANG. */
export function detectLanguage(
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Language {
  const value = explicit ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^ru([_.-]|$)/i.test(value) ? 'ru' : 'en';
}
