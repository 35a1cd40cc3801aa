/** Human output for the terminal: problems grouped by file, aligned, with a closing count. */
import { Chalk } from 'chalk';
import { displayWidth, maxOf, padEnd } from '../text-width.js';
import type { Formatter } from './types.js';

// Without colour, styling is the identity: no need to build chalk's styles for plain text (a
// noticeable share of a short run's start-up).
const identity = (s: string): string => s;
const plain = Object.assign(identity, {
  underline: identity,
  dim: identity,
  red: Object.assign(identity, { bold: identity }),
  yellow: Object.assign(identity, { bold: identity }),
  blue: identity,
  green: identity,
});

export const stylish: Formatter = ({ diagnostics, summary }, { color, t }) => {
  const c = color ? new Chalk({ level: 1 }) : plain;
  const lines: string[] = [];
  const byFile = new Map<string, typeof diagnostics>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  for (const [file, list] of byFile) {
    lines.push(c.underline(file));
    const where = list.map((d) => `${d.line}:${d.column}`);
    const whereWidth = maxOf(where.map((w) => w.length));
    const sevWidth = maxOf(list.map((d) => displayWidth(t(`severity-${d.severity}`))));
    const msgWidth = maxOf(list.map((d) => displayWidth(d.message)));
    list.forEach((d, i) => {
      const sev = padEnd(t(`severity-${d.severity}`), sevWidth);
      const sevText = d.severity === 'error' ? c.red(sev) : d.severity === 'warning' ? c.yellow(sev) : c.blue(sev);
      lines.push(
        `  ${c.dim(where[i]!.padEnd(whereWidth))}  ${sevText}  ${padEnd(d.message, msgWidth)}  ${c.dim(d.rule)}`,
      );
    });
    lines.push('');
  }
  const data = { units: summary.units, functions: summary.functions };
  const problems = summary.errors + summary.warnings + summary.infos;
  if (problems === 0) lines.push(c.green(t('summary-clean', data)));
  // Notes alone (rules set to `info`) do not make a structure unclean.
  else if (summary.errors === 0 && summary.warnings === 0)
    lines.push(c.green(t('summary-clean-notes', { ...data, infos: t('count-infos', { count: summary.infos }) })));
  else {
    const text = t('summary-problems', {
      ...data,
      problems: t('count-problems', { count: problems }),
      details: [
        summary.errors > 0 ? t('count-errors', { count: summary.errors }) : '',
        summary.warnings > 0 ? t('count-warnings', { count: summary.warnings }) : '',
        summary.infos > 0 ? t('count-infos', { count: summary.infos }) : '',
      ]
        .filter(Boolean)
        .join(', '),
      mark: summary.errors > 0 ? '✖' : '⚠',
    });
    lines.push(summary.errors > 0 ? c.red.bold(text) : c.yellow.bold(text));
  }
  return `${lines.join('\n')}\n`;
};
