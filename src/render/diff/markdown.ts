/**
 * The diff as GitHub-flavoured Markdown, for a pull-request comment or a CI job summary: a title,
 * the one-line summary, a table of counts, then one section per change type with a table. Every
 * name is escaped, so a unit called `| <b> *x*` reads as itself and cannot break a table or inject
 * HTML; long sections fold into `<details>` so a large reorganisation still fits in a comment.
 */
import type { Change, ChangeType, DiffResult, LocalText } from '../../diff/types.js';
import type { Translate } from '../../i18n/format.js';
import type { Diagnostic } from '../../model/finding.js';
import { namer, replacedUnits, sections, summaryLine, type Namer } from './common.js';
import type { DiffRenderer } from './types.js';
import { escapeMarkdown } from '../markdown.js';

/** Sections with more rows than this are folded. */
const FOLD_ROWS = 20;
/** Errors listed per side; the rest are counted. */
const MAX_ERRORS = 20;

export { escapeMarkdown } from '../markdown.js';

/** Inside an HTML block Markdown escapes are not processed; HTML's are. */
const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An id or path as code, unless it contains characters a code span cannot hold safely. */
export function code(text: string): string {
  return /^[\p{L}\p{N}._/:~^@-]+$/u.test(text) ? `\`${text}\`` : escapeMarkdown(text);
}

interface Ctx {
  t: Translate;
  n: Namer;
}

const named = (name: string, id: string): string => (name ? `${escapeMarkdown(name)} ${code(id)}` : code(id));
const unitCell = (ctx: Ctx, id: string | null): string => (id === null ? escapeMarkdown(ctx.t('diff-top-level')) : named(ctx.n.unit(id), id));
const fnCell = (ctx: Ctx, id: string): string => named(ctx.n.fn(id), id);
const unitsCell = (ctx: Ctx, ids: readonly string[]): string => (ids.length === 0 ? escapeMarkdown(ctx.t('diff-none')) : ids.map((id) => unitCell(ctx, id)).join('<br>'));
const textCell = (ctx: Ctx, s: string | undefined): string => (s === undefined ? `*${escapeMarkdown(ctx.t('diff-none'))}*` : escapeMarkdown(s));

function table(header: string[], align: Array<'l' | 'r'>, rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${align.map((a) => (a === 'r' ? ' --: ' : ' :-- ')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function renamedRows(ctx: Ctx, subject: string, from: LocalText, to: LocalText, languages: readonly string[]): string[][] {
  return languages.map((lang, i) => [i === 0 ? subject : '', code(lang), textCell(ctx, from[lang]), textCell(ctx, to[lang])]);
}

function functionsCell(ctx: Ctx, functions: Record<string, string>): string {
  return Object.entries(functions)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([fn, role]) => `${escapeMarkdown(ctx.n.role(role))}: ${fnCell(ctx, fn)}`)
    .join('<br>');
}

/** The table of one section: its header, alignment and rows. */
function sectionTable(ctx: Ctx, type: ChangeType, changes: Change[]): string[] {
  const { t, n } = ctx;
  const h = (key: string): string => escapeMarkdown(t(`diff-md-${key}`));
  const rows: string[][] = [];
  switch (type) {
    case 'unit-added':
    case 'unit-removed':
      for (const c of changes as Array<Extract<Change, { type: 'unit-added' | 'unit-removed' }>>)
        rows.push([unitCell(ctx, c.unit), escapeMarkdown(n.kind(c.kind)), c.parent === null ? '' : unitCell(ctx, c.parent), c.headcount === null ? '' : String(c.headcount), functionsCell(ctx, c.functions)]);
      return table([h('unit'), h('kind'), h('parent'), h('headcount'), h('functions')], ['l', 'l', 'l', 'r', 'l'], rows);
    case 'unit-replaced':
      for (const c of changes as Array<Extract<Change, { type: 'unit-replaced' }>>) {
        const how = escapeMarkdown(t(`diff-kind-${c.kind}`));
        const note = c.inferred ? escapeMarkdown(t('diff-inferred', { basis: t(`diff-basis-${c.basis ?? 'functions'}`), percent: Math.round((c.confidence ?? 0) * 100) })) : escapeMarkdown(t('diff-declared'));
        // A structure that records no positions has no headcount to show.
        const headcount = !c.headcount.from && !c.headcount.to ? '' : `${c.headcount.from ?? '—'} → ${c.headcount.to ?? '—'}`;
        rows.push([how, unitsCell(ctx, c.from), unitsCell(ctx, c.to), headcount, note]);
      }
      return table([h('how'), h('before'), h('after'), h('headcount'), h('note')], ['l', 'l', 'l', 'r', 'l'], rows);
    case 'unit-renamed':
      for (const c of changes as Array<Extract<Change, { type: 'unit-renamed' }>>) rows.push(...renamedRows(ctx, code(c.unit), c.from, c.to, c.languages));
      return table([h('unit'), h('language'), h('before'), h('after')], ['l', 'l', 'l', 'l'], rows);
    case 'unit-moved':
      for (const c of changes as Array<Extract<Change, { type: 'unit-moved' }>>) rows.push([unitCell(ctx, c.unit), unitCell(ctx, c.from), unitCell(ctx, c.to)]);
      return table([h('unit'), h('parent-before'), h('parent-after')], ['l', 'l', 'l'], rows);
    case 'unit-kind-changed':
      for (const c of changes as Array<Extract<Change, { type: 'unit-kind-changed' }>>) rows.push([unitCell(ctx, c.unit), escapeMarkdown(n.kind(c.from)), escapeMarkdown(n.kind(c.to))]);
      return table([h('unit'), h('before'), h('after')], ['l', 'l', 'l'], rows);
    case 'headcount-changed':
      for (const c of changes as Array<Extract<Change, { type: 'headcount-changed' }>>) {
        const positions = c.positions.map((p) => `${escapeMarkdown(n.text(p.title) || t('diff-untitled'))}: ${p.from} → ${p.to}`).join('<br>');
        rows.push([unitCell(ctx, c.unit), c.from === null ? '—' : String(c.from), c.to === null ? '—' : String(c.to), positions]);
      }
      return table([h('unit'), h('before'), h('after'), h('positions')], ['l', 'r', 'r', 'l'], rows);
    case 'function-added':
    case 'function-removed':
      for (const c of changes as Array<Extract<Change, { type: 'function-added' | 'function-removed' }>>) rows.push([fnCell(ctx, c.function), unitsCell(ctx, c.lead)]);
      return table([h('function'), h('lead')], ['l', 'l'], rows);
    case 'function-renamed':
      for (const c of changes as Array<Extract<Change, { type: 'function-renamed' }>>) rows.push(...renamedRows(ctx, code(c.function), c.from, c.to, c.languages));
      return table([h('function'), h('language'), h('before'), h('after')], ['l', 'l', 'l', 'l'], rows);
    case 'function-transferred':
      for (const c of changes as Array<Extract<Change, { type: 'function-transferred' }>>) rows.push([fnCell(ctx, c.function), unitsCell(ctx, c.from), unitsCell(ctx, c.to)]);
      return table([h('function'), h('lead-before'), h('lead-after')], ['l', 'l', 'l'], rows);
    case 'assignment-added':
    case 'assignment-removed':
      for (const c of changes as Array<Extract<Change, { type: 'assignment-added' | 'assignment-removed' }>>) rows.push([unitCell(ctx, c.unit), fnCell(ctx, c.function), escapeMarkdown(n.role(c.role))]);
      return table([h('unit'), h('function'), h('role')], ['l', 'l', 'l'], rows);
    case 'assignment-changed':
      for (const c of changes as Array<Extract<Change, { type: 'assignment-changed' }>>)
        rows.push([unitCell(ctx, c.unit), fnCell(ctx, c.function), escapeMarkdown(n.role(c.from)), escapeMarkdown(n.role(c.to))]);
      return table([h('unit'), h('function'), h('before'), h('after')], ['l', 'l', 'l', 'l'], rows);
  }
}

function summaryTable(diff: DiffResult, t: Translate): string[] {
  const rows: string[][] = [];
  const { summary } = diff;
  for (const [type, changes] of sections(diff.changes)) {
    if (type === 'unit-replaced') {
      for (const kind of ['merge', 'split', 'rename-id', 'restructure'] as const)
        if (summary.replaced[kind] > 0) rows.push([escapeMarkdown(t(`diff-md-row-${kind}`)), String(replacedUnits(diff, kind))]);
    } else rows.push([escapeMarkdown(t(`diff-section-${type}`)), String(changes.length)]);
  }
  if (summary.lostLead.length > 0) rows.push([`**${escapeMarkdown(t('diff-section-lost-lead'))}**`, `**${summary.lostLead.length}**`]);
  rows.push([escapeMarkdown(t('diff-md-units')), `${summary.units.from} → ${summary.units.to}`]);
  rows.push([escapeMarkdown(t('diff-md-functions')), `${summary.functions.from} → ${summary.functions.to}`]);
  if (summary.headcount.from || summary.headcount.to) rows.push([escapeMarkdown(t('diff-md-headcount')), `${summary.headcount.from ?? '—'} → ${summary.headcount.to ?? '—'}`]);
  return table([escapeMarkdown(t('diff-md-change')), escapeMarkdown(t('diff-md-count'))], ['l', 'r'], rows);
}

function errorBlock(t: Translate, side: 'from' | 'to', label: string, errors: readonly Diagnostic[]): string[] {
  const out = [`> ⚠️ ${escapeMarkdown(t(`diff-errors-${side}`, { label, count: errors.length }))}`, '>'];
  for (const d of errors.slice(0, MAX_ERRORS)) out.push(`> - ${code(`${d.file}:${d.line}:${d.column}`)} ${escapeMarkdown(d.message)} (${code(d.rule)})`);
  if (errors.length > MAX_ERRORS) out.push(`> - ${escapeMarkdown(t('diff-md-more', { count: errors.length - MAX_ERRORS }))}`);
  return [...out, ''];
}

export const renderDiffMarkdown: DiffRenderer = (report, { t, language }) => {
  const ctx: Ctx = { t, n: namer(report.diff, language) };
  const out: string[] = [`## ${t('diff-md-title', { from: code(report.from.label), to: code(report.to.label) })}`, ''];
  for (const side of ['from', 'to'] as const) if (report[side].errors.length > 0) out.push(...errorBlock(t, side, report[side].label, report[side].errors));
  out.push(`**${escapeMarkdown(summaryLine(report.diff, t))}**`, '');
  if (report.diff.changes.length === 0) return `${out.join('\n')}`;
  out.push(...summaryTable(report.diff, t), '');
  for (const [type, changes] of sections(report.diff.changes)) {
    const title = `${t(`diff-section-${type}`)} (${changes.length})`;
    out.push(`### ${escapeMarkdown(title)}`, '');
    const rows = sectionTable(ctx, type, changes);
    if (changes.length > FOLD_ROWS) out.push('<details>', `<summary>${escapeHtml(t('diff-md-show', { count: changes.length }))}</summary>`, '', ...rows, '', '</details>', '');
    else out.push(...rows, '');
  }
  const lost = report.diff.summary.lostLead;
  if (lost.length > 0) {
    out.push(`### ${escapeMarkdown(`${t('diff-section-lost-lead')} (${lost.length})`)}`, '');
    out.push(...table([escapeMarkdown(t('diff-md-function')), escapeMarkdown(t('diff-md-lead-before'))], ['l', 'l'], lost.map((l) => [fnCell(ctx, l.function), unitsCell(ctx, l.from)])), '');
  }
  return `${out.join('\n')}`;
};
