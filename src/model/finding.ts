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

/**
 * A finding about a file's contents before it is known which file it is: what reading one file
 * yields (and the parse cache keeps, by content); the loader adds the file.
 */
export type FileFinding = Omit<Finding, 'file'>;

/** A 1-based range in a file. */
export interface Range {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** A finding as the reader gets it: located, with its severity and its message in their language. */
export interface Diagnostic extends Range {
  rule: string;
  /** Message id inside the rule's catalogue: with `rule`, names the template `message` was made from. */
  messageId: string;
  severity: DiagnosticSeverity;
  message: string;
  /** The values filled into the template's placeholders (empty when it has none). */
  data: MessageData;
  file: string;
}
