/** What every diagnostics formatter receives: the result of a run, and how to present it. */
import type { Translate } from '../../i18n/format.js';
import type { ValidationResult } from '../../rules/run.js';

export interface FormatOptions {
  /** Colour the output (only stylish uses it). */
  color: boolean;
  t: Translate;
  /** Version of the tool, for SARIF. */
  version: string;
}

/** What a formatter formats; `files` lists every file checked (JUnit makes a test case of each). */
export type FormatterInput = Pick<ValidationResult, 'diagnostics' | 'summary'> & { files?: readonly string[] };

export type Formatter = (result: FormatterInput, options: FormatOptions) => string;
