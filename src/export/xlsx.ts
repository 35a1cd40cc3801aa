/**
 * `org export -o structure.xlsx`: the three tables of `org export --format csv` (units, functions,
 * assignments) as the sheets of one workbook, every cell text, so Excel neither turns ids into
 * dates nor a leading `=` into a formula. exceljs is loaded only here.
 */
import type { OrgModel } from '../model/model.js';
import type { Table } from './columns.js';
import { tableRows } from './csv.js';

const SHEETS: readonly Table[] = ['units', 'functions', 'assignments'];

export async function renderXlsx(model: OrgModel, lang: 'en' | 'ru'): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  for (const table of SHEETS) {
    const sheet = workbook.addWorksheet(table);
    const rows = tableRows(model, table, lang);
    for (const row of rows) sheet.addRow(row.map((value) => ({ richText: [{ text: value }] }))).numFmt = '@';
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  // No dates in the file: the same structure gives the same bytes.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Every sheet of a workbook as rows of text, with the sheet's row numbers. */
export async function readXlsx(
  bytes: Uint8Array,
): Promise<Array<{ sheet: string; rows: Array<{ line: number; cells: string[] }> }>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: Array<{ sheet: string; rows: Array<{ line: number; cells: string[] }> }> = [];
  workbook.eachSheet((sheet) => {
    const rows: Array<{ line: number; cells: string[] }> = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      rows.push({ line, cells });
    });
    out.push({ sheet: sheet.name, rows });
  });
  return out;
}

/** A cell's value as the text a person sees: rich text joined, numbers as written, formulas by their result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const v = value as { richText?: Array<{ text: string }>; text?: string; result?: unknown; hyperlink?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if (v.text !== undefined) return String(v.text);
  if (v.result !== undefined) return cellText(v.result);
  return '';
}
