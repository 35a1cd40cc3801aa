/**
 * Tests a rule the way ESLint's RuleTester does: valid cases produce no finding of the rule, and
 * invalid cases produce exactly the expected findings, each with its rule, message id, data, file,
 * line and column. Cases are small in-memory structures built on a minimal valid base.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/format.js';
import type { MessageData } from '../../src/model/finding.js';
import { validateStructure } from '../../src/rules/run.js';
import { load, type Files } from './structure.js';

export interface ExpectedDiagnostic {
  file: string;
  line: number;
  column: number;
  /** The message id inside the rule's `meta.messages`. */
  messageId: string;
  /** The data the message is filled with (none when absent). */
  data?: MessageData;
  /** A substring or pattern the English message must match, where the wording itself matters. */
  message?: string | RegExp;
  severity?: 'error' | 'warning' | 'info';
}

export interface RuleCases {
  valid: Array<{ name: string; files: Files }>;
  invalid: Array<{ name: string; files: Files; errors: ExpectedDiagnostic[] }>;
}

const t = translator('en');

export function diagnosticsOf(rule: string, files: Files) {
  return validateStructure(load(files), t).diagnostics.filter((d) => d.rule === rule);
}

export function testRule(rule: string, cases: RuleCases): void {
  describe(rule, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(diagnosticsOf(rule, c.files)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const actual = diagnosticsOf(rule, c.files);
        expect(
          actual.map((d) => ({
            rule: d.rule,
            messageId: d.messageId,
            data: d.data,
            file: d.file,
            line: d.line,
            column: d.column,
          })),
        ).toEqual(
          c.errors.map((e) => ({
            rule,
            messageId: e.messageId,
            data: e.data ?? {},
            file: e.file,
            line: e.line,
            column: e.column,
          })),
        );
        c.errors.forEach((e, i) => {
          if (typeof e.message === 'string') expect(actual[i]!.message).toContain(e.message);
          else if (e.message) expect(actual[i]!.message).toMatch(e.message);
          if (e.severity) expect(actual[i]!.severity).toBe(e.severity);
        });
      });
    }
  });
}
