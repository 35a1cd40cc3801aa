/**
 * Runs the rules over a loaded structure: reads the rule settings from organization.yaml, runs
 * every rule that is not off with its options, locates each finding in its file (positions are
 * computed only now, and only for files that have findings), applies severity and fills in the
 * message in the chosen language.
 */
import type { LoadedStructure } from '../load/structure.js';
import { locator, type Locator } from '../load/locate.js';
import type { Diagnostic, DiagnosticSeverity, Finding } from '../model/finding.js';
import type { Translate } from '../model/finding.js';
import { buildModel, type OrgModel } from '../model/model.js';
import type { Severity } from '../model/types.js';
import { rules } from './index.js';
import type { OptionSpec } from './rule.js';

export interface RuleConfig {
  severity: Severity;
  options: Record<string, unknown>;
}

export interface ValidationSummary {
  errors: number;
  warnings: number;
  infos: number;
  units: number;
  functions: number;
  files: number;
}

export interface ValidationResult {
  model: OrgModel;
  diagnostics: Diagnostic[];
  summary: ValidationSummary;
}

const SEVERITY: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: 'error',
  warn: 'warning',
  info: 'info',
};

/** The message id of what is wrong with an option's value, if anything. */
function checkOption(spec: OptionSpec, value: unknown): string | undefined {
  if (spec.type === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) return 'option-integer';
    if (spec.minimum !== undefined && value < spec.minimum) return 'option-minimum';
  } else if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return 'option-strings';
  return undefined;
}

/** Reads each rule's severity and options; problems in the settings become `schema` findings. */
export function ruleConfig(loaded: LoadedStructure): { config: Map<string, RuleConfig>; findings: Finding[] } {
  const config = new Map<string, RuleConfig>();
  const findings: Finding[] = [];
  const settings = loaded.organization.rules ?? {};
  for (const rule of rules) {
    const setting = settings[rule.id];
    const severity: Severity = (Array.isArray(setting) ? setting[0] : setting) ?? rule.meta.defaultSeverity;
    const given = Array.isArray(setting) && setting[1] ? setting[1] : {};
    const options: Record<string, unknown> = { ...(rule.defaultOptions ?? {}) };
    for (const [name, value] of Object.entries(given)) {
      const spec = rule.meta.options?.[name];
      const problem = spec ? checkOption(spec, value) : 'option-unknown';
      if (problem) {
        const data = { option: name, ruleId: rule.id, minimum: spec?.minimum ?? 0 };
        findings.push({
          rule: 'schema',
          messageId: problem,
          data,
          file: loaded.organizationFile,
          path: ['rules', rule.id, 1, name],
          target: problem === 'option-unknown' ? 'key' : 'value',
        });
      } else options[name] = value;
    }
    config.set(rule.id, {
      severity: ['off', 'info', 'warn', 'error'].includes(severity) ? severity : rule.meta.defaultSeverity,
      options,
    });
  }
  return { config, findings };
}

/** Runs every enabled rule; returns the raw findings (loader and schema findings included). */
export function runRules(loaded: LoadedStructure, model: OrgModel, config: Map<string, RuleConfig>): Finding[] {
  const findings: Finding[] = [...loaded.findings];
  for (const rule of rules) {
    const { severity, options } = config.get(rule.id)!;
    if (severity === 'off') continue;
    rule.check({ model, loaded, options, report: (r) => findings.push({ rule: rule.id, ...r }) });
  }
  return findings;
}

const compare = (a: Diagnostic, b: Diagnostic): number =>
  (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
  a.line - b.line ||
  a.column - b.column ||
  (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
  (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);

/**
 * Loads, checks and reports: the whole of `org validate` short of output. With `errorsOnly`,
 * warnings and notes are dropped before they are located and worded (locating re-reads each file
 * with findings, which is most of the cost on a large structure); the summary then counts errors
 * only. `org diff` uses it: it shows only the errors of each side.
 */
export function validateStructure(
  loaded: LoadedStructure,
  t: Translate,
  options: { errorsOnly?: boolean } = {},
): ValidationResult {
  const model = buildModel(loaded);
  const { config, findings: configFindings } = ruleConfig(loaded);
  const findings = [...runRules(loaded, model, config), ...configFindings];
  const locators = new Map<string, Locator>();
  const diagnostics: Diagnostic[] = [];
  const summary: ValidationSummary = {
    errors: 0,
    warnings: 0,
    infos: 0,
    units: model.units.size,
    functions: model.functions.size,
    files: loaded.units.length + loaded.functions.length + 1,
  };
  for (const f of findings) {
    const severity = config.get(f.rule)?.severity ?? 'error';
    if (severity === 'off' || (options.errorsOnly && severity !== 'error')) continue;
    let range = f.range;
    if (!range) {
      const text = loaded.texts.get(f.file);
      if (text === undefined) range = { line: 1, column: 1 };
      else {
        let locate = locators.get(f.file);
        if (!locate) locators.set(f.file, (locate = locator(text)));
        range = locate(f.path, f.target);
      }
    }
    const d: Diagnostic = {
      rule: f.rule,
      severity: SEVERITY[severity],
      message: t(`${f.rule}/${f.messageId}`, f.data),
      file: f.file,
      ...range,
    };
    diagnostics.push(d);
    if (d.severity === 'error') summary.errors++;
    else if (d.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  diagnostics.sort(compare);
  return { model, diagnostics, summary };
}
