/**
 * What a rule is. A rule declares its metadata (description, default severity, the JSON Schema of
 * its options and message templates in English) and a check that reports findings against the
 * model. It never decides severity or output: configuration and formatters do.
 *
 * `defineRule` types a rule by its own metadata: `report({ messageId })` accepts only the keys of
 * that rule's `meta.messages`, `data` must fill every `{{placeholder}}` of the chosen template,
 * and the options a check receives are typed from `meta.schema` and `defaultOptions`.
 */
import type { LoadedStructure } from '../load/structure.js';
import type { MessageData, YamlPath } from '../model/finding.js';
import type { OrgModel } from '../model/model.js';
import type { Severity } from '../model/types.js';

/** Message templates with `{{name}}` placeholders (`{{name|one|other}}` for plurals), by message id. */
export type Messages = Readonly<Record<string, string>>;

/** The placeholder names of a template: `'Unit "{{id}}" has {{count|one|many}}'` → `'id' | 'count'`. */
export type Placeholders<S extends string> = S extends `${string}{{${infer P}}}${infer Rest}`
  ? (P extends `${infer Name}|${string}` ? Name : P) | Placeholders<Rest>
  : never;

/** The data a template needs: a value for each placeholder, and nothing else. */
export type DataFor<S extends string> = { readonly [K in Placeholders<S>]: string | number };

/** One report of one message: its id, the data its template needs, and where. */
export type ReportOf<Id extends string, Template extends string> = {
  messageId: Id;
  file: string;
  path?: YamlPath;
  target?: 'key' | 'value';
} & ([Placeholders<Template>] extends [never]
  ? { data?: Readonly<Record<string, never>> }
  : { data: DataFor<Template> });

/** Any report a rule with messages `M` may make. */
export type Report<M extends Messages = Messages> = string extends keyof M
  ? { messageId: string; data?: MessageData; file: string; path?: YamlPath; target?: 'key' | 'value' }
  : { [Id in keyof M & string]: ReportOf<Id, M[Id]> }[keyof M & string];

/** The JSON Schema (draft 2020-12) of a rule's options: an object of named options. */
export interface OptionsSchema {
  type: 'object';
  properties: Readonly<Record<string, OptionSchema>>;
  additionalProperties: false;
}

/**
 * The schema of one option: the subset of JSON Schema rule options use, each form with its own
 * message when a setting does not match it (src/rules/config.ts).
 */
export type OptionSchema =
  | { type: 'integer'; description: string; minimum?: number }
  | { type: 'array'; items: { type: 'string' }; description: string };

type ValueOf<S> = S extends { type: 'integer' }
  ? number
  : S extends { type: 'string' }
    ? string
    : S extends { type: 'array'; items: infer I }
      ? ReadonlyArray<ValueOf<I>>
      : unknown;

/** The options a check receives: every option of the schema may be absent unless it has a default. */
export type OptionsOf<S, D> = (S extends { properties: infer P }
  ? { readonly [K in keyof P]?: ValueOf<P[K]> }
  : object) & { readonly [K in keyof D]: Widen<D[K]> };

/** A default's type as an option's: `8` stands for any number, `'ru'` for any string. */
type Widen<T> = T extends number ? number : T extends string ? string : T extends boolean ? boolean : T;

export interface RuleMeta<
  M extends Messages = Messages,
  S extends OptionsSchema | undefined = OptionsSchema | undefined,
> {
  description: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  /** The options the rule takes, compiled into a validator at build time (scripts/build.mjs). */
  schema?: S;
  messages: M;
}

export interface RuleContext<M extends Messages = Messages, O = Readonly<Record<string, unknown>>> {
  model: OrgModel;
  loaded: LoadedStructure;
  options: O;
  report(report: Report<M>): void;
}

export interface Rule<
  M extends Messages = Messages,
  S extends OptionsSchema | undefined = OptionsSchema | undefined,
  D = object,
> {
  id: string;
  meta: RuleMeta<M, S>;
  defaultOptions?: D;
  check(context: RuleContext<M, OptionsOf<S, D>>): void;
}

/** Declares a rule, typing its reports by its own messages and its options by its own schema. */
export function defineRule<
  const M extends Messages,
  const S extends OptionsSchema | undefined = undefined,
  const D = object,
>(rule: Rule<M, S, D>): Rule<M, S, D> {
  return rule;
}

/** What is wrong with templates `M` for findings whose data is `D`, by message id: `never` when nothing. */
type TemplateErrors<M, D> =
  | { [K in keyof M]: K extends keyof D ? never : `no finding has the message id "${K & string}"` }[keyof M]
  | {
      [K in keyof M & keyof D]: M[K] extends string
        ? [Exclude<Placeholders<M[K]>, keyof D[K]>] extends [never]
          ? never
          : `"${K & string}": {{${Exclude<Placeholders<M[K]>, keyof D[K]> & string}}} is not in the data of its finding`
        : never;
    }[keyof M & keyof D];

/**
 * Message templates for findings made outside the rule (the loader, the schema validator, the
 * configuration reader), checked against `D`, the data each message id receives: every id of
 * `D` has a template, every template is for an id of `D` (so each is reachable), and every
 * placeholder is in that id's data. `templatesFor<D>()({ ... })`; a mistake asks for a second
 * argument whose type names it.
 */
export function templatesFor<D>() {
  return <const M extends { readonly [K in keyof D]: string }>(
    messages: M,
    ...mistakes: [TemplateErrors<M, D>] extends [never] ? [] : [TemplateErrors<M, D>]
  ): M => {
    void mistakes;
    return messages;
  };
}
