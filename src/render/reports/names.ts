/**
 * Which language names are shown in, and what to say when an id does not exist. Shared by the
 * matrix, tree, show and stats commands so that they agree.
 */
import type { OrgModel } from '../../model/model.js';

/**
 * The language for names: the first of `wanted` (the `--lang` given) that the organisation
 * declares, else the organisation's first language — the same default as charts and diffs, so a
 * CI job with an English locale shows the names the structure's authors wrote first. A structure
 * in Russian and Kyrgyz shown with `--lang en` thus stays in Russian rather than falling back
 * name by name.
 */
export function namesLanguage(model: OrgModel, wanted: ReadonlyArray<string | undefined>): string {
  const languages = model.organization.languages;
  for (const lang of wanted) if (lang !== undefined && languages.includes(lang)) return lang;
  return model.defaultLanguage;
}
