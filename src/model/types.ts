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

/** Kinds of legal act a structure or a unit rests on (see `$defs/act` in the schemas). */
export type ActKind =
  'law' | 'decree' | 'resolution' | 'order' | 'directive' | 'decision' | 'protocol' | 'charter' | 'other';

/** A legal act: what approved a structure, or created or changed a unit. */
export interface Act {
  kind?: ActKind;
  number?: string | number;
  date?: string;
  title?: Text;
  url?: string;
}

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
  /** Font files for charts and matrices, relative to organization.yaml, first choice first. */
  fonts?: string[];
  languages: string[];
  kinds: Kind[];
  roles?: Role[];
  functionTypes?: FunctionType[];
  rules?: Record<string, RuleSetting>;
  basis?: Act;
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
  /** A staff (advisory) unit of its parent rather than a line unit: drawn on a side branch. */
  staff?: boolean;
  /** Place among its siblings: smaller first; absent or equal numbers fall back to kind, then name. */
  order?: number;
  description?: Text;
  functions?: Record<string, string>;
  positions?: Position[];
  replaces?: string[];
  /** First day in force (YYYY-MM-DD). */
  from?: string;
  /** First day no longer in force (YYYY-MM-DD). */
  until?: string;
  basis?: Act;
  source?: Source;
}

/** Contents of one `functions/**\/<id>.yaml` file. */
export interface OrgFunction {
  id: string;
  name: Text;
  type?: string;
  description?: Text;
  from?: string;
  until?: string;
  replaces?: string[];
  source?: Source;
}
