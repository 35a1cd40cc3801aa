/**
 * The function matrix as a standalone HTML page: no scripts, fonts or images from anywhere, so it
 * opens offline, attaches to an e-mail and prints. The header row and the function column stay in
 * view while scrolling (sticky), many units get vertical headers, each role has its own shade, and
 * the rows the review is about (no lead, several leads) are tinted and listed under the table. All
 * text is escaped: names come from files anyone may edit.
 */
import type { Translate } from '../../i18n/format.js';
import { findingLine, findingLists, groupLabel, matrixSubtitles, matrixTitle, rowFlag, rowName } from './labels.js';
import type { FunctionMatrix } from './model.js';

export interface MatrixHtmlOptions {
  t: Translate;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}

/** Cell shades by role strength: the lead stands out, weaker roles fade. */
const SHADES = [
  { bg: '#1f4e79', fg: '#ffffff' },
  { bg: '#9dc3e6', fg: '#10263b' },
  { bg: '#d9e7f5', fg: '#10263b' },
  { bg: '#f2f6fb', fg: '#3b4a59' },
];
const shade = (strength: number): { bg: string; fg: string } => SHADES[Math.min(strength, SHADES.length - 1)]!;

/** More columns than this and the headers turn vertical, so the table stays narrow. */
const VERTICAL_AFTER = 6;

const STYLE = `
*{box-sizing:border-box}
body{margin:0;padding:16px 20px 32px;font:14px/1.35 "DejaVu Sans","Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1b1f23;background:#fff}
h1{font-size:20px;margin:0 0 4px}
.subtitle{margin:2px 0;color:#444}
.summary{margin:2px 0 12px;color:#666;font-size:13px}
table.matrix{border-collapse:separate;border-spacing:0;margin-top:8px}
.matrix th,.matrix td{border-right:1px solid #c9d1d9;border-bottom:1px solid #c9d1d9;padding:4px 6px;background:#fff}
.matrix thead th{position:sticky;top:0;z-index:2;background:#f3f5f7;vertical-align:bottom;font-weight:600;border-top:1px solid #c9d1d9}
.matrix thead th.corner{left:0;z-index:3;text-align:left;border-left:1px solid #c9d1d9}
.matrix thead th.unit{font-size:12px;text-align:center;min-width:2.4em;max-width:9em}
.matrix.vertical thead th.unit{max-width:none;padding:6px 2px}
.matrix.vertical thead th.unit span{writing-mode:vertical-rl;transform:rotate(180deg);display:inline-block;max-height:15em;text-align:left;white-space:normal}
.matrix thead th.depth-0{background:#e4e9ee}
.matrix thead th.depth-2,.matrix thead th.depth-3{font-weight:normal;color:#39424c}
.matrix .branch-start{border-left:2px solid #6e7781}
.matrix tbody th{position:sticky;left:0;z-index:1;text-align:left;font-weight:normal;min-width:18em;max-width:34em;border-left:1px solid #c9d1d9}
.matrix tr.group th{background:#eef1f4;font-weight:700;padding-top:8px}
.matrix tr.group td{background:#eef1f4}
.matrix .fn-id{display:block;color:#6a737d;font:11px/1.3 "DejaVu Sans Mono",Consolas,monospace}
.matrix td.cell{text-align:center;font-weight:600;min-width:2.4em}
.matrix tr.no-lead th{background:#fde8e8;box-shadow:inset 4px 0 #d73a49}
.matrix tr.multiple-leads th{background:#fff4d6;box-shadow:inset 4px 0 #d4a017}
.flag{display:inline-block;margin-left:6px;padding:0 5px;border-radius:3px;font-size:12px;font-weight:600;white-space:nowrap}
.no-lead .flag,.findings .no-lead .flag{background:#d73a49;color:#fff}
.multiple-leads .flag,.findings .multiple-leads .flag{background:#d4a017;color:#1b1f23}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:14px 0 0;padding:0;list-style:none}
.legend li{display:flex;align-items:center;gap:6px}
.legend .swatch{display:inline-block;min-width:1.8em;padding:1px 4px;text-align:center;font-weight:600;border:1px solid #c9d1d9}
h2{font-size:15px;margin:18px 0 6px}
.findings ul{margin:0;padding-left:20px}
.findings code,.columns code{font:12px "DejaVu Sans Mono",Consolas,monospace;color:#444}
.columns ul{margin:0;padding-left:20px;columns:2;column-gap:32px}
@media print{
  @page{size:A4 landscape;margin:10mm}
  body{padding:0;font-size:10px}
  .matrix thead th,.matrix tbody th{position:static}
  .matrix thead{display:table-header-group}
  .matrix tr{break-inside:avoid}
  .matrix tbody th{min-width:14em}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}`;

export function renderMatrixHtml(m: FunctionMatrix, { t }: MatrixHtmlOptions): string {
  const e = escapeHtml;
  const functions = m.groups.reduce((n, g) => n + g.rows.length, 0);
  const body: string[] = [];
  body.push(`<h1>${e(matrixTitle(m, t))}</h1>`);
  for (const s of matrixSubtitles(m, t)) body.push(`<p class="subtitle">${e(s)}</p>`);
  body.push(`<p class="summary">${e(t('matrix-summary', { functions, units: m.columns.length }))}</p>`);
  if (functions === 0) body.push(`<p>${e(t('matrix-no-functions'))}</p>`);
  else body.push(...htmlTable(m, t));
  body.push(...htmlLegend(m, t), ...htmlFindings(m, t), ...htmlColumns(m, t));
  return [
    '<!DOCTYPE html>',
    `<html lang="${e(m.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(matrixTitle(m, t))}</title>`,
    `<style>${STYLE}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The table: a header cell per unit, then per group its heading row and a row per function with a shaded cell per role. */
function htmlTable(m: FunctionMatrix, t: Translate): string[] {
  const e = escapeHtml;
  const roleById = new Map(m.roles.map((r) => [r.id, r]));
  const vertical = m.columns.length > VERTICAL_AFTER;
  const branchStart = m.columns.map((c, i) => i === 0 || c.branch !== m.columns[i - 1]!.branch);
  const colClass = (i: number, extra: string): string => `${extra}${branchStart[i] ? ' branch-start' : ''}`;
  const unitName = new Map(m.columns.map((c) => [c.id, c.name]));
  const body: string[] = [];
  body.push(`<table class="matrix${vertical ? ' vertical' : ''}">`);
  body.push('<thead><tr>');
  body.push(`<th class="corner" scope="col">${e(t('matrix-function'))}</th>`);
  m.columns.forEach((c, i) => {
    body.push(
      `<th scope="col" class="${colClass(i, `unit depth-${Math.min(c.depth, 3)}`)}" title="${e(`${c.name} (${c.kindName}, ${c.id})`)}"><span>${e(c.label)}</span></th>`,
    );
  });
  body.push('</tr></thead>');
  for (const g of m.groups) {
    body.push('<tbody>');
    body.push(
      `<tr class="group"><th scope="rowgroup">${e(groupLabel(g, t))}</th>${m.columns.map((_, i) => `<td class="${colClass(i, 'cell')}"></td>`).join('')}</tr>`,
    );
    for (const row of g.rows) {
      const flag = rowFlag(row, t);
      body.push(`<tr class="fn ${row.status}">`);
      body.push(
        `<th scope="row"><span class="fn-name">${e(rowName(row, t))}</span>${flag ? `<span class="flag">⚠ ${e(flag)}</span>` : ''}<span class="fn-id">${e(row.id)}</span></th>`,
      );
      row.cells.forEach((cell, i) => {
        if (!cell) {
          body.push(`<td class="${colClass(i, 'cell')}"></td>`);
          return;
        }
        const role = roleById.get(cell.role);
        const s = shade(role?.strength ?? SHADES.length);
        const who = cell.units.map((u) => unitName.get(u) ?? u).join('; ');
        const title = `${role?.name ?? cell.role}${cell.units.length > 1 || cell.units[0] !== m.columns[i]!.id ? `: ${who}` : ''}`;
        body.push(
          `<td class="${colClass(i, `cell role-${e(cell.role)}`)}" style="background:${s.bg};color:${s.fg}" title="${e(title)}">${e(role?.code ?? '?')}</td>`,
        );
      });
      body.push('</tr>');
    }
    body.push('</tbody>');
  }
  body.push('</table>');
  return body;
}

/** The legend: each role's code in its shade, and its name. */
function htmlLegend(m: FunctionMatrix, t: Translate): string[] {
  const e = escapeHtml;
  const body = [`<ul class="legend" aria-label="${e(t('matrix-roles'))}">`];
  for (const r of m.roles) {
    const s = shade(r.strength);
    body.push(`<li><span class="swatch" style="background:${s.bg};color:${s.fg}">${e(r.code)}</span>${e(r.name)}</li>`);
  }
  body.push('</ul>');
  return body;
}

/** The functions nobody leads and those led twice, a section each. */
function htmlFindings(m: FunctionMatrix, t: Translate): string[] {
  const e = escapeHtml;
  const body: string[] = [];
  for (const list of findingLists(m, t)) {
    body.push(`<section class="findings"><h2>${e(list.heading)}</h2><ul>`);
    for (const row of list.rows)
      body.push(
        `<li class="${row.status}"><span class="flag">⚠ ${e(rowFlag(row, t) ?? '')}</span> ${e(findingLine(row, t))}</li>`,
      );
    body.push('</ul></section>');
  }
  return body;
}

/** The units of the columns, indented as in the tree, with their ids. */
function htmlColumns(m: FunctionMatrix, t: Translate): string[] {
  const e = escapeHtml;
  if (m.columns.length === 0) return [];
  const body = [`<section class="columns"><h2>${e(t('matrix-columns'))}</h2><ul>`];
  for (const c of m.columns)
    body.push(`<li style="margin-left:${c.depth * 1.2}em">${e(c.name)} <code>${e(c.id)}</code></li>`);
  body.push('</ul></section>');
  return body;
}
