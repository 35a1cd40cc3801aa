/**
 * Reads the text of a CSV file into rows that remember the line they start on, so every problem
 * can be reported as `file:line`. RFC 4180 quoting (a quoted cell may hold the separator, quotes
 * doubled, and line breaks, which is why a row's line is not its index). The separator is found
 * from the header line: `;` is what spreadsheet programs write in Russian locales, `,` elsewhere.
 * The apostrophe `org export --format csv` puts before a cell a spreadsheet would run as a formula
 * is taken away again (render/csv.ts).
 */
import { restoreFormulaText } from '../render/csv.js';

export type Separator = ',' | ';' | '\t';

export interface CsvRow {
  /** 1-based line of the file the row starts on. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  separator: Separator;
  rows: CsvRow[];
  /** Line of a quoted cell that is never closed (the rest of the file is swallowed by it). */
  unclosedQuote?: number;
}

/** The separator used most in the header line, outside quotes; a tie goes to the comma. */
export function detectSeparator(text: string): Separator {
  const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const c of text) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  const best = (Object.keys(counts) as Separator[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
  return counts[best] > 0 ? best : ',';
}

export function readCsv(input: string, separator: Separator = detectSeparator(input.replace(/^\uFEFF/, ''))): CsvTable {
  const text = input.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false; // inside a quoted cell
  let quoteLine = 0;
  let cellStarted = false; // the current cell has content (so a quote in it is literal)
  const endCell = (): void => {
    cells.push(restoreFormulaText(cell));
    cell = '';
    cellStarted = false;
  };
  const endRow = (): void => {
    endCell();
    rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && !cellStarted) {
      quoted = true;
      quoteLine = line;
      cellStarted = true;
    } else if (c === separator) endCell();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += c;
      cellStarted = true;
    }
  }
  if (cell !== '' || cells.length > 0 || quoted) endRow();
  const table: CsvTable = { separator, rows };
  if (quoted) table.unclosedQuote = quoteLine;
  return table;
}
