/**
 * The rule settings of organization.yaml: each rule's severity and options, read once per run.
 * Options are checked against each rule's `meta.schema`, compiled at build time
 * (src/schema/generated/rule-options.js); a setting that does not match becomes a `schema`
 * finding pointing at the option, and the rule keeps its default for it. `applyConfig` gives the
 * findings of a run their severity and drops those that are off.
 */
import type { ErrorObject } from 'ajv';
import type { DiagnosticSeverity, Finding } from '../model/finding.js';
import type { LoadedStructure } from '../model/loaded.js';
import type { Severity } from '../model/types.js';
import { ruleOptionValidators } from '../schema/generated/rule-options.js';
import { rules } from './index.js';
import type { OptionSchema, Rule } from './rule.js';

export interface RuleConfig {
  severity: Severity;
  options: Record<string, unknown>;
}

/** The data of each message about a rule's options (src/rules/schema.ts holds the messages). */
export interface OptionMessageData {
  'option-unknown': { option: string; ruleId: string };
  'option-integer': { option: string; ruleId: string };
  'option-minimum': { option: string; ruleId: string; minimum: number };
  'option-strings': { option: string; ruleId: string };
}

type OptionMessage = {
  [K in keyof OptionMessageData]: { messageId: K; data: OptionMessageData[K] };
}[keyof OptionMessageData];

/** What is wrong with one option, from the first of ajv's errors about it. */
function optionMessage(
  ruleId: string,
  option: string,
  spec: OptionSchema | undefined,
  e: ErrorObject | undefined,
): OptionMessage {
  if (!spec) return { messageId: 'option-unknown', data: { option, ruleId } };
  if (spec.type === 'array') return { messageId: 'option-strings', data: { option, ruleId } };
  if (e?.keyword === 'minimum')
    return { messageId: 'option-minimum', data: { option, ruleId, minimum: Number(e.params.limit) } };
  return { messageId: 'option-integer', data: { option, ruleId } };
}

/** Findings about the options given to one rule, and the names of the options that cannot be used. */
function checkOptions(
  rule: Rule,
  given: Record<string, unknown>,
  file: string,
): { findings: Finding[]; bad: Set<string> } {
  const ruleId = rule.id;
  const validate = ruleOptionValidators[ruleId];
  // The first problem of each option given (none for an option the rule does not have).
  const byOption = new Map<string, ErrorObject | undefined>();
  if (!validate) {
    // A rule without a schema takes no options: each one given is unknown.
    for (const option of Object.keys(given)) byOption.set(option, undefined);
  } else if (!validate(given)) {
    for (const e of validate.errors ?? []) {
      const option =
        e.keyword === 'additionalProperties' && e.instancePath === ''
          ? String(e.params.additionalProperty)
          : (e.instancePath.split('/')[1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
      // The type of a value is its first problem: a number that is not whole is not also "too small".
      const earlier = byOption.get(option);
      if (!earlier || (earlier.keyword === 'minimum' && e.keyword !== 'minimum')) byOption.set(option, e);
    }
  }
  const findings: Finding[] = [];
  for (const [option, e] of byOption) {
    const properties = rule.meta.schema?.properties ?? {};
    const spec = Object.hasOwn(properties, option) ? properties[option] : undefined;
    const message = optionMessage(ruleId, option, spec, e);
    findings.push({
      rule: 'schema',
      ...message,
      file,
      path: ['rules', ruleId, 1, option],
      target: message.messageId === 'option-unknown' ? 'key' : 'value',
    });
  }
  return { findings, bad: new Set(byOption.keys()) };
}

/** Reads each rule's severity and options; problems in the settings become `schema` findings. */
export function ruleConfig(loaded: LoadedStructure): { config: Map<string, RuleConfig>; findings: Finding[] } {
  const config = new Map<string, RuleConfig>();
  const findings: Finding[] = [];
  const settings = loaded.organization.rules ?? {};
  for (const rule of rules) {
    const setting = settings[rule.id];
    const severity: Severity = (Array.isArray(setting) ? setting[0] : setting) ?? rule.meta.defaultSeverity;
    const given: Record<string, unknown> = Array.isArray(setting) && setting[1] ? setting[1] : {};
    const options: Record<string, unknown> = { ...(rule.defaultOptions ?? {}) };
    const checked = checkOptions(rule, given, loaded.organizationFile);
    findings.push(...checked.findings);
    for (const [name, value] of Object.entries(given)) if (!checked.bad.has(name)) options[name] = value;
    config.set(rule.id, {
      severity: ['off', 'info', 'warn', 'error'].includes(severity) ? severity : rule.meta.defaultSeverity,
      options,
    });
  }
  return { config, findings };
}

/** A finding with the severity configuration gave it: ready to be located and worded. */
export type SeveredFinding = Finding & { severity: DiagnosticSeverity };

const SEVERITY: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: 'error',
  warn: 'warning',
  info: 'info',
};

/**
 * Gives each finding its rule's severity and drops those of rules that are off — and, with
 * `errorsOnly`, everything but errors — before anything is located or worded. Findings of a rule
 * the configuration does not know (none today) count as errors.
 */
export function applyConfig(
  findings: readonly Finding[],
  config: ReadonlyMap<string, RuleConfig>,
  options: { errorsOnly?: boolean } = {},
): SeveredFinding[] {
  const out: SeveredFinding[] = [];
  for (const f of findings) {
    const severity = config.get(f.rule)?.severity ?? 'error';
    if (severity === 'off' || (options.errorsOnly && severity !== 'error')) continue;
    out.push({ ...f, severity: SEVERITY[severity] });
  }
  return out;
}
