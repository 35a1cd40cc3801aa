/**
 * The findings pipeline, in three steps over a loaded structure:
 *
 * 1. `check`: runs every rule that is not off with its options; returns the raw findings, the
 *    loader's and the configuration's included, each pointing at a file and a YAML path.
 * 2. `applyConfig` (config.ts): gives each its severity, dropping what is off (and with
 *    `errorsOnly` everything but errors) before anything is located or worded.
 * 3. `describe`: locates each finding in its document (load/document.ts: a file is indexed only
 *    when a finding in it asks) and words it in the reader's language, as a Diagnostic that keeps
 *    the message id and data.
 *
 * `validateStructure` is their composition, the whole of `org validate` short of output.
 */
import { documentsOf, type StructureDocuments } from '../load/document.js';
import type { LoadedStructure } from '../load/structure.js';
import type { Diagnostic, Finding, Translate } from '../model/finding.js';
import { buildModel, type OrgModel } from '../model/model.js';
import { applyConfig, ruleConfig, type RuleConfig, type SeveredFinding } from './config.js';
import { rules } from './index.js';

export { applyConfig, ruleConfig, type RuleConfig, type SeveredFinding } from './config.js';

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

/** Runs every enabled rule; returns the raw findings (loader and schema findings included). */
function runRules(loaded: LoadedStructure, model: OrgModel, config: ReadonlyMap<string, RuleConfig>): Finding[] {
  const findings: Finding[] = [...loaded.findings];
  for (const rule of rules) {
    const { severity, options } = config.get(rule.id)!;
    if (severity === 'off') continue;
    rule.check({ model, loaded, options, report: (r) => findings.push({ rule: rule.id, ...r }) });
  }
  return findings;
}

/**
 * Every finding of a structure, raw: the loader's, the rules' and those about the rule settings.
 * The model and the configuration are made here unless the caller has them already.
 */
export function check(
  loaded: LoadedStructure,
  given: { model?: OrgModel; config?: ReturnType<typeof ruleConfig> } = {},
): Finding[] {
  const model = given.model ?? buildModel(loaded);
  const { config, findings } = given.config ?? ruleConfig(loaded);
  return [...runRules(loaded, model, config), ...findings];
}

const compare = (a: Diagnostic, b: Diagnostic): number =>
  (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
  a.line - b.line ||
  a.column - b.column ||
  (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
  (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);

/** Locates and words findings that have their severity; sorted by file, position, rule and message. */
export function describe(
  findings: readonly SeveredFinding[],
  t: Translate,
  documents: StructureDocuments,
): Diagnostic[] {
  const diagnostics = findings.map((f): Diagnostic => ({
    rule: f.rule,
    messageId: f.messageId,
    severity: f.severity,
    message: t(`${f.rule}/${f.messageId}`, f.data),
    data: f.data ?? {},
    file: f.file,
    ...(f.range ?? documents.get(f.file).rangeOf(f.path, f.target)),
  }));
  return diagnostics.sort(compare);
}

/**
 * Loads, checks and reports: check → applyConfig → describe. With `errorsOnly`, warnings and notes
 * are dropped before they are located and worded (locating re-reads each file with findings,
 * which is most of the cost on a large structure); the summary then counts errors only. `org diff`
 * and the commands that need only the model use it.
 */
export function validateStructure(
  loaded: LoadedStructure,
  t: Translate,
  options: { errorsOnly?: boolean; documents?: StructureDocuments } = {},
): ValidationResult {
  const model = buildModel(loaded);
  const config = ruleConfig(loaded);
  const findings = applyConfig(check(loaded, { model, config }), config.config, options);
  const diagnostics = describe(findings, t, options.documents ?? documentsOf(loaded));
  const summary: ValidationSummary = {
    errors: 0,
    warnings: 0,
    infos: 0,
    units: model.units.size,
    functions: model.functions.size,
    files: loaded.units.length + loaded.functions.length + 1,
  };
  for (const d of diagnostics) {
    if (d.severity === 'error') summary.errors++;
    else if (d.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return { model, diagnostics, summary };
}
