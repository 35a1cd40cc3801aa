/**
 * The diff as JSON for programs: `{ from, to, changes, review, summary, names }`. `changes` keeps the
 * change model as it is (the `type` strings and fields are the contract); `from` and `to` say where
 * each side came from, its totals and its errors; `names` gives every mentioned id its names.
 */
import type { DiffRenderer, DiffSide } from './types.js';

function side(s: DiffSide, totals: { units: number; functions: number; headcount: number | null }) {
  return {
    label: s.label,
    source: s.source,
    organization: s.organization,
    ...totals,
    errors: s.errors.map((d) => ({ file: d.file, line: d.line, column: d.column, rule: d.rule, message: d.message })),
    ...(s.basis ? { basis: s.basis } : {}),
    ...(s.at ? { at: s.at } : {}),
  };
}

export const renderDiffJson: DiffRenderer = ({ from, to, diff }) => {
  const { summary } = diff;
  const totals = (k: 'from' | 'to') => ({
    units: summary.units[k],
    functions: summary.functions[k],
    headcount: summary.headcount[k],
  });
  const out = {
    from: side(from, totals('from')),
    to: side(to, totals('to')),
    changes: diff.changes,
    review: diff.review,
    summary,
    names: diff.names,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};
