/**
 * `org export --format mermaid`: the unit tree as a Mermaid flowchart, for Markdown documents on
 * GitHub, GitLab and wikis that draw Mermaid. Node ids are derived from unit ids (kebab-case is
 * not safe as a Mermaid id: `end` and hyphens break the parser), and every label is quoted with
 * Mermaid's entity codes for the characters its parser would otherwise read as syntax.
 */
import { isStaff, pickText, type OrgModel } from '../model/model.js';
import { displayWidth } from '../render/text-width.js';
import { unitOrder } from './json.js';
import { escapeTerminal } from '../render/terminal.js';

export interface MermaidOptions {
  /** Language of the names. */
  lang: string;
  /** Direction of the chart: top-down or left-right. */
  direction?: 'TD' | 'LR';
  /** Display columns after which a label wraps onto a new line. */
  wrapAt?: number;
}

const VALID_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A unit id as a Mermaid node id: unit ids never contain `_`, so the mapping is one to one. An id
 * the schema rejects (a structure with errors is still exported) could hold a line break and a
 * `click … javascript:` statement of its own, so it is spelled out in hex under another prefix.
 */
const nodeId = (id: string): string =>
  VALID_ID.test(id) ? `u_${id.replace(/-/g, '_')}` : `x_${Buffer.from(id, 'utf8').toString('hex')}`;

const ENTITIES: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
  '\\': '#92;',
  '|': '#124;',
};

/** Text safe inside a quoted Mermaid label; line breaks become <br/>, other control characters visible escapes. */
export function escapeMermaid(text: string): string {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => escapeTerminal(line, { commands: true }).replace(/["#&<>`\\|]/g, (c) => ENTITIES[c]!))
    .join('<br/>');
}

/**
 * Breaks a name at spaces into lines of about `width` columns; a longer word keeps its own line,
 * whole, and the name's own line breaks stay.
 */
function breakLines(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    const start = lines.length;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const last = lines.length > start ? lines[lines.length - 1] : undefined;
      if (last !== undefined && displayWidth(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
  }
  return lines;
}

export function renderMermaid(model: OrgModel, options: MermaidOptions): string {
  const width = options.wrapAt ?? 32;
  const name = (t: Parameters<typeof pickText>[0]): string => pickText(t, options.lang, model.defaultLanguage);
  const lines = [
    `%% ${escapeTerminal(name(model.organization.name).replace(/[\r\n\u2028\u2029]+/g, ' '), { commands: true })}`,
    `flowchart ${options.direction ?? 'TD'}`,
  ];
  const order = unitOrder(model);
  for (const id of order) {
    const unit = model.units.get(id)!.unit;
    const label = breakLines(name(unit.name), width).map(escapeMermaid).join('<br/>');
    lines.push(`  ${nodeId(id)}["${label}"]`);
  }
  // A staff unit hangs on a dotted link, as organograms draw advisory relations.
  for (const id of order)
    for (const child of model.children.get(id) ?? [])
      lines.push(`  ${nodeId(id)} ${isStaff(model, child) ? '-.->' : '-->'} ${nodeId(child)}`);
  return `${lines.join('\n')}\n`;
}
