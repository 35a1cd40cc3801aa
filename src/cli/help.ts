/**
 * The command line's own texts in the user's language: descriptions of commands, arguments and
 * options (src/i18n/help-ru.ts), help titles and defaults, and commander's error messages, which
 * commander writes in English only; they are recognised by their fixed wording and translated.
 */
import type { Command, Help } from 'commander';
import type { Language, Translate } from '../i18n/format.js';

/** The command line's texts in a language other than English (src/i18n/help-ru.ts). */
export interface HelpTexts {
  /** Descriptions of commands, arguments and options, by their English text. */
  descriptions: Readonly<Record<string, string>>;
  /** Notes and example explanations of the help, English then translated. */
  notes: ReadonlyArray<readonly [string, string]>;
}

/**
 * The help texts of `lang`, undefined for English (what the commands are written in). Loaded only
 * when asked for: a run in English never reads the Russian ones.
 */
export async function helpTexts(lang: Language): Promise<HelpTexts | undefined> {
  if (lang === 'en') return undefined;
  const { helpRu, helpNotesRu } = await import('../i18n/help-ru.js');
  return { descriptions: helpRu, notes: helpNotesRu };
}

/** commander's error messages and the catalogue key of each (data from the groups, in order). */
const COMMANDER_ERRORS: Array<[RegExp, string, string[]]> = [
  [/^error: unknown option '(.+?)'/, 'cli-unknown-option', ['option']],
  [/^error: unknown command '(.+?)'/, 'cli-unknown-command', ['command']],
  [/^error: missing required argument '(.+?)'/, 'cli-missing-argument', ['argument']],
  [/^error: option '(.+?)' argument missing/, 'cli-option-argument-missing', ['option']],
  [/^error: required option '(.+?)' not specified/, 'cli-required-option', ['option']],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\./, 'cli-option-invalid', ['option', 'value']],
  [
    /^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./,
    'cli-too-many-arguments',
    ['command', 'expected', 'got'],
  ],
];

/** commander's message in the user's language; unknown wording stays as it is. */
export function translateCommanderError(text: string, t: Translate, lang: Language): string {
  if (lang === 'en') return text;
  let out = text;
  for (const [pattern, key, names] of COMMANDER_ERRORS) {
    const m = pattern.exec(out);
    if (!m) continue;
    const data = Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? '']));
    out = out.replace(m[0], t(key, data));
    break;
  }
  return out
    .replace(/\(Did you mean one of (.+?)\?\)/, (_, list: string) => t('cli-did-you-mean-one-of', { list }))
    .replace(/\(Did you mean (.+?)\?\)/, (_, option: string) => t('cli-did-you-mean', { option }));
}

/** Puts the command tree's texts into the language of `texts`; English needs nothing (see helpTexts). */
export function localiseHelp(program: Command, texts: HelpTexts | undefined, t: Translate): void {
  if (texts === undefined) return;
  const tr = (text: string): string => texts.descriptions[text] ?? text;
  const titles: Record<string, string> = {
    'Usage:': t('cli-title-usage'),
    'Arguments:': t('cli-title-arguments'),
    'Options:': t('cli-title-options'),
    'Commands:': t('cli-title-commands'),
    'Global Options:': t('cli-title-global-options'),
  };
  const walk = (cmd: Command): void => {
    cmd.description(tr(cmd.description()));
    for (const argument of cmd.registeredArguments) argument.description = tr(argument.description);
    for (const option of cmd.options) option.description = tr(option.description);
    cmd.helpOption('-h, --help', tr('display help for command'));
    cmd.configureHelp({
      styleTitle: (title: string) => titles[title] ?? title,
      optionDescription(this: Help, option) {
        return localiseExtras(Object.getPrototypeOf(this).optionDescription.call(this, option), t);
      },
      argumentDescription(this: Help, argument) {
        return localiseExtras(Object.getPrototypeOf(this).argumentDescription.call(this, argument), t);
      },
    });
    for (const sub of cmd.commands) walk(sub);
  };
  walk(program);
  if (program.commands.some((c) => c.name() === 'help') === false)
    program.helpCommand('help [command]', tr('display help for a command'));
}

/** commander adds "(default: x)" and "(choices: …)" after a description. */
function localiseExtras(text: string, t: Translate): string {
  return text.replace(
    /\((default|choices): /g,
    (_, what: string) => `(${t(what === 'default' ? 'cli-default' : 'cli-choices')}: `,
  );
}

/** The help's notes and example explanations in the user's language (written as one text by commander). */
export function translateHelpNotes(text: string, texts: HelpTexts | undefined): string {
  if (texts === undefined) return text;
  let out = text;
  for (const [en, translated] of texts.notes) out = out.split(en).join(translated);
  return out;
}
