/**
 * `org import csv FILE… [dir]`, `org import xlsx FILE [dir]`, `org import backstage FILE [dir]`:
 * structure files from tables of units, functions and assignments (src/import/plan.ts decides
 * everything). Every bad row is reported as `FILE:LINE: message`; when there is one, nothing is
 * written unless --partial. Existing unit files are updated only with --force. Each file is
 * written atomically.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { readStructureDir } from '../../load/read.js';
import type { RawFile } from '../../load/structure.js';
import { planImport, type InputTable } from '../../import/plan.js';
import { readCsv } from '../../import/csv-read.js';
import { registerBackstage } from './import-backstage.js';
import { UsageError } from '../../model/errors.js';
import { BatchWriteError, realDirectory, writeFilesAtomic } from '../../output/write.js';
import { structureDirOrDefault, writeError, type Registrar, type RunContext } from '../context.js';
import { schemaBaseFor } from './init.js';

export interface Options {
  partial?: boolean;
  force?: boolean;
  schemas?: string;
}

/** The spreadsheet as text; only UTF-8 is accepted, with a hint for the usual Windows-1251 export. */
function readSpreadsheet(ctx: RunContext, file: string): string {
  let bytes: Uint8Array;
  try {
    // `-` is standard input, so a spreadsheet can come through a pipe (curl …, iconv …).
    bytes = file === '-' ? (ctx.io.readStdin?.() ?? new Uint8Array()) : readFileSync(resolve(ctx.io.cwd, file));
  } catch (e) {
    throw new UsageError('import-cannot-read', {
      file,
      reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
    });
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new UsageError('import-utf16', { file });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError('import-not-utf8', { file });
  }
}

/** Unit and function files of a directory that has no organization.yaml yet (so nothing is overwritten by accident). */
function looseFiles(absDir: string, dir: string): RawFile[] {
  const out: RawFile[] = [];
  const walk = (abs: string, rel: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(abs).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(abs, name);
      const sub = `${rel}/${name}`;
      const st = statSync(path, { throwIfNoEntry: false });
      if (st?.isDirectory() && depth < 32) walk(path, sub, depth + 1);
      else if (st?.isFile() && /\.ya?ml$/i.test(name))
        out.push({ rel: sub, file: `${dir}/${sub}`, bytes: readFileSync(path) });
    }
  };
  for (const top of ['units', 'functions']) walk(join(absDir, top), top, 0);
  return out;
}

/** A CSV file (or `-`, standard input) as one table. */
function csvTable(ctx: RunContext, file: string): InputTable {
  const table = readCsv(readSpreadsheet(ctx, file));
  if (table.unclosedQuote !== undefined)
    throw new UsageError('import-unclosed-quote', { line: table.unclosedQuote, file });
  return { file: file === '-' ? '<stdin>' : file, rows: table.rows };
}

/** Each sheet of a workbook as a table (sheets whose header names no columns are skipped). */
async function xlsxTables(ctx: RunContext, file: string): Promise<InputTable[]> {
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? (ctx.io.readStdin?.() ?? new Uint8Array()) : readFileSync(resolve(ctx.io.cwd, file));
  } catch (e) {
    throw new UsageError('import-cannot-read', {
      file,
      reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
    });
  }
  const { readXlsx } = await import('../../export/xlsx.js');
  let sheets;
  try {
    sheets = await readXlsx(bytes);
  } catch (e) {
    throw new UsageError('import-not-xlsx', { file, reason: (e as Error).message.split('\n')[0]! });
  }
  return sheets.filter((s) => s.rows.length > 0).map((s) => ({ file: `${file}#${s.sheet}`, rows: s.rows }));
}

/** Splits `FILE… [DIR]`: the last argument is the target when it is a directory or has no file extension. */
function filesAndDir(ctx: RunContext, args: string[]): { files: string[]; dir: string } {
  const last = args.at(-1)!;
  const isDir =
    args.length > 1 &&
    last !== '-' &&
    (statSync(resolve(ctx.io.cwd, last), { throwIfNoEntry: false })?.isDirectory() === true || extname(last) === '');
  return isDir ? { files: args.slice(0, -1), dir: last } : { files: args, dir: structureDirOrDefault(ctx) };
}

function runImport(ctx: RunContext, tables: InputTable[], dir: string, options: Options): number {
  const absDir = resolve(ctx.io.cwd, dir);
  if (existsSync(absDir) && !statSync(absDir).isDirectory()) throw new UsageError('not-a-dir', { dir });
  const hasOrganization = existsSync(join(absDir, 'organization.yaml')) || existsSync(join(absDir, 'organization.yml'));
  const existing = hasOrganization ? readStructureDir(dir, ctx.io.cwd) : looseFiles(absDir, dir);
  const total = tables.reduce((n, t) => n + t.rows.length, 0);
  if (ctx.io.stderrIsTTY && total > PROGRESS_ROWS) ctx.io.stderr(`${ctx.t('import-progress', { count: total })}\n`);
  const plan = planImport({
    tables,
    existing,
    schemaBase: schemaBaseFor(absDir, options.schemas),
    force: options.force === true,
    partial: options.partial === true,
  });

  for (const { file, columns } of plan.ignoredColumns)
    ctx.io.stderr(`${ctx.t('import-ignored-columns', { file, columns: columns.map((c) => `"${c}"`).join(', ') })}\n`);
  // Many bad rows (a whole government refused for one setting) are summarised, not all printed.
  for (const p of plan.problems.slice(0, MAX_PROBLEMS))
    ctx.io.stderr(`${p.file}:${p.line}: ${ctx.t(p.messageId, p.data)}\n`);
  if (plan.problems.length > MAX_PROBLEMS)
    ctx.io.stderr(`${ctx.t('import-more-problems', { count: plan.problems.length - MAX_PROBLEMS })}\n`);
  const badRows = new Set(plan.problems.map((p) => `${p.file}:${p.line}`)).size;
  if (badRows > 0 && !options.partial) {
    ctx.io.stderr(`${ctx.t('import-nothing-written', { count: badRows })}\n`);
    return 1;
  }

  const writes: Array<{ file: string; content: string; shown: string }> = [];
  for (const planned of plan.files) {
    const target = join(absDir, ...planned.rel.split('/'));
    // The plan saw the directory a moment ago; a file that appeared since is still not overwritten.
    if (planned.action === 'create' && existsSync(target) && !options.force)
      throw new UsageError('import-file-appeared', { file: `${dir}/${planned.rel}` });
    writes.push({ file: target, content: planned.text, shown: `${dir}/${planned.rel}` });
  }
  // All or nothing: every file is checked and written to a temporary before the first is renamed.
  try {
    writeFilesAtomic(writes, { within: realDirectory(absDir), createDirs: true });
  } catch (e) {
    const failed = e instanceof BatchWriteError ? writes.find((w) => w.file === e.file) : undefined;
    const error = writeError(e, failed?.shown ?? dir, dir);
    ctx.io.stderr(`org: ${ctx.t(error.messageId, error.data)}\n${ctx.t('write-nothing-written')}\n`);
    return 2;
  }

  const lines = [
    ctx.t('import-done', { count: plan.created + plan.updated, dir, created: plan.created, updated: plan.updated }),
  ];
  if (plan.functionsImported > 0) lines.push(ctx.t('import-functions-imported', { count: plan.functionsImported }));
  if (plan.organizationCreated) lines.push(ctx.t('import-organization-created', { file: `${dir}/organization.yaml` }));
  if (plan.functionsCreated.length > 0) {
    const shown = plan.functionsCreated.slice(0, 5).join(', ');
    lines.push(
      ctx.t('import-functions-created', {
        count: plan.functionsCreated.length,
        functions: plan.functionsCreated.length > 5 ? `${shown}, …` : shown,
      }),
    );
  }
  if (badRows > 0) lines.push(ctx.t('import-partial', { count: badRows }));
  lines.push(ctx.t('import-next', { dir }));
  ctx.io.stdout(`${lines.join('\n')}\n`);
  return badRows > 0 ? 1 : 0;
}

const PROGRESS_ROWS = 5000;
const MAX_PROBLEMS = 50;

const COLUMNS_HELP = `
Tables (one CSV file or one sheet of a workbook each, told apart by their columns; English or
Russian headers; text columns once per language, e.g. "name (ru)"):
  units        id, parent, kind, name, short name, description, headcount, positions,
               functions led, replaces, source, order, staff unit, in force from,
               in force until, basis
  functions    id, name, type, description, replaces, source, in force from, in force until
  assignments  unit, function, role
An empty id is made from the name (Cyrillic and Hangul transliterated). Positions are
"title: count" lines; a structured source is JSON. Checks follow organization.yaml (kind-rank
off accepts any nesting). Without organization.yaml, one is created. Exit codes: 0 imported;
1 bad rows (nothing written unless --partial); 2 could not run.`;

export const register: Registrar = (program, run) => {
  const group = program
    .command('import')
    .description('create structure files from other formats (see `org import csv --help`)');
  const common = (cmd: Command): Command =>
    cmd
      .option('--partial', 'import the good rows even when some are bad')
      .option('--force', 'update unit files that already exist (everything the spreadsheet does not carry is kept)')
      .option('--schemas <path-or-url>', 'where the modelines of new files point');
  common(
    group
      .command('csv')
      .description(
        'create structure files from CSV tables of units, functions and assignments (the tables `org export --format csv` writes)',
      )
      .argument(
        '<files...>',
        'CSV files (UTF-8 with or without BOM, "," or ";"; - for standard input), then optionally the structure directory',
      ),
  )
    .addHelpText(
      'after',
      `${COLUMNS_HELP}

Examples:
  org import csv units.csv                    into the structure found from here (or ./structure)
  org import csv units.csv functions.csv assignments.csv new-structure
  iconv -f cp1251 -t utf-8 units.csv | org import csv - new-structure
  org import csv units.csv --partial          import the good rows, report the bad ones
  org export -f csv -o units.csv && org import csv units.csv --force
                                              edit in a spreadsheet and bring the changes back`,
    )
    .action((args: string[], options: Options) =>
      run((ctx) => {
        const { files, dir } = filesAndDir(ctx, args);
        return runImport(
          ctx,
          files.map((f) => csvTable(ctx, f)),
          dir,
          options,
        );
      }),
    );
  common(
    group
      .command('xlsx')
      .description(
        'create structure files from an Excel workbook: sheets of units, functions and assignments (as `org export -o x.xlsx` writes)',
      )
      .argument('<file>', 'the .xlsx workbook (- for standard input)')
      .argument(
        '[dir]',
        'structure directory, created when missing (default: the one found from the current directory, else structure)',
      ),
  )
    .addHelpText(
      'after',
      `${COLUMNS_HELP}

Examples:
  org export -o structure.xlsx && org import xlsx structure.xlsx copy
  org import xlsx staff.xlsx --force          bring the edited workbook back`,
    )
    .action((file: string, dir: string | undefined, options: Options) =>
      run(async (ctx) => runImport(ctx, await xlsxTables(ctx, file), dir ?? structureDirOrDefault(ctx), options)),
    );
  registerBackstage(group, run, common, runImport);
};
