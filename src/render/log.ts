/**
 * `org log` and `org show ID --history` as text, Markdown and JSON: one block per commit,
 * newest first, with its date, commit, subject, the one-line summary of what it did to the
 * structure and the legal acts it brought in. The diff of each commit is the change model of
 * `org diff`, so JSON readers get the same `changes` they know from there.
 */
import type { LogEntry, UnitStep } from '../diff/history.js';
import type { Translate } from '../i18n/format.js';
import type { Act } from '../model/types.js';
import { actLine, actParts } from './act.js';
import { summaryLine } from './diff/common.js';
import { code, escapeMarkdown } from './diff/markdown.js';
import { changeLines } from './diff/text.js';

export interface LogRenderOptions {
  t: Translate;
  /** Language of names; default each structure's first language. */
  language?: string;
}

export interface LogReport {
  /** The structure directory in the repository. */
  path: string;
  range: string;
  entries: LogEntry[];
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** A commit subject is typed by anyone: no control character of it reaches a terminal. */
const clean = (s: string): string => s.replace(CONTROL, ' ');
const day = (iso: string): string => iso.slice(0, 10);
const short = (commit: string): string => commit.slice(0, 10);

function basisLines(
  acts: readonly Act[],
  t: Translate,
  language: string | undefined,
  defaultLanguage: string,
): string[] {
  return acts.map((act) => clean(t('diff-basis', { act: actLine(act, t, language, defaultLanguage) })));
}

export function renderLogText(report: LogReport, { t, language }: LogRenderOptions): string {
  if (report.entries.length === 0) return `${t('log-empty', { path: report.path, range: report.range })}\n`;
  const blocks = report.entries.map((e) => {
    const head = `${short(e.revision.commit)}  ${day(e.revision.date)}  ${clean(e.revision.subject)}${e.created ? `  ${t('log-created')}` : ''}`;
    return [
      head,
      `  ${summaryLine(e.diff, t)}`,
      ...basisLines(e.basis, t, language, e.diff.language).map((l) => `  ${l}`),
    ].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

function actMd(act: Act, t: Translate, language: string | undefined, defaultLanguage: string): string {
  const { head, title, url } = actParts(act, t, language, defaultLanguage);
  const text = escapeMarkdown([head, title ? t('act-title', { title }) : ''].filter(Boolean).join(' '));
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return text;
  const href = url.replace(
    /[()<>[\]\\`*_|"']/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `${text} ([${escapeMarkdown(t('act-link'))}](${href}))`;
}

export function renderLogMarkdown(report: LogReport, { t, language }: LogRenderOptions): string {
  const out = [`## ${escapeMarkdown(t('log-md-title'))} ${code(report.path)}`, ''];
  if (report.entries.length === 0)
    return `${[...out, escapeMarkdown(t('log-empty', { path: report.path, range: report.range }))].join('\n')}\n`;
  for (const e of report.entries) {
    out.push(
      `### ${day(e.revision.date)} · ${escapeMarkdown(clean(e.revision.subject))} · ${code(short(e.revision.commit))}`,
      '',
    );
    out.push(
      `**${escapeMarkdown(summaryLine(e.diff, t))}**${e.created ? ` ${escapeMarkdown(t('log-created'))}` : ''}`,
      '',
    );
    for (const act of e.basis)
      out.push(`${escapeMarkdown(t('diff-md-basis'))} ${actMd(act, t, language, e.diff.language)}`, '');
  }
  return `${out.join('\n')}`;
}

const entryJson = (e: Pick<LogEntry, 'revision' | 'basis' | 'diff'>, t: Translate) => ({
  commit: e.revision.commit,
  parents: e.revision.parents,
  date: e.revision.date,
  author: e.revision.author,
  subject: e.revision.subject,
  summaryLine: summaryLine(e.diff, t),
  basis: e.basis,
});

export function renderLogJson(report: LogReport, { t }: LogRenderOptions): string {
  const commits = report.entries.map((e) => ({
    ...entryJson(e, t),
    created: e.created,
    summary: e.diff.summary,
    changes: e.diff.changes,
    names: e.diff.names,
  }));
  return `${JSON.stringify({ path: report.path, range: report.range, commits }, null, 2)}\n`;
}

export interface UnitHistoryReport {
  id: string;
  /** The unit's name now (or when last seen), in the language asked. */
  name: string;
  path: string;
  steps: UnitStep[];
}

export function renderUnitHistoryText(report: UnitHistoryReport, { t, language }: LogRenderOptions): string {
  const title = t('history-title', {
    unit: report.name && report.name !== report.id ? `${clean(report.name)} [${report.id}]` : `[${report.id}]`,
  });
  if (report.steps.length === 0) return `${title}\n\n${t('history-empty', { path: report.path })}\n`;
  const blocks = report.steps.map((s) => {
    const head = `${short(s.revision.commit)}  ${day(s.revision.date)}  ${clean(s.revision.subject)}`;
    return [
      head,
      ...basisLines(s.basis, t, language, s.diff.language).map((l) => `  ${l}`),
      ...changeLines(s.diff, s.changes, { t, ...(language !== undefined ? { language } : {}) }).map(clean),
    ].join('\n');
  });
  return `${title}\n\n${blocks.join('\n\n')}\n`;
}

export function renderUnitHistoryJson(report: UnitHistoryReport, { t }: LogRenderOptions): string {
  const steps = report.steps.map((s) => ({ ...entryJson(s, t), ids: s.ids, changes: s.changes, names: s.diff.names }));
  return `${JSON.stringify({ id: report.id, path: report.path, history: steps }, null, 2)}\n`;
}
