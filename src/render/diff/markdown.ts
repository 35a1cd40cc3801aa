/**
 * The diff as GitHub-flavoured Markdown, for a pull-request comment or a CI job summary: a title,
 * the one-line summary, a table of counts, then one section per change type with a table. Every
 * name is escaped, so a unit called `| <b> *x*` reads as itself and cannot break a table or inject
 * HTML; long sections fold into `<details>` so a large reorganisation still fits in a comment.
 */
import type { Change, ChangeType, DiffResult, LocalText, ReviewItem } from '../../diff/types.js';
import type { Translate } from '../../i18n/format.js';
import type { Diagnostic } from '../../model/finding.js';
import type { Act } from '../../model/types.js';
import { actParts, validityText } from '../act.js';
import {
  fieldValue,
  lineageNote,
  namer,
  replacedUnits,
  reviewMatchNote,
  sections,
  summaryLine,
  type Namer,
} from './common.js';
import type { DiffRenderer } from './types.js';
import { escapeMarkdown } from '../markdown.js';

/** Sections with more rows than this are folded. */
const FOLD_ROWS = 20;
/** Errors listed per side; the rest are counted. */
const MAX_ERRORS = 20;
/** GitHub refuses a comment or a job summary longer than this many characters. */
export const DEFAULT_MAX_LENGTH = 65536;

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
  lang: string | undefined;
  defaultLanguage: string;
}

/**
 * An act for Markdown: its head and title escaped, its address as a link only when it is a plain
 * web address (the loader keeps no other), with the characters that could end the link encoded.
 */
function actMarkdown(ctx: Ctx, act: Act | null): string {
  if (act === null) return `*${escapeMarkdown(ctx.t('diff-none'))}*`;
  const { head, title, url } = actParts(act, ctx.t, ctx.lang, ctx.defaultLanguage);
  const text = escapeMarkdown([head, title ? ctx.t('act-title', { title }) : ''].filter(Boolean).join(' '));
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return text;
  const href = url.replace(
    /[()<>[\]\\`*_|"']/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `${text} ([${escapeMarkdown(ctx.t('act-link'))}](${href}))`;
}

const named = (name: string, id: string): string => (name ? `${escapeMarkdown(name)} ${code(id)}` : code(id));
const unitCell = (ctx: Ctx, id: string | null): string =>
  id === null ? escapeMarkdown(ctx.t('diff-top-level')) : named(ctx.n.unit(id), id);
const fnCell = (ctx: Ctx, id: string): string => named(ctx.n.fn(id), id);
const unitsCell = (ctx: Ctx, ids: readonly string[]): string =>
  ids.length === 0 ? escapeMarkdown(ctx.t('diff-none')) : ids.map((id) => unitCell(ctx, id)).join('<br>');
const textCell = (ctx: Ctx, s: string | undefined): string =>
  s === undefined ? `*${escapeMarkdown(ctx.t('diff-none'))}*` : escapeMarkdown(s);

function table(header: string[], align: Array<'l' | 'r'>, rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? ' --: ' : ' :-- ')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function renamedRows(
  ctx: Ctx,
  subject: string,
  from: LocalText,
  to: LocalText,
  languages: readonly string[],
): string[][] {
  return languages.map((lang, i) => [
    i === 0 ? subject : '',
    code(lang),
    textCell(ctx, from[lang]),
    textCell(ctx, to[lang]),
  ]);
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
        rows.push([
          unitCell(ctx, c.unit),
          escapeMarkdown(n.kind(c.kind)),
          c.parent === null ? '' : unitCell(ctx, c.parent),
          c.headcount === null ? '' : String(c.headcount),
          functionsCell(ctx, c.functions),
        ]);
      return table(
        [h('unit'), h('kind'), h('parent'), h('headcount'), h('functions')],
        ['l', 'l', 'l', 'r', 'l'],
        rows,
      );
    case 'unit-replaced':
      for (const c of changes as Array<Extract<Change, { type: 'unit-replaced' }>>) {
        const how = escapeMarkdown(t(`diff-kind-${c.kind}`));
        const note = escapeMarkdown(lineageNote(c, t));
        // A structure that records no positions has no headcount to show.
        const headcount =
          !c.headcount.from && !c.headcount.to ? '' : `${c.headcount.from ?? '—'} → ${c.headcount.to ?? '—'}`;
        rows.push([how, unitsCell(ctx, c.from), unitsCell(ctx, c.to), headcount, note]);
      }
      return table([h('how'), h('before'), h('after'), h('headcount'), h('note')], ['l', 'l', 'l', 'r', 'l'], rows);
    case 'unit-renamed':
      for (const c of changes as Array<Extract<Change, { type: 'unit-renamed' }>>)
        rows.push(...renamedRows(ctx, code(c.unit), c.from, c.to, c.languages));
      return table([h('unit'), h('language'), h('before'), h('after')], ['l', 'l', 'l', 'l'], rows);
    case 'unit-moved':
      for (const c of changes as Array<Extract<Change, { type: 'unit-moved' }>>)
        rows.push([unitCell(ctx, c.unit), unitCell(ctx, c.from), unitCell(ctx, c.to)]);
      return table([h('unit'), h('parent-before'), h('parent-after')], ['l', 'l', 'l'], rows);
    case 'unit-kind-changed':
      for (const c of changes as Array<Extract<Change, { type: 'unit-kind-changed' }>>)
        rows.push([unitCell(ctx, c.unit), escapeMarkdown(n.kind(c.from)), escapeMarkdown(n.kind(c.to))]);
      return table([h('unit'), h('before'), h('after')], ['l', 'l', 'l'], rows);
    case 'unit-field-changed':
      for (const c of changes as Array<Extract<Change, { type: 'unit-field-changed' }>>)
        rows.push([
          unitCell(ctx, c.unit),
          escapeMarkdown(t(`diff-field-${c.field}`)),
          escapeMarkdown(fieldValue(t, c.from)),
          escapeMarkdown(fieldValue(t, c.to)),
        ]);
      return table([h('unit'), h('field'), h('before'), h('after')], ['l', 'l', 'l', 'l'], rows);
    case 'headcount-changed':
      for (const c of changes as Array<Extract<Change, { type: 'headcount-changed' }>>) {
        const positions = c.positions
          .map((p) => `${escapeMarkdown(n.text(p.title) || t('diff-untitled'))}: ${p.from} → ${p.to}`)
          .join('<br>');
        rows.push([
          unitCell(ctx, c.unit),
          c.from === null ? '—' : String(c.from),
          c.to === null ? '—' : String(c.to),
          positions,
        ]);
      }
      return table([h('unit'), h('before'), h('after'), h('positions')], ['l', 'r', 'r', 'l'], rows);
    case 'function-added':
    case 'function-removed':
      for (const c of changes as Array<Extract<Change, { type: 'function-added' | 'function-removed' }>>)
        rows.push([fnCell(ctx, c.function), unitsCell(ctx, c.lead)]);
      return table([h('function'), h('lead')], ['l', 'l'], rows);
    case 'function-replaced':
      for (const c of changes as Array<Extract<Change, { type: 'function-replaced' }>>) {
        const fns = (ids: readonly string[]): string => ids.map((id) => fnCell(ctx, id)).join('<br>');
        const lead =
          c.kind === 'moved'
            ? `${unitsCell(ctx, c.lead.from)} → ${unitsCell(ctx, c.lead.to)}`
            : unitsCell(ctx, c.lead.to);
        rows.push([
          escapeMarkdown(t(`diff-fn-kind-${c.kind}`)),
          fns(c.from),
          fns(c.to),
          lead,
          escapeMarkdown(lineageNote(c, t)),
        ]);
      }
      return table([h('how'), h('before'), h('after'), h('lead'), h('note')], ['l', 'l', 'l', 'l', 'l'], rows);
    case 'function-renamed':
      for (const c of changes as Array<Extract<Change, { type: 'function-renamed' }>>)
        rows.push(...renamedRows(ctx, code(c.function), c.from, c.to, c.languages));
      return table([h('function'), h('language'), h('before'), h('after')], ['l', 'l', 'l', 'l'], rows);
    case 'function-transferred':
      for (const c of changes as Array<Extract<Change, { type: 'function-transferred' }>>)
        rows.push([fnCell(ctx, c.function), unitsCell(ctx, c.from), unitsCell(ctx, c.to)]);
      return table([h('function'), h('lead-before'), h('lead-after')], ['l', 'l', 'l'], rows);
    case 'unit-validity-changed':
      for (const c of changes as Array<Extract<Change, { type: 'unit-validity-changed' }>>)
        rows.push([
          unitCell(ctx, c.unit),
          escapeMarkdown(validityText(c.from, t)),
          escapeMarkdown(validityText(c.to, t)),
        ]);
      return table([h('unit'), h('before'), h('after')], ['l', 'l', 'l'], rows);
    case 'function-validity-changed':
      for (const c of changes as Array<Extract<Change, { type: 'function-validity-changed' }>>)
        rows.push([
          fnCell(ctx, c.function),
          escapeMarkdown(validityText(c.from, t)),
          escapeMarkdown(validityText(c.to, t)),
        ]);
      return table([h('function'), h('before'), h('after')], ['l', 'l', 'l'], rows);
    case 'unit-basis-changed':
      for (const c of changes as Array<Extract<Change, { type: 'unit-basis-changed' }>>)
        rows.push([unitCell(ctx, c.unit), actMarkdown(ctx, c.from), actMarkdown(ctx, c.to)]);
      return table([h('unit'), h('before'), h('after')], ['l', 'l', 'l'], rows);
    case 'assignment-added':
    case 'assignment-removed':
      for (const c of changes as Array<Extract<Change, { type: 'assignment-added' | 'assignment-removed' }>>)
        rows.push([unitCell(ctx, c.unit), fnCell(ctx, c.function), escapeMarkdown(n.role(c.role))]);
      return table([h('unit'), h('function'), h('role')], ['l', 'l', 'l'], rows);
    case 'assignment-changed':
      for (const c of changes as Array<Extract<Change, { type: 'assignment-changed' }>>)
        rows.push([
          unitCell(ctx, c.unit),
          fnCell(ctx, c.function),
          escapeMarkdown(n.role(c.from)),
          escapeMarkdown(n.role(c.to)),
        ]);
      return table([h('unit'), h('function'), h('before'), h('after')], ['l', 'l', 'l', 'l'], rows);
  }
}

function summaryTable(diff: DiffResult, t: Translate): string[] {
  const rows: string[][] = [];
  const { summary } = diff;
  for (const [type, changes] of sections(diff.changes)) {
    if (type === 'unit-replaced') {
      for (const kind of ['merge', 'split', 'rename-id', 'restructure'] as const)
        if (summary.replaced[kind] > 0)
          rows.push([escapeMarkdown(t(`diff-md-row-${kind}`)), String(replacedUnits(diff, kind))]);
    } else rows.push([escapeMarkdown(t(`diff-section-${type}`)), String(changes.length)]);
  }
  if (summary.lostLead.length > 0)
    rows.push([`**${escapeMarkdown(t('diff-section-lost-lead'))}**`, `**${summary.lostLead.length}**`]);
  rows.push([escapeMarkdown(t('diff-md-units')), `${summary.units.from} → ${summary.units.to}`]);
  rows.push([escapeMarkdown(t('diff-md-functions')), `${summary.functions.from} → ${summary.functions.to}`]);
  if (summary.headcount.from || summary.headcount.to)
    rows.push([
      escapeMarkdown(t('diff-md-headcount')),
      `${summary.headcount.from ?? '—'} → ${summary.headcount.to ?? '—'}`,
    ]);
  return table([escapeMarkdown(t('diff-md-change')), escapeMarkdown(t('diff-md-count'))], ['l', 'r'], rows);
}

function errorBlock(t: Translate, side: 'from' | 'to', label: string, errors: readonly Diagnostic[]): string[] {
  const out = [`> ⚠️ ${escapeMarkdown(t(`diff-errors-${side}`, { label, count: errors.length }))}`, '>'];
  for (const d of errors.slice(0, MAX_ERRORS))
    out.push(`> - ${code(`${d.file}:${d.line}:${d.column}`)} ${escapeMarkdown(d.message)} (${code(d.rule)})`);
  if (errors.length > MAX_ERRORS)
    out.push(`> - ${escapeMarkdown(t('diff-md-more', { count: errors.length - MAX_ERRORS }))}`);
  return [...out, ''];
}

function reviewTable(ctx: Ctx, items: readonly ReviewItem[]): string[] {
  const { t } = ctx;
  const rows = items.map((item) => {
    const cell = (id: string): string => (item.subject === 'unit' ? unitCell(ctx, id) : fnCell(ctx, id));
    const matches = item.matches
      .map(
        (m) =>
          `${m.from.map(cell).join(' + ')} → ${m.to.map(cell).join(' + ')} (${escapeMarkdown(reviewMatchNote(m, item.subject, t))})`,
      )
      .join('<br>');
    return [escapeMarkdown(t(`diff-review-${item.subject}-${item.reason}`)), matches];
  });
  return table(
    [escapeMarkdown(t('diff-md-review-why')), escapeMarkdown(t('diff-md-review-matches'))],
    ['l', 'l'],
    rows,
  );
}

/** A section of the report: its title and table, whose rows can be cut to fit the limit. */
interface Section {
  title: string;
  /** Header and alignment lines of the table. */
  head: string[];
  rows: string[];
  /** Rows kept (all unless cut). */
  keep: number;
  /** Changes it lists (a renamed unit has a row per language). */
  count: number;
}

function renderSection(s: Section, t: Translate, hint: string): string[] {
  const out = [`### ${escapeMarkdown(s.title)}`, ''];
  const body = [...s.head, ...s.rows.slice(0, s.keep)];
  if (s.keep < s.rows.length)
    body.push(
      '',
      `*${escapeMarkdown(t('diff-md-cut', { count: s.rows.length - s.keep, total: s.rows.length }))}* ${hint}`,
    );
  if (s.count > FOLD_ROWS)
    out.push(
      '<details>',
      `<summary>${escapeHtml(t('diff-md-show', { count: s.count }))}</summary>`,
      '',
      ...body,
      '',
      '</details>',
      '',
    );
  else out.push(...body, '');
  return out;
}

const length = (lines: readonly string[]): number => lines.reduce((n, l) => n + l.length + 1, 0);

/**
 * Keeps the report within `max` characters: rows are cut from the end of the longest tables
 * first, each cut table saying how many rows it left out and how to get the whole diff. The
 * summary and the headings always stay.
 */
function fit(head: string[], sections: Section[], max: number, t: Translate, hint: string): string[] {
  const render = (): string[] => [...head, ...sections.flatMap((s) => renderSection(s, t, hint))];
  let out = render();
  if (length(out) <= max) return out;
  // Two passes: the notes that the first cut adds may need a little more room.
  for (let pass = 0; pass < 2 && length(out) > max; pass++) {
    let excess = length(out) - max;
    const order = [...sections].sort((a, b) => length(b.rows.slice(0, b.keep)) - length(a.rows.slice(0, a.keep)));
    for (const s of order) {
      if (excess <= 0) break;
      // Room for the note this cut adds.
      if (s.keep === s.rows.length) excess += 200 + hint.length;
      while (s.keep > 0 && excess > 0) {
        s.keep--;
        excess -= s.rows[s.keep]!.length + 1;
      }
    }
    out = render();
  }
  return out;
}

export const renderDiffMarkdown: DiffRenderer = (report, { t, language, maxLength }) => {
  const ctx: Ctx = { t, n: namer(report.diff, language), lang: language, defaultLanguage: report.diff.language };
  const head: string[] = [`## ${t('diff-md-title', { from: code(report.from.label), to: code(report.to.label) })}`, ''];
  if (report.to.basis) head.push(`**${escapeMarkdown(t('diff-md-basis'))}** ${actMarkdown(ctx, report.to.basis)}`, '');
  for (const side of ['from', 'to'] as const)
    if (report[side].errors.length > 0) head.push(...errorBlock(t, side, report[side].label, report[side].errors));
  head.push(`**${escapeMarkdown(summaryLine(report.diff, t))}**`, '');
  if (report.diff.changes.length === 0 && report.diff.review.length === 0) return `${head.join('\n')}`;
  if (report.diff.changes.length > 0) head.push(...summaryTable(report.diff, t), '');
  const section = (title: string, lines: string[], count: number): Section => ({
    title,
    head: lines.slice(0, 2),
    rows: lines.slice(2),
    keep: lines.length - 2,
    count,
  });
  const all: Section[] = [];
  for (const [type, changes] of sections(report.diff.changes))
    all.push(
      section(`${t(`diff-section-${type}`)} (${changes.length})`, sectionTable(ctx, type, changes), changes.length),
    );
  const lost = report.diff.summary.lostLead;
  if (lost.length > 0) {
    all.push(
      section(
        `${t('diff-section-lost-lead')} (${lost.length})`,
        table(
          [escapeMarkdown(t('diff-md-function')), escapeMarkdown(t('diff-md-lead-before'))],
          ['l', 'l'],
          lost.map((l) => [fnCell(ctx, l.function), unitsCell(ctx, l.from)]),
        ),
        0,
      ),
    );
  }
  if (report.diff.review.length > 0)
    all.push(
      section(
        `${t('diff-section-review')} (${report.diff.review.length})`,
        reviewTable(ctx, report.diff.review),
        report.diff.review.length,
      ),
    );
  // The command as a code span (a label with a backtick or a line break is escaped instead).
  const command = `org diff ${report.from.label} ${report.to.label} --format json`;
  const span = /[`\r\n]/.test(command) ? escapeMarkdown(command) : `\`${command}\``;
  const hint = t('diff-md-full', { command: '\u0000' }).split('\u0000').map(escapeMarkdown).join(span);
  return `${fit(head, all, maxLength ?? DEFAULT_MAX_LENGTH, t, hint).join('\n')}`;
};
