/**
 * The function matrix as a table for the terminal. Widths are display widths (Cyrillic one column,
 * CJK two), so Russian names line up. When the unit names fit as wrapped column headers they are
 * used; when there are too many units for the terminal, columns are numbered and a key under the
 * table names them, indented as in the tree. Function names wrap inside their column; a function
 * without a lead or with several is marked with `!` in the margin and listed under the table.
 */
import { Chalk } from 'chalk';
import type { Translate } from '../../i18n/format.js';
import { displayWidth, maxOf, padEnd, padStart, truncate } from '../text-width.js';
import { findingLine, findingLists, groupLabel, matrixSubtitles, matrixTitle, rowFlag, rowName } from './labels.js';
import type { FunctionMatrix, MatrixRow } from './model.js';

export interface MatrixTableOptions {
  t: Translate;
  /** Terminal width in columns. */
  width: number;
  color: boolean;
}

/** Widest a named column header may be before it wraps. */
const HEADER_MAX = 16;
/** Narrowest a named column header may be wrapped to before columns are numbered instead. */
const HEADER_MIN = 8;
/** Most lines a named column header may take. */
const HEADER_LINES = 3;
/** Narrowest useful function column. */
const FUNCTION_MIN = 16;
/** Widest function column: beyond this the eye loses the row between the name and its cells. */
const FUNCTION_MAX = 56;
const NBSP = '\u00A0';

interface Layout {
  numbered: boolean;
  fnWidth: number;
  colWidths: number[];
  /** Header lines per column, bottom-aligned. */
  headers: string[][];
  /** Separator before each column. */
  seps: string[];
}

function headerLines(label: string, width: number): string[] {
  const lines = wrapName(label, width);
  if (lines.length <= HEADER_LINES) return lines;
  const kept = lines.slice(0, HEADER_LINES);
  kept[HEADER_LINES - 1] = truncate(`${kept[HEADER_LINES - 1]} ${lines[HEADER_LINES]}`, width);
  return kept;
}

function layout(m: FunctionMatrix, width: number, fnWanted: number): Layout {
  const codeWidth = Math.max(1, ...m.roles.map((r) => displayWidth(r.code)));
  // Named: headers wrapped to at most HEADER_MAX columns, narrower if that is what it takes to fit.
  for (let max = HEADER_MAX; max >= HEADER_MIN; max -= 2) {
    const named = m.columns.map((c) => headerLines(c.label, Math.max(codeWidth, max)));
    const namedWidths = named.map((lines) => Math.max(codeWidth, ...lines.map(displayWidth)));
    const namedTotal = namedWidths.reduce((s, w) => s + w + 3, 0);
    if (m.columns.length === 0 || width - namedTotal >= Math.min(fnWanted, 30)) {
      return {
        numbered: false,
        fnWidth: Math.max(FUNCTION_MIN, Math.min(fnWanted, width - namedTotal)),
        colWidths: namedWidths,
        headers: named,
        seps: m.columns.map(() => ' │ '),
      };
    }
  }
  // Numbered: narrow columns; a heavier line only where a new branch of the tree begins.
  const numberWidth = String(m.columns.length).length;
  const colWidth = Math.max(codeWidth, numberWidth);
  const seps = m.columns.map((c, i) => (i === 0 || c.branch !== m.columns[i - 1]!.branch ? '│' : ' '));
  const total = m.columns.length * (colWidth + 1) + 1;
  return {
    numbered: true,
    fnWidth: Math.max(FUNCTION_MIN, Math.min(fnWanted, width - total)),
    colWidths: m.columns.map(() => colWidth),
    headers: m.columns.map((_, i) => [String(i + 1)]),
    seps,
  };
}

export function renderMatrixTable(m: FunctionMatrix, options: MatrixTableOptions): string {
  const { t, width } = options;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  const rows = m.groups.flatMap((g) => g.rows);
  const block = (text: string, indent = ''): string[] =>
    wrapName(text, Math.max(10, width - displayWidth(indent))).map((l) => indent + l);

  out.push(...block(matrixTitle(m, t)).map((l) => c.bold(l)));
  for (const s of matrixSubtitles(m, t)) out.push(...block(s));
  out.push('');
  if (rows.length === 0) {
    out.push(t('matrix-no-functions'));
    return `${out.join('\n')}\n`;
  }

  const nameText = (row: MatrixRow): string => {
    const flag = rowFlag(row, t);
    return flag ? `${rowName(row, t)} [${flag.replace(/ /g, NBSP)}]` : rowName(row, t);
  };
  const fnWanted = Math.min(
    FUNCTION_MAX,
    Math.max(
      displayWidth(t('matrix-function')),
      ...m.groups.map((g) => displayWidth(groupLabel(g, t))),
      ...rows.map((r) => 2 + displayWidth(nameText(r))),
      ...rows.map((r) => 4 + displayWidth(r.id)),
    ),
  );
  const L = layout(m, width, fnWanted);
  const cells = (values: string[], pad: (s: string, w: number) => string): string =>
    values.map((v, i) => L.seps[i] + pad(v, L.colWidths[i]!)).join('');
  const blankCells = (): string =>
    cells(
      m.columns.map(() => ''),
      padEnd,
    );
  const centre = (s: string, w: number): string => {
    const left = Math.floor((w - displayWidth(s)) / 2);
    return padEnd(' '.repeat(left) + s, w);
  };
  const cellPad = L.numbered ? padStart : centre;
  const numberedLead = L.numbered ? ' ' : '';

  // Header.
  const headerHeight = maxOf(
    L.headers.map((h) => h.length),
    1,
  );
  for (let line = 0; line < headerHeight; line++) {
    const values = L.headers.map((h) => h[line - (headerHeight - h.length)] ?? '');
    const first = line === headerHeight - 1 ? t('matrix-function') : '';
    out.push(
      c.bold(
        (
          padEnd(truncate(first, L.fnWidth), L.fnWidth) +
          numberedLead +
          cells(values, L.numbered ? padStart : centre)
        ).trimEnd(),
      ),
    );
  }
  const rule = (): string =>
    (padEnd('', L.fnWidth) + numberedLead + blankCells()).replace(/[^│]/g, '─').replace(/│/g, '┼');
  out.push(rule());

  m.groups.forEach((g, gi) => {
    if (gi > 0) out.push(rule());
    const label = wrapName(groupLabel(g, t), L.fnWidth);
    for (const l of label) out.push((padEnd(c.bold(l), L.fnWidth) + numberedLead + blankCells()).trimEnd());
    for (const row of g.rows) {
      const flagged = row.status !== 'ok';
      const nameLines = wrapName(nameText(row), L.fnWidth - 2);
      const paint = (s: string): string =>
        row.status === 'no-lead' ? c.red(s) : row.status === 'multiple-leads' ? c.yellow(s) : s;
      const codes = row.cells.map((cell) => {
        if (!cell) return '·';
        return m.roles.find((r) => r.id === cell.role)?.code ?? '?';
      });
      const painted = (values: string[]): string =>
        values
          .map((v, i) => {
            const padded = cellPad(v, L.colWidths[i]!);
            const cell = row.cells[i];
            // Style the code only, not its padding, so that lines still end without trailing spaces.
            const styled = padded.replace(v, !cell ? c.dim(v) : cell.role === 'lead' ? c.bold(v) : v);
            return L.seps[i] + styled;
          })
          .join('');
      nameLines.forEach((l, li) => {
        const margin = li === 0 && flagged ? paint('!') + ' ' : '  ';
        const text = margin + padEnd(paint(l), L.fnWidth - 2);
        out.push((text + numberedLead + (li === 0 ? painted(codes) : blankCells())).trimEnd());
      });
      out.push(
        (
          `    ${padEnd(c.dim(truncate(row.id, L.fnWidth - 4)), L.fnWidth - 4)}` +
          numberedLead +
          blankCells()
        ).trimEnd(),
      );
    }
  });
  out.push('');

  if (L.numbered) {
    out.push(c.bold(`${t('matrix-columns')}:`));
    const numberWidth = String(m.columns.length).length;
    m.columns.forEach((col, i) => {
      const indent = '  '.repeat(col.depth);
      const line = `  ${padStart(String(i + 1), numberWidth)}  ${indent}${col.label} (${col.kindName})`;
      out.push(truncate(line, width));
    });
    out.push('');
  }

  const legend = m.roles.map((r) => `${r.code}${NBSP}${r.name}`).join(' · ');
  out.push(...block(`${t('matrix-roles')}: ${legend}`));
  for (const list of findingLists(m, t)) {
    out.push('');
    out.push(c.bold(`! ${list.heading}:`));
    for (const line of list.rows.map((r) => findingLine(r, t))) out.push(...wrapHanging(line, width, '  ', '    '));
  }
  return `${out.join('\n')}\n`;
}

/**
 * Wraps a name at spaces and, for long compound words (информационно-аналитическое), after a
 * hyphen; a piece still too long is broken, never cut, so no part of a name is lost.
 */
export function wrapName(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (piece: string, spaced: boolean): void => {
    const candidate = line === '' ? piece : spaced ? `${line} ${piece}` : line + piece;
    if (displayWidth(candidate) <= width) {
      line = candidate;
      return;
    }
    if (line !== '') lines.push(line);
    line = '';
    let rest = piece;
    while (displayWidth(rest) > width) {
      let head = '';
      for (const ch of rest) {
        if (displayWidth(head + ch) > width) break;
        head += ch;
      }
      if (head === '') head = [...rest][0]!;
      lines.push(head);
      rest = rest.slice(head.length);
    }
    line = rest;
  };
  // Splits at ordinary spaces only: a no-break space keeps a flag or a legend entry in one piece.
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    const pieces = word.split(/(?<=-)(?=[^-])/);
    pieces.forEach((piece, i) => push(piece, i === 0));
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

function wrapHanging(text: string, width: number, first: string, rest: string): string[] {
  const lines = wrapName(text, Math.max(10, width - displayWidth(rest)));
  return lines.map((l, i) => (i === 0 ? first : rest) + l);
}
