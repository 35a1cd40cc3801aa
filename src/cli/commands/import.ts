/**
 * `org import csv FILE [dir]`: unit files from a spreadsheet (src/import/plan.ts decides
 * everything). Every bad row is reported as `FILE:LINE: message`; when there is one, nothing is
 * written unless --partial. Existing unit files are updated only with --force. Each file is
 * written atomically.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readStructureDir } from '../../load/read.js';
import type { RawFile } from '../../load/structure.js';
import { planImport } from '../../import/plan.js';
import { UsageError } from '../../model/errors.js';
import { writeFileAtomic } from '../../output/write.js';
import { structureDirOrDefault, type Registrar, type RunContext } from '../context.js';
import { schemaBaseFor } from './init.js';

interface Options {
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
    throw new UsageError('import-cannot-read', { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new UsageError('import-utf16', { file });
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
      else if (st?.isFile() && /\.ya?ml$/i.test(name)) out.push({ rel: sub, file: `${dir}/${sub}`, bytes: readFileSync(path) });
    }
  };
  for (const top of ['units', 'functions']) walk(join(absDir, top), top, 0);
  return out;
}

function importCsv(ctx: RunContext, file: string, dir: string, options: Options): number {
  const csv = readSpreadsheet(ctx, file);
  const absDir = resolve(ctx.io.cwd, dir);
  if (existsSync(absDir) && !statSync(absDir).isDirectory()) throw new UsageError('not-a-dir', { dir });
  const hasOrganization = existsSync(join(absDir, 'organization.yaml')) || existsSync(join(absDir, 'organization.yml'));
  const existing = hasOrganization ? readStructureDir(dir, ctx.io.cwd) : looseFiles(absDir, dir);
  const plan = planImport({
    csv,
    existing,
    schemaBase: schemaBaseFor(absDir, options.schemas),
    force: options.force === true,
    partial: options.partial === true,
  });

  if (plan.ignoredColumns.length > 0) ctx.io.stderr(`${ctx.t('import-ignored-columns', { file, columns: plan.ignoredColumns.map((c) => `"${c}"`).join(', ') })}\n`);
  for (const p of plan.problems) ctx.io.stderr(`${file}:${p.line}: ${ctx.t(p.messageId, p.data)}\n`);
  const badRows = new Set(plan.problems.map((p) => p.line)).size;
  if (badRows > 0 && !options.partial) {
    ctx.io.stderr(`${ctx.t('import-nothing-written', { count: badRows })}\n`);
    return 1;
  }

  for (const planned of plan.files) {
    const target = join(absDir, ...planned.rel.split('/'));
    // The plan saw the directory a moment ago; a file that appeared since is still not overwritten.
    if (planned.action === 'create' && existsSync(target) && !options.force) throw new UsageError('import-file-appeared', { file: `${dir}/${planned.rel}` });
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileAtomic(target, planned.text);
    } catch (e) {
      throw new UsageError('write-failed', { file: `${dir}/${planned.rel}`, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    }
  }

  const lines = [ctx.t('import-done', { count: plan.created + plan.updated, dir, created: plan.created, updated: plan.updated })];
  if (plan.organizationCreated) lines.push(ctx.t('import-organization-created', { file: `${dir}/organization.yaml` }));
  if (plan.functionsCreated.length > 0) lines.push(ctx.t('import-functions-created', { count: plan.functionsCreated.length, functions: plan.functionsCreated.join(', ') }));
  if (badRows > 0) lines.push(ctx.t('import-partial', { count: badRows }));
  lines.push(ctx.t('import-next', { dir }));
  ctx.io.stdout(`${lines.join('\n')}\n`);
  return badRows > 0 ? 1 : 0;
}

export const register: Registrar = (program, run) => {
  const group = program.command('import').description('create structure files from other formats (see `org import csv --help`)');
  group
    .command('csv')
    .description('create unit files from a spreadsheet of units (the columns `org export --format csv` writes)')
    .argument('<file>', 'CSV file: UTF-8 with or without BOM, separated by "," or ";"')
    .argument('[dir]', 'structure directory, created when missing (default: the one found from the current directory, else structure)')
    .option('--partial', 'import the good rows even when some are bad')
    .option('--force', 'update unit files that already exist (everything the spreadsheet does not carry is kept)')
    .option('--schemas <path-or-url>', 'where the modelines of new files point')
    .addHelpText(
      'after',
      `
Columns (English or Russian names; names and short names per language):
  id / идентификатор, parent / вышестоящее, kind / вид, name (ru) / название (ru),
  short name (ru) / краткое название (ru), headcount / численность,
  functions led / ведёт функции
Without organization.yaml, one is created (languages from the columns, kinds from the
tree), with a stub file for each function led. Exit codes: 0 imported; 1 bad rows (nothing
written unless --partial); 2 could not run.

Examples:
  org import csv units.csv                    into ./structure
  org import csv units.csv new-structure      start a structure from a spreadsheet
  org import csv units.csv --partial          import the good rows, report the bad ones
  org export -f csv -o units.csv && org import csv units.csv --force
                                              edit in a spreadsheet and bring the changes back`,
    )
    .action((file: string, dir: string | undefined, options: Options) => run((ctx) => importCsv(ctx, file, dir ?? structureDirOrDefault(ctx), options)));
};
