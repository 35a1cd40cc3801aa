/**
 * The function matrix as CSV for spreadsheets: one row per function with its group, id, name,
 * type and finding, then one column per unit with the role code. RFC 4180 (CRLF, quotes doubled),
 * UTF-8 with a byte order mark so that spreadsheet programs read Cyrillic correctly, and every
 * cell that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, CR) neutralised with
 * a leading apostrophe, since names come from files anyone may edit.
 */
import type { Translate } from '../../i18n/format.js';
import { groupLabel, rowFlag, rowName } from './labels.js';
import type { FunctionMatrix } from './model.js';
import { csvField } from '../csv.js';

export interface MatrixCsvOptions {
  t: Translate;
}

export { csvField } from '../csv.js';

export function renderMatrixCsv(m: FunctionMatrix, { t }: MatrixCsvOptions): string {
  const code = new Map(m.roles.map((r) => [r.id, r.code]));
  const records: string[][] = [
    [
      t('matrix-group'),
      t('matrix-id'),
      t('matrix-function'),
      t('matrix-type'),
      t('matrix-finding'),
      ...m.columns.map((c) => c.label),
    ],
  ];
  for (const g of m.groups) {
    for (const row of g.rows) {
      records.push([
        groupLabel(g, t),
        row.id,
        rowName(row, t),
        row.type ?? '',
        rowFlag(row, t) ?? '',
        ...row.cells.map((c) => (c ? (code.get(c.role) ?? '?') : '')),
      ]);
    }
  }
  return `\uFEFF${records.map((r) => r.map((v) => csvField(v)).join(',')).join('\r\n')}\r\n`;
}
