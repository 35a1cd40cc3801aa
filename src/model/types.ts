/**
 * The file format as TypeScript types. The JSON Schemas in `schemas/` are the source of truth;
 * `tests/model/types-agree.test.ts` proves these interfaces list the same properties with the
 * same optionality, so the two cannot drift apart silently.
 */

/** A human-readable text: a plain string in the organisation's default language, or language → string. */
export type Text = string | { [language: string]: string };

/** Where a fact comes from: a citation string, or a structured reference. */
export type Source =
  | string
  | {
      title?: string;
      url?: string;
      date?: string;
      note?: string;
    };

export type Severity = 'off' | 'info' | 'warn' | 'error';
export type RuleSetting = Severity | [Severity] | [Severity, Record<string, unknown>];

export interface Kind {
  id: string;
  name: Text;
  functionTypes?: string[];
}

export interface Role {
  id: string;
  name: Text;
  code?: Text;
}

export interface FunctionType {
  id: string;
  name: Text;
  description?: Text;
}

/** Contents of `organization.yaml`. */
export interface Organization {
  id: string;
  name: Text;
  short?: Text;
  description?: Text;
  date?: string;
  languages: string[];
  kinds: Kind[];
  roles?: Role[];
  functionTypes?: FunctionType[];
  rules?: Record<string, RuleSetting>;
  source?: Source;
}

export interface Position {
  title: Text;
  count: number;
}

/** Contents of one `units/**\/<id>.yaml` file. */
export interface Unit {
  id: string;
  kind: string;
  name: Text;
  short?: Text;
  parent?: string;
  description?: Text;
  functions?: Record<string, string>;
  positions?: Position[];
  replaces?: string[];
  source?: Source;
}

/** Contents of one `functions/**\/<id>.yaml` file. */
export interface OrgFunction {
  id: string;
  name: Text;
  type?: string;
  description?: Text;
  replaces?: string[];
  source?: Source;
}
