/**
 * The words every matrix format shares (titles, group names, flags, lists under the table), taken
 * from the message catalogue so that one translation serves the terminal, Markdown, CSV, HTML and SVG.
 */
import type { Translate } from '../../i18n/format.js';
import type { FunctionMatrix, MatrixGroup, MatrixRow } from './model.js';

export function matrixTitle(m: FunctionMatrix, t: Translate): string {
  return t('matrix-title', { organization: m.organization });
}

/** Lines saying how the columns were chosen, when they are not simply every unit. */
export function matrixSubtitles(m: FunctionMatrix, t: Translate): string[] {
  const out: string[] = [];
  if (m.root) out.push(t('matrix-subtitle-root', { unit: m.root.name }));
  if (m.by) out.push(t('matrix-subtitle-by', { kind: m.by.name }));
  return out;
}

export function groupLabel(g: MatrixGroup, t: Translate): string {
  if (g.kind === 'unit' || g.kind === 'type') return g.name;
  return t(`matrix-group-${g.kind}`);
}

/** The short flag a row carries in every format ("no lead", "2 leads"), or undefined. */
export function rowFlag(row: MatrixRow, t: Translate): string | undefined {
  if (row.status === 'no-lead') return t('matrix-flag-no-lead');
  if (row.status === 'multiple-leads') return t('matrix-flag-multiple-leads', { count: row.leads.length });
  return undefined;
}

/** Name of a row as shown, with a note when the function has no file of its own. */
export function rowName(row: MatrixRow, t: Translate): string {
  return row.defined ? row.name : `${row.name} (${t('matrix-flag-undefined')})`;
}

/** One entry of the lists under the table: what is wrong with the function, in one line. */
export function findingLine(row: MatrixRow, t: Translate): string {
  const base = `${row.id} — ${row.name}`;
  return row.status === 'multiple-leads'
    ? `${base} (${t('matrix-led-by', { units: row.leads.map((l) => l.name).join('; ') })})`
    : base;
}

export interface FindingList {
  status: 'no-lead' | 'multiple-leads';
  heading: string;
  rows: MatrixRow[];
}

/** The lists under the table, gaps first (they are the more serious finding). */
export function findingLists(m: FunctionMatrix, t: Translate): FindingList[] {
  const out: FindingList[] = [];
  if (m.noLead.length > 0)
    out.push({ status: 'no-lead', heading: t('matrix-no-lead-list', { count: m.noLead.length }), rows: m.noLead });
  if (m.multipleLeads.length > 0)
    out.push({
      status: 'multiple-leads',
      heading: t('matrix-multiple-leads-list', { count: m.multipleLeads.length }),
      rows: m.multipleLeads,
    });
  return out;
}
