/**
 * What every diff renderer receives: the change model and a description of the two sides (where
 * each came from and the errors found in it), and how to present them.
 */
import type { DiffResult, LocalText } from '../../diff/types.js';
import type { Translate } from '../../i18n/format.js';
import type { Diagnostic } from '../../model/finding.js';
import type { Act } from '../../model/types.js';

/** Where one side of a diff was read from. */
export type SideSource =
  { type: 'directory'; path: string } | { type: 'git'; revision: string; commit: string; path: string };

export interface DiffSide {
  /** As the user named it: a directory, or `REV:path`. */
  label: string;
  source: SideSource;
  organization: { id: string; name: LocalText };
  /** Errors found when validating this side (the diff is made from what could be understood). */
  errors: Diagnostic[];
  /** The legal act that approved this side's structure (`basis` in organization.yaml), when recorded. */
  basis?: Act;
  /** The day this side was cut to (`SIDE@YYYY-MM-DD`), when it was. */
  at?: string;
}

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
