/**
 * SARIF 2.1.0 for code-scanning services: every rule in the driver, every diagnostic a result.
 * Each rule lists its English message templates as `messageStrings` (SARIF §3.49.11), with the
 * placeholders numbered (`{0}`, `{1}`: §3.11.5); each result names its template by `message.id`
 * and gives the values in order as `message.arguments` (§3.11.10, §3.11.11), and keeps the
 * finished `message.text` in the reader's language for viewers that do not look templates up.
 */
import { rules } from '../../rules/index.js';
import type { Diagnostic } from '../../model/finding.js';
import type { Formatter } from './types.js';

const PLACEHOLDER = /\{\{(\w+)((?:\|[^|}]*)*)\}\}/g;

/** The placeholder names of a template, each once, in order of first use: the SARIF argument order. */
function placeholders(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

/** A template in SARIF's form: literal braces doubled, `{{name}}` as `{n}`. */
function sarifTemplate(template: string): string {
  const names = placeholders(template);
  let out = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    out += template.slice(last, m.index).replace(/[{}]/g, '$&$&') + `{${names.indexOf(m[1]!)}}`;
    last = m.index + m[0].length;
  }
  return out + template.slice(last).replace(/[{}]/g, '$&$&');
}

const templates = new Map(rules.map((r) => [r.id, r.meta.messages as Readonly<Record<string, string>>]));

/** The SARIF message of a diagnostic: its template's id and arguments when the rule has that template. */
function message(d: Diagnostic): { text: string; id?: string; arguments?: string[] } {
  const template = templates.get(d.rule)?.[d.messageId];
  if (template === undefined) return { text: d.message };
  const args = placeholders(template).map((name) => String(d.data[name] ?? ''));
  return { text: d.message, id: d.messageId, ...(args.length > 0 ? { arguments: args } : {}) };
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const DEFAULT_LEVEL = { error: 'error', warn: 'warning', info: 'note' } as const;

export const sarif: Formatter = ({ diagnostics }, { version }) => {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'org',
            semanticVersion: version,
            version,
            informationUri: 'https://www.npmjs.com/package/orgcode',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.meta.description },
              messageStrings: Object.fromEntries(
                Object.entries(r.meta.messages as Readonly<Record<string, string>>).map(([id, text]) => [
                  id,
                  { text: sarifTemplate(text) },
                ]),
              ),
              defaultConfiguration: { level: DEFAULT_LEVEL[r.meta.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => ({
          ruleId: d.rule,
          ruleIndex: index.get(d.rule) ?? 0,
          level: LEVEL[d.severity],
          message: message(d),
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file.split('/').map(encodeURIComponent).join('/') },
                region: {
                  startLine: d.line,
                  startColumn: d.column,
                  ...(d.endLine !== undefined ? { endLine: d.endLine } : {}),
                  ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
