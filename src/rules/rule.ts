/**
 * What a rule is. A rule declares its metadata (description, default severity, options and
 * message templates in English) and a check that reports findings against the model. It never
 * decides severity or output: configuration and formatters do.
 */
import type { LoadedStructure } from '../load/structure.js';
import type { MessageData, YamlPath } from '../model/finding.js';
import type { OrgModel } from '../model/model.js';
import type { Severity } from '../model/types.js';

/** A small JSON-Schema-like description of a rule's options, checked when configuration is read. */
export interface OptionSpec {
  type: 'integer' | 'string-array';
  minimum?: number;
  description: string;
}

export interface RuleMeta {
  description: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  options?: Record<string, OptionSpec>;
  /** Message templates with `{{name}}` placeholders, by message id. */
  messages: Record<string, string>;
}

export interface Report {
  messageId: string;
  data?: MessageData;
  file: string;
  path?: YamlPath;
  target?: 'key' | 'value';
}

export interface RuleContext<O = Record<string, unknown>> {
  model: OrgModel;
  loaded: LoadedStructure;
  options: O;
  report(report: Report): void;
}

export interface Rule<O = Record<string, unknown>> {
  id: string;
  meta: RuleMeta;
  defaultOptions?: O;
  check(context: RuleContext<O>): void;
}

/** Helps each rule file declare its options type once. */
export function defineRule<O = Record<string, unknown>>(rule: Rule<O>): Rule<O> {
  return rule;
}
