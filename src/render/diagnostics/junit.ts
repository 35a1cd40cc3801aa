/**
 * JUnit XML, which CI systems (GitLab's test reports, Jenkins, Azure DevOps) show as test
 * results: one test case per structure file checked, failed when the file has errors or warnings,
 * with every finding in the failure's text; notes go to the case's system-out and do not fail it,
 * as they do not fail `org validate`. Text from the structure is escaped for XML, and characters
 * XML 1.0 cannot carry at all are replaced, so no name can break the document.
 */
import type { Diagnostic } from '../../model/finding.js';
import type { Formatter } from './types.js';

/** Characters XML 1.0 does not allow anywhere (even escaped), including lone surrogates. */

const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const line = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.rule})`;

export const junit: Formatter = ({ diagnostics, files }, { t }) => {
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of files ?? []) byFile.set(file, []);
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const cases: string[] = [];
  let failures = 0;
  for (const [file, found] of byFile) {
    const failing = found.filter((d) => d.severity !== 'info');
    const notes = found.filter((d) => d.severity === 'info');
    const name = xmlEscape(file);
    let body = '';
    if (failing.length > 0) {
      failures++;
      const errors = failing.filter((d) => d.severity === 'error').length;
      const message = t('junit-failure', { errors, warnings: failing.length - errors });
      body += `\n      <failure message="${xmlEscape(message)}" type="${xmlEscape(failing[0]!.rule)}">${xmlEscape(failing.map(line).join('\n'))}</failure>`;
    }
    if (notes.length > 0) body += `\n      <system-out>${xmlEscape(notes.map(line).join('\n'))}</system-out>`;
    cases.push(
      `    <testcase classname="org validate" name="${name}" file="${name}">${body}${body ? '\n    ' : ''}</testcase>`,
    );
  }
  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="org validate" ${counts}>`,
    `  <testsuite name="org validate" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
