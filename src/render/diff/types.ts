/**
 * What every diff renderer receives: the change model and a description of the two sides (where
 * each came from and the errors found in it), and how to present them.
 */
import type { DiffResult, DiffSide } from '../../diff/types.js';
import type { Translate } from '../../i18n/format.js';

export type { DiffSide, SideSource } from '../../diff/types.js';

export interface DiffReport {
  from: DiffSide;
  to: DiffSide;
  diff: DiffResult;
}

export interface DiffRenderOptions {
  t: Translate;
  /** Language of unit and function names; default the later organisation's first language. */
  language?: string;
  /** Colour (text only). */
  color?: boolean;
  /** Longest output in characters (Markdown only; default 65,536, GitHub's limit for a comment). */
  maxLength?: number;
}

export type DiffRenderer = (report: DiffReport, options: DiffRenderOptions) => string;
