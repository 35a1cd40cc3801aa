/**
 * Findings and diagnostics. A rule reports a Finding that points at a file and a path inside its
 * YAML document; the loader alone turns that path into a line and column, and configuration alone
 * decides its severity, producing a Diagnostic.
 */

/** A path into a YAML document: map keys and sequence indexes from the top. */
export type YamlPath = ReadonlyArray<string | number>;

/** Message parameters substituted into `{{name}}` placeholders of a message template. */
export type MessageData = Readonly<Record<string, string | number>>;

/** Words for a message id in the reader's language (made by src/i18n/format.ts). */
export type Translate = (key: string, data?: MessageData) => string;

export interface Finding {
  /** Rule id, such as `parent-exists`. */
  rule: string;
  /** Message id inside the rule's catalogue, such as `missing`. */
  messageId: string;
  data?: MessageData;
  /** File as shown to the user: relative to the working directory, forward slashes. */
  file: string;
  /** Where in the document; absent for the file as a whole. */
  path?: YamlPath;
  /** Point at the key of the last path element instead of its value (e.g. an unknown property). */
  target?: 'key' | 'value';
  /** Already known position (the parser's own errors); 1-based. */
  range?: Range;
}

/** A 1-based range in a file. */
export interface Range {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export interface Diagnostic extends Range {
  rule: string;
  severity: DiagnosticSeverity;
  message: string;
  file: string;
}
