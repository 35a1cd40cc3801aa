/**
 * Escaping for GitHub-flavoured Markdown, shared by every Markdown org writes (the diff for a
 * pull-request comment or job summary, the function matrix). Names come from files anyone may
 * edit; in a comment, `@org/team` would notify a whole team, `#12` link an issue, a URL become a
 * link, and `*`, `|`, `<b>` restyle or break the table. Every character with a meaning in GFM gets
 * a backslash; mentions and autolinks, which backslashes do not stop everywhere, get a zero-width
 * joiner that breaks the pattern while the text reads the same; line breaks become spaces and
 * other control characters visible escapes.
 */
import { escapeTerminal } from './terminal.js';

const ZWJ = '\u200D';

export function escapeMarkdown(text: string): string {
  const oneLine = text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
  return escapeTerminal(oneLine, { commands: true })
    .replace(/[\\|<>*_`[\]~&#$]/g, '\\$&')
    .replace(/@/g, `@${ZWJ}`)
    .replace(/:\/\//g, `:${ZWJ}//`)
    .replace(/\b(www)\./gi, `$1${ZWJ}.`);
}
