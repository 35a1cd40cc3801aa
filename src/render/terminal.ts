/**
 * The one escaping step for text that reaches a terminal or a CI log. Every name in a structure
 * is untrusted: a YAML escape such as `"\e]0;title\a"` puts an escape sequence into a unit name,
 * and printed raw it could retitle the terminal, move the cursor, overwrite a line with CR or,
 * at the start of a line of a CI log, forge a workflow command (`::error file=…::`). So the
 * command layer passes everything it writes for people through `escapeTerminal`: control
 * characters become visible escapes (`\e`, `\r`, `\x07`, `\u009b`, `\u202e`) and a line that
 * would start a workflow command gets a zero-width space between its colons.
 */

/** C0 controls except LF, DEL, C1 controls, bidirectional overrides and isolates, line/paragraph separators. */

const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** The colour codes org's own renderers emit (bold, dim, underline, the eight colours, resets). */

const STYLE = /\u001B\[(?:0|1|2|4|22|24|3[0-9]|9[0-7])m/y;

/** A workflow command of GitHub Actions or Azure Pipelines (`##vso[`) at the start of a line, after blanks. */

const COMMAND_START = /^([ \t]*(?:\u001B\[[0-9;]*m)*)(::|##(?=\[|vso\[))/gm;

const NAMED: Record<string, string> = { '\u001B': '\\e', '\r': '\\r', '\t': '\\t' };

/** How one control character is shown. */
function visibleControl(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export interface EscapeOptions {
  /** Let org's own colour codes through (stdout coloured because it is a terminal or FORCE_COLOR). */
  keepStyles?: boolean;
  /**
   * Leave workflow commands at line starts alone: for `validate --format github`, whose lines are
   * commands by design (their data is %-escaped, so a name cannot start a line of its own).
   */
  commands?: boolean;
}

/** Text made safe for a terminal or a CI log. */
export function escapeTerminal(text: string, options: EscapeOptions = {}): string {
  let out: string;
  if (!options.keepStyles) out = text.replace(CONTROL, visibleControl);
  else {
    out = '';
    let last = 0;
    CONTROL.lastIndex = 0;
    for (let m = CONTROL.exec(text); m !== null; m = CONTROL.exec(text)) {
      out += text.slice(last, m.index);
      STYLE.lastIndex = m.index;
      const style = m[0] === '\u001B' ? STYLE.exec(text) : null;
      if (style) {
        out += style[0];
        last = m.index + style[0].length;
        CONTROL.lastIndex = last;
      } else {
        out += visibleControl(m[0]);
        last = m.index + 1;
      }
    }
    out += text.slice(last);
  }
  if (options.commands) return out;
  return out.replace(
    COMMAND_START,
    (_, blanks: string, start: string) => `${blanks}${start[0]}\u200B${start.slice(1)}`,
  );
}

/** True when text holds nothing a terminal would act on (for tests and checks). */
export function isTerminalSafe(text: string): boolean {
  return text.search(CONTROL) < 0;
}
