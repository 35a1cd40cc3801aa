/**
 * The change table of a reorganisation chart: what `org diff` says, in its words and order, laid
 * out as a table that follows the chart as pages. The boxes of the chart carry only a short mark
 * each; this table is where a reader finds every renamed name, every function that changed hands
 * and every lineage in full. Pure: the diff and the words come in, table pages go out; the PDF
 * writer cuts the one long table into as many paper pages as it needs.
 */
import type { DiffResult } from '../../diff/types.js';
import type { Translate } from '../../i18n/format.js';
import { summaryLine } from '../diff/common.js';
import { describeChanges } from '../diff/text.js';
import type { TablePage } from './drawing.js';

export interface ChangeTableOptions {
  /** Translator for the table's own words, in the chart's language. */
  t: Translate;
  /** Language of the names (one of the organisation's languages; others fall back). */
  lang: string;
}

/**
 * Column widths in points for an A4 portrait page; a writer with more or less room scales them
 * in proportion.
 */
const WIDTHS = { change: 150, details: 389 };

/** The change table: one row per change, then the summary line; no pages when nothing changed. */
export function reorganisationTable(diff: DiffResult, { t, lang }: ChangeTableOptions): TablePage[] {
  if (diff.changes.length === 0) return [];
  const rows = describeChanges(diff, t, lang).map((d) => [d.section, d.lines.join('\n')]);
  rows.push([t('chart-diff-table-total'), summaryLine(diff, t)]);
  return [
    {
      kind: 'table',
      title: t('chart-diff-table-title'),
      columns: [
        { header: t('chart-diff-table-change'), width: WIDTHS.change },
        { header: t('chart-diff-table-details'), width: WIDTHS.details },
      ],
      rows,
    },
  ];
}
