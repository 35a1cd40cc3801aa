/**
 * GitLab Code Quality (a subset of the Code Climate issue format): a JSON array that a job
 * publishes with `artifacts: reports: codequality`, shown in the merge request and beside the
 * changed lines. Each issue has a fingerprint GitLab uses to tell issues apart and to match them
 * between the source and target branches: made from the file, the rule, the message and the
 * occurrence among identical ones — not the line, so an issue keeps its identity when lines move.
 */
import { createHash } from 'node:crypto';
import type { Formatter } from './types.js';

/** GitLab's scale is info, minor, major, critical, blocker; an error stops the structure from being valid. */
const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

export const codequality: Formatter = ({ diagnostics }) => {
  const seen = new Map<string, number>();
  const issues = diagnostics.map((d) => {
    const identity = [d.file, d.rule, d.message].join('\u0000');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return {
      type: 'issue',
      description: d.message,
      check_name: d.rule,
      fingerprint: createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32),
      severity: SEVERITY[d.severity],
      location: {
        path: d.file,
        lines: { begin: d.line, ...(d.endLine !== undefined && d.endLine > d.line ? { end: d.endLine } : {}) },
      },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
