/**
 * The function matrix in Markdown, for reports and wiki pages: one table with the functions' ids
 * and names, a bold row per group, the role codes in the cells, then the role legend and the lists
 * of functions without a lead and with several. Text is escaped so that a name with `|` or `*`
 * cannot break the table or turn bold.
 */
import type { Translate } from '../../i18n/format.js';
import { findingLine, findingLists, groupLabel, matrixSubtitles, matrixTitle, rowFlag, rowName } from './labels.js';
import type { FunctionMatrix } from './model.js';
import { escapeMarkdown } from '../markdown.js';

export interface MatrixMarkdownOptions {
  t: Translate;
}

export { escapeMarkdown } from '../markdown.js';

export function renderMatrixMarkdown(m: FunctionMatrix, { t }: MatrixMarkdownOptions): string {
  const e = escapeMarkdown;
  const out: string[] = [`# ${e(matrixTitle(m, t))}`, ''];
  for (const s of matrixSubtitles(m, t)) out.push(e(s), '');
  const rows = m.groups.flatMap((g) => g.rows);
  if (rows.length === 0) return `${[...out, t('matrix-no-functions')].join('\n')}\n`;

  const code = new Map(m.roles.map((r) => [r.id, r.code]));
  const header = [t('matrix-function'), t('matrix-id'), ...m.columns.map((c) => c.label)];
  out.push(`| ${header.map(e).join(' | ')} |`);
  out.push(`| ${['---', '---', ...m.columns.map(() => ':---:')].join(' | ')} |`);
  for (const g of m.groups) {
    out.push(`| ${[`**${e(groupLabel(g, t))}**`, '', ...m.columns.map(() => '')].join(' | ')} |`);
    for (const row of g.rows) {
      const flag = rowFlag(row, t);
      const name = flag ? `${e(rowName(row, t))} **⚠ ${e(flag)}**` : e(rowName(row, t));
      const cells = row.cells.map((c) =>
        c ? `${c.role === 'lead' ? '**' : ''}${e(code.get(c.role) ?? '?')}${c.role === 'lead' ? '**' : ''}` : '',
      );
      out.push(`| ${[name, `\`${row.id}\``, ...cells].join(' | ')} |`);
    }
  }
  out.push('', `**${e(t('matrix-roles'))}:** ${m.roles.map((r) => `${e(r.code)} — ${e(r.name)}`).join('; ')}.`);
  if (m.columns.length > 0) {
    out.push('', `**${e(t('matrix-columns'))}:**`, '');
    for (const c of m.columns) out.push(`${'  '.repeat(c.depth)}- ${e(c.name)} (${e(c.kindName)}, \`${c.id}\`)`);
  }
  for (const list of findingLists(m, t)) {
    out.push('', `**⚠ ${e(list.heading)}:**`, '');
    for (const row of list.rows) out.push(`- ${e(findingLine(row, t))}`);
  }
  return `${out.join('\n')}\n`;
}
