/**
 * The function matrix as a table for the terminal. Widths are display widths (Cyrillic one column,
 * CJK two), so Russian names line up. When the unit names fit as wrapped column headers they are
 * used; when there are too many units for the terminal, columns are numbered and a key under the
 * table names them, indented as in the tree. Function names wrap inside their column; a function
 * without a lead or with several is marked with `!` in the margin and listed under the table.
 */
import { Chalk, type ChalkInstance } from 'chalk';
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
  const block = (text: string, indent = ''): string[] =>
    wrapName(text, Math.max(10, width - displayWidth(indent))).map((l) => indent + l);
  out.push(...block(matrixTitle(m, t)).map((l) => c.bold(l)));
  for (const s of matrixSubtitles(m, t)) out.push(...block(s));
  out.push('');
  if (m.groups.every((g) => g.rows.length === 0)) {
    out.push(t('matrix-no-functions'));
    return `${out.join('\n')}\n`;
  }
  const table = new TextTable(m, layout(m, width, functionColumnWanted(m, t)), c, t);
  out.push(...table.header(), table.rule());
  m.groups.forEach((g, gi) => {
    if (gi > 0) out.push(table.rule());
    out.push(...table.group(g));
  });
  out.push('');
  if (table.L.numbered) out.push(...columnKey(m, width, c, t), '');
  const legend = m.roles.map((r) => `${r.code}${NBSP}${r.name}`).join(' · ');
  out.push(...block(`${t('matrix-roles')}: ${legend}`));
  for (const list of findingLists(m, t)) {
    out.push('');
    out.push(c.bold(`! ${list.heading}:`));
    for (const line of list.rows.map((r) => findingLine(r, t))) out.push(...wrapHanging(line, width, '  ', '    '));
  }
  return `${out.join('\n')}\n`;
}

/** A row's name with its flag, the flag's spaces kept together. */
function nameText(row: MatrixRow, t: Translate): string {
  const flag = rowFlag(row, t);
  return flag ? `${rowName(row, t)} [${flag.replace(/ /g, NBSP)}]` : rowName(row, t);
}

/** How wide the function column would like to be: its longest heading, name or id, within a limit. */
function functionColumnWanted(m: FunctionMatrix, t: Translate): number {
  const rows = m.groups.flatMap((g) => g.rows);
  return Math.min(
    FUNCTION_MAX,
    maxOf([
      displayWidth(t('matrix-function')),
      ...m.groups.map((g) => displayWidth(groupLabel(g, t))),
      ...rows.map((r) => 2 + displayWidth(nameText(r, t))),
      ...rows.map((r) => 4 + displayWidth(r.id)),
    ]),
  );
}

/** The lines of the table proper: its header, rules, group headings and rows, each line without trailing spaces. */
class TextTable {
  private readonly numberedLead: string;
  private readonly codes: Map<string, string>;

  constructor(
    private readonly m: FunctionMatrix,
    readonly L: Layout,
    private readonly c: ChalkInstance,
    private readonly t: Translate,
  ) {
    this.numberedLead = L.numbered ? ' ' : '';
    this.codes = new Map();
    for (const r of m.roles) if (!this.codes.has(r.id)) this.codes.set(r.id, r.code);
  }

  private cells(values: string[], pad: (s: string, w: number) => string): string {
    return values.map((v, i) => this.L.seps[i] + pad(v, this.L.colWidths[i]!)).join('');
  }

  private blankCells(): string {
    return this.cells(
      this.m.columns.map(() => ''),
      padEnd,
    );
  }

  private cellPad(s: string, w: number): string {
    return this.L.numbered ? padStart(s, w) : centre(s, w);
  }

  /** The header: the unit columns' names (or numbers), bottom-aligned, "Function" on the last line. */
  header(): string[] {
    const { L, c } = this;
    const out: string[] = [];
    const headerHeight = maxOf(
      L.headers.map((h) => h.length),
      1,
    );
    for (let line = 0; line < headerHeight; line++) {
      const values = L.headers.map((h) => h[line - (headerHeight - h.length)] ?? '');
      const first = line === headerHeight - 1 ? this.t('matrix-function') : '';
      out.push(
        c.bold(
          (
            padEnd(truncate(first, L.fnWidth), L.fnWidth) +
            this.numberedLead +
            this.cells(values, L.numbered ? padStart : centre)
          ).trimEnd(),
        ),
      );
    }
    return out;
  }

  /** A horizontal rule, crossing the column lines. */
  rule(): string {
    return (padEnd('', this.L.fnWidth) + this.numberedLead + this.blankCells())
      .replace(/[^│]/g, '─')
      .replace(/│/g, '┼');
  }

  /** A group's heading, then each of its rows. */
  group(g: FunctionMatrix['groups'][number]): string[] {
    const { L, c } = this;
    const out: string[] = [];
    for (const l of wrapName(groupLabel(g, this.t), L.fnWidth))
      out.push((padEnd(c.bold(l), L.fnWidth) + this.numberedLead + this.blankCells()).trimEnd());
    for (const row of g.rows) out.push(...this.row(row));
    return out;
  }

  /** One function: its name (marked and coloured when it is a finding) beside its role codes, then its id. */
  private row(row: MatrixRow): string[] {
    const { L, c } = this;
    const out: string[] = [];
    const flagged = row.status !== 'ok';
    const nameLines = wrapName(nameText(row, this.t), L.fnWidth - 2);
    const paint = (s: string): string =>
      row.status === 'no-lead' ? c.red(s) : row.status === 'multiple-leads' ? c.yellow(s) : s;
    const codes = row.cells.map((cell) => (cell ? (this.codes.get(cell.role) ?? '?') : '·'));
    const painted = (values: string[]): string =>
      values
        .map((v, i) => {
          const padded = this.cellPad(v, L.colWidths[i]!);
          const cell = row.cells[i];
          // Style the code only, not its padding, so that lines still end without trailing spaces.
          const styled = padded.replace(v, !cell ? c.dim(v) : cell.role === 'lead' ? c.bold(v) : v);
          return L.seps[i] + styled;
        })
        .join('');
    nameLines.forEach((l, li) => {
      const margin = li === 0 && flagged ? paint('!') + ' ' : '  ';
      const text = margin + padEnd(paint(l), L.fnWidth - 2);
      out.push((text + this.numberedLead + (li === 0 ? painted(codes) : this.blankCells())).trimEnd());
    });
    out.push(
      (
        `    ${padEnd(c.dim(truncate(row.id, L.fnWidth - 4)), L.fnWidth - 4)}` +
        this.numberedLead +
        this.blankCells()
      ).trimEnd(),
    );
    return out;
  }
}

/** Centres text in `w` columns (an odd space goes right). */
function centre(s: string, w: number): string {
  const left = Math.floor((w - displayWidth(s)) / 2);
  return padEnd(' '.repeat(left) + s, w);
}

/** With numbered columns, what each number stands for: the unit, indented as in the tree, and its kind. */
function columnKey(m: FunctionMatrix, width: number, c: ChalkInstance, t: Translate): string[] {
  const out = [c.bold(`${t('matrix-columns')}:`)];
  const numberWidth = String(m.columns.length).length;
  m.columns.forEach((col, i) => {
    const indent = '  '.repeat(col.depth);
    const line = `  ${padStart(String(i + 1), numberWidth)}  ${indent}${col.label} (${col.kindName})`;
    out.push(truncate(line, width));
  });
  return out;
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
