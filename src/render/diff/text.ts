/**
 * The diff for a terminal, in the manner of `terraform plan`: changes grouped by type under a
 * heading with their count, each line marked (`+` added, `-` removed, `~` changed, `→` moved,
 * `⇄` transferred), names in the chosen language with ids in brackets, and a one-line summary at
 * the end. Colour comes from a chalk instance whose level the caller decides.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Change, ChangeType, DiffResult, LocalText } from '../../diff/types.js';
import type { Translate } from '../../i18n/format.js';
import { actLine, validityText } from '../act.js';
import { fieldValue, lineageNote, namer, reviewMatchNote, sections, summaryLine, type Namer } from './common.js';
import type { DiffRenderer, DiffRenderOptions, DiffReport } from './types.js';

const MARK: Record<ChangeType, string> = {
  'unit-added': '+',
  'unit-removed': '-',
  'unit-replaced': '~',
  'unit-renamed': '~',
  'unit-moved': '→',
  'unit-kind-changed': '~',
  'unit-field-changed': '~',
  'headcount-changed': '~',
  'unit-validity-changed': '~',
  'unit-basis-changed': '~',
  'function-added': '+',
  'function-removed': '-',
  'function-replaced': '~',
  'function-renamed': '~',
  'function-transferred': '⇄',
  'function-validity-changed': '~',
  'assignment-added': '+',
  'assignment-removed': '-',
  'assignment-changed': '~',
};

/** A headcount, or a dash where it is unknown. */
const known = (n: number | null): string => (n === null ? '—' : String(n));

function paint(c: ChalkInstance, mark: string): string {
  if (mark === '+') return c.green(mark);
  if (mark === '-' || mark === '!') return c.red(mark);
  if (mark === '→') return c.cyan(mark);
  if (mark === '⇄') return c.magenta(mark);
  return c.yellow(mark);
}

interface Ctx {
  c: ChalkInstance;
  t: Translate;
  n: Namer;
  /** Language of names, and the later organisation's first language, for the titles of acts. */
  lang: string | undefined;
  defaultLanguage: string;
}

/** "Name [id]", or "[id]" for a unit whose name is unknown. */
function label(ctx: Ctx, name: string, id: string): string {
  const tag = ctx.c.dim(`[${id}]`);
  return name ? `${name} ${tag}` : tag;
}
const unitLabel = (ctx: Ctx, id: string | null): string =>
  id === null ? ctx.t('diff-top-level') : label(ctx, ctx.n.unit(id), id);
const fnLabel = (ctx: Ctx, id: string): string => label(ctx, ctx.n.fn(id), id);
const units = (ctx: Ctx, ids: readonly string[]): string =>
  ids.length === 0 ? ctx.t('diff-none') : ids.map((id) => unitLabel(ctx, id)).join(' + ');

/** One line per language whose text changed: "en: Old → New". */
function textChanges(ctx: Ctx, from: LocalText, to: LocalText, languages: readonly string[]): string[] {
  const show = (s: string | undefined): string =>
    s === undefined ? ctx.c.dim(ctx.t('diff-none')) : s.replace(/\s+/g, ' ').trim();
  return languages.map((lang) => `      ${ctx.c.dim(`${lang}:`)} ${show(from[lang])} → ${show(to[lang])}`);
}

function lines(ctx: Ctx, change: Change): string[] {
  const { t, n, c } = ctx;
  const mark = `  ${paint(c, MARK[change.type])} `;
  switch (change.type) {
    case 'unit-added':
    case 'unit-removed': {
      const facts = [n.kind(change.kind)];
      if (change.parent !== null) facts.push(t('diff-under', { parent: unitLabel(ctx, change.parent) }));
      if (change.headcount !== null && change.headcount > 0)
        facts.push(t('diff-headcount', { count: change.headcount }));
      const out = [`${mark}${unitLabel(ctx, change.unit)}  ${c.dim('(')}${facts.join(', ')}${c.dim(')')}`];
      for (const [fn, role] of Object.entries(change.functions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        out.push(`      ${n.role(role)}: ${fnLabel(ctx, fn)}`);
      return out;
    }
    case 'unit-replaced': {
      const out = [
        `${mark}${c.bold(t(`diff-kind-${change.kind}`))}: ${units(ctx, change.from)} → ${units(ctx, change.to)}`,
      ];
      if (change.inferred) out.push(`      ${c.italic(lineageNote(change, t))}`);
      if (change.headcount.from !== change.headcount.to)
        out.push(
          `      ${t('diff-headcount-change', { from: known(change.headcount.from), to: known(change.headcount.to) })}`,
        );
      return out;
    }
    case 'unit-renamed':
      return [`${mark}${unitLabel(ctx, change.unit)}`, ...textChanges(ctx, change.from, change.to, change.languages)];
    case 'unit-moved':
      return [`${mark}${unitLabel(ctx, change.unit)}: ${unitLabel(ctx, change.from)} → ${unitLabel(ctx, change.to)}`];
    case 'unit-kind-changed':
      return [`${mark}${unitLabel(ctx, change.unit)}: ${n.kind(change.from)} → ${n.kind(change.to)}`];
    case 'unit-field-changed':
      return [
        `${mark}${unitLabel(ctx, change.unit)}: ${t(`diff-field-${change.field}`)} ${fieldValue(t, change.from)} → ${fieldValue(t, change.to)}`,
      ];
    case 'headcount-changed':
      return [
        `${mark}${unitLabel(ctx, change.unit)}: ${known(change.from)} → ${known(change.to)}`,
        ...change.positions.map((p) => `      ${n.text(p.title) || c.dim(t('diff-untitled'))}: ${p.from} → ${p.to}`),
      ];
    case 'function-added':
      return [
        `${mark}${fnLabel(ctx, change.function)}  ${c.dim('(')}${change.lead.length > 0 ? t('diff-led-by', { units: units(ctx, change.lead) }) : t('diff-no-lead')}${c.dim(')')}`,
      ];
    case 'function-removed':
      return [
        `${mark}${fnLabel(ctx, change.function)}${change.lead.length > 0 ? `  ${c.dim('(')}${t('diff-was-led-by', { units: units(ctx, change.lead) })}${c.dim(')')}` : ''}`,
      ];
    case 'function-replaced': {
      const fns = (ids: readonly string[]): string => ids.map((id) => fnLabel(ctx, id)).join(' + ');
      const lead =
        change.kind === 'moved'
          ? t('diff-lead-moved', { from: units(ctx, change.lead.from), to: units(ctx, change.lead.to) })
          : change.lead.to.length > 0
            ? t('diff-led-by', { units: units(ctx, change.lead.to) })
            : t('diff-no-lead');
      return [
        `${mark}${c.bold(t(`diff-fn-kind-${change.kind}`))}: ${fns(change.from)} → ${fns(change.to)}`,
        `      ${lead}`,
        `      ${c.italic(lineageNote(change, t))}`,
      ];
    }
    case 'function-renamed':
      return [`${mark}${fnLabel(ctx, change.function)}`, ...textChanges(ctx, change.from, change.to, change.languages)];
    case 'function-transferred':
      return [`${mark}${fnLabel(ctx, change.function)}: ${units(ctx, change.from)} → ${units(ctx, change.to)}`];
    case 'unit-validity-changed':
      return [`${mark}${unitLabel(ctx, change.unit)}: ${validityText(change.from, t)} → ${validityText(change.to, t)}`];
    case 'function-validity-changed':
      return [
        `${mark}${fnLabel(ctx, change.function)}: ${validityText(change.from, t)} → ${validityText(change.to, t)}`,
      ];
    case 'unit-basis-changed': {
      const act = (a: typeof change.from): string =>
        a === null ? c.dim(t('diff-none')) : actLine(a, t, ctx.lang, ctx.defaultLanguage);
      return [
        `${mark}${unitLabel(ctx, change.unit)}`,
        `      ${c.dim(`${t('diff-was')}:`)} ${act(change.from)}`,
        `      ${c.dim(`${t('diff-now')}:`)} ${act(change.to)}`,
      ];
    }
    case 'assignment-added':
    case 'assignment-removed':
      return [
        `${mark}${t('diff-assignment', { unit: unitLabel(ctx, change.unit), role: n.role(change.role), function: fnLabel(ctx, change.function) })}`,
      ];
    case 'assignment-changed':
      return [
        `${mark}${t('diff-assignment-changed', { unit: unitLabel(ctx, change.unit), function: fnLabel(ctx, change.function), from: n.role(change.from), to: n.role(change.to) })}`,
      ];
  }
}

export const renderDiffText: DiffRenderer = (report, { t, language, color = false }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const ctx: Ctx = { c, t, n: namer(report.diff, language), lang: language, defaultLanguage: report.diff.language };
  const out: string[] = [c.bold(t('diff-header', { from: report.from.label, to: report.to.label }))];
  // The act that approved the later structure: what a reader cites for the whole reorganisation.
  if (report.to.basis) out.push(t('diff-basis', { act: actLine(report.to.basis, t, language, report.diff.language) }));
  out.push('');
  for (const [type, changes] of sections(report.diff.changes)) {
    out.push(c.bold(`${t(`diff-section-${type}`)} (${changes.length})`));
    for (const change of changes) out.push(...lines(ctx, change));
    out.push('');
  }
  const lost = report.diff.summary.lostLead;
  if (lost.length > 0) {
    out.push(c.bold(`${t('diff-section-lost-lead')} (${lost.length})`));
    for (const l of lost)
      out.push(
        `  ${paint(c, '!')} ${fnLabel(ctx, l.function)}  ${c.dim('(')}${t('diff-was-led-by', { units: units(ctx, l.from) })}${c.dim(')')}`,
      );
    out.push('');
  }
  const review = report.diff.review;
  if (review.length > 0) {
    out.push(c.bold(`${t('diff-section-review')} (${review.length})`));
    for (const item of review) {
      const label = (id: string): string => (item.subject === 'unit' ? unitLabel(ctx, id) : fnLabel(ctx, id));
      out.push(`  ${c.yellow('?')} ${t(`diff-review-${item.subject}-${item.reason}`)}`);
      for (const m of item.matches)
        out.push(
          `      ${m.from.map(label).join(' + ')} → ${m.to.map(label).join(' + ')}  ${c.dim(`(${reviewMatchNote(m, item.subject, t)})`)}`,
        );
    }
    out.push(c.dim(t('diff-review-hint')), '');
  }
  const line = summaryLine(report.diff, t);
  out.push(report.diff.changes.length === 0 && review.length === 0 ? c.green(line) : c.bold(line));
  return `${out.join('\n')}\n`;
};

/** One change as the text diff tells it, for other layouts of the same words (the change table of a reorganisation chart). */
export interface ChangeDescription {
  /** The section heading of the change's type ("Units renamed"), or of the functions left without a lead. */
  section: string;
  /** The first line without its mark, then the indented detail lines without their indentation. */
  lines: string[];
}

/** Every change of a diff in the words and order of the text output, without colour or marks. */
export function describeChanges(diff: DiffResult, t: Translate, language?: string): ChangeDescription[] {
  const ctx: Ctx = {
    c: new Chalk({ level: 0 }),
    t,
    n: namer(diff, language),
    lang: language,
    defaultLanguage: diff.language,
  };
  const out: ChangeDescription[] = [];
  const strip = (text: string[]): string[] =>
    text.map((line, i) => (i === 0 ? line.replace(/^ {2}\S /, '') : line.trim()));
  for (const [type, changes] of sections(diff.changes)) {
    const section = t(`diff-section-${type}`);
    for (const change of changes) out.push({ section, lines: strip(lines(ctx, change)) });
  }
  const section = t('diff-section-lost-lead');
  for (const l of diff.summary.lostLead)
    out.push({
      section,
      lines: [`${fnLabel(ctx, l.function)}  (${t('diff-was-led-by', { units: units(ctx, l.from) })})`],
    });
  return out;
}

/**
 * Some changes of a diff as the lines the text diff shows for them (without section headings),
 * for reports that tell part of a diff: the history of one unit.
 */
export function changeLines(
  diff: DiffResult,
  changes: readonly Change[],
  { t, language, color = false }: DiffRenderOptions,
): string[] {
  const c = new Chalk({ level: color ? 1 : 0 });
  const ctx: Ctx = { c, t, n: namer(diff, language), lang: language, defaultLanguage: diff.language };
  return changes.flatMap((change) => lines(ctx, change));
}

/**
 * The errors of each side, for standard error above a text diff: one heading per side with
 * errors, then `file:line:column  message  (rule)` lines.
 */
export function renderSideErrors(report: DiffReport, t: Translate): string {
  const out: string[] = [];
  for (const side of ['from', 'to'] as const) {
    const { errors, label: where } = report[side];
    if (errors.length === 0) continue;
    out.push(t(`diff-errors-${side}`, { label: where, count: errors.length }));
    for (const d of errors) out.push(`  ${d.file}:${d.line}:${d.column}  ${d.message}  (${d.rule})`);
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
