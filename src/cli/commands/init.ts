/**
 * `org init [dir]`: writes a new structure (organization.yaml, one root unit, one function) in
 * Russian or English, ready for `org validate`. It never touches an existing structure, and writes
 * all its files or none (a failure removes what it made, folders included). Also home
 * of the one place that decides where new files' schema modelines point (`schemaBaseFor`), which
 * `org fmt` and `org import csv` reuse.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUBLISHED_SCHEMA_BASE } from '../../init/modeline.js';
import { scaffold, type ScaffoldLanguage } from '../../init/scaffold.js';
import { UsageError } from '../../model/errors.js';
import { BatchWriteError, realDirectory, writeFilesAtomic } from '../../output/write.js';
import { DEFAULT_DIR, writeError, type Registrar } from '../context.js';

interface Options {
  schemas?: string;
}

/** The schemas/ directory shipped with this copy of org, found by walking up from this module. */
function packagedSchemas(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'schemas', 'unit.schema.json')) && existsSync(join(dir, 'package.json')))
      return join(dir, 'schemas');
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** The nearest directory at or above `dir` that looks like a project root (git or npm). */
function projectRoot(dir: string): string | undefined {
  let current = dir;
  for (;;) {
    if (existsSync(join(current, '.git')) || existsSync(join(current, 'package.json'))) return current;
    const up = dirname(current);
    if (up === current) return undefined;
    current = up;
  }
}

/**
 * Where the modelines of a structure in `structureDir` should point: the schemas of the installed
 * `org` by a relative path when they live in the same project (node_modules/orgcode/schemas, or
 * this repository's own schemas/), else the published URL — a relative path out of the project
 * into a global install would break on every other machine.
 */
export function schemaBaseFor(structureDir: string, explicit?: string): string {
  if (explicit !== undefined && explicit !== '') return explicit;
  const schemas = packagedSchemas();
  const root = projectRoot(structureDir);
  if (schemas && root && (schemas === root || schemas.startsWith(root + sep))) {
    return relative(structureDir, schemas).split(sep).join('/') || '.';
  }
  return PUBLISHED_SCHEMA_BASE;
}

/** The existing file or directory that makes `dir` a structure already, if any. */
function existingStructure(dir: string): string | undefined {
  for (const name of ['organization.yaml', 'organization.yml', 'units', 'functions'])
    if (existsSync(join(dir, name))) return name;
  return undefined;
}

export const register: Registrar = (program, run) => {
  program
    .command('init')
    .description('create a new structure: organization.yaml, one root unit and one function, with schema modelines')
    .argument('[dir]', 'directory to create it in', DEFAULT_DIR)
    .option(
      '--schemas <path-or-url>',
      'where the modelines point (default: the installed schemas, or the published URL)',
    )
    .addHelpText(
      'after',
      `
The scaffold's language follows --lang (ru or en), else LANG.

Examples:
  org init                              create ./structure
  org --lang ru init orgstructure       a Russian scaffold in ./orgstructure
  org init --schemas https://example.org/schemas
  org init && org validate              the new structure passes as written`,
    )
    .action((dir: string, options: Options) =>
      run((ctx) => {
        const requested = ctx.langOption;
        if (requested !== undefined && requested !== 'ru' && requested !== 'en')
          throw new UsageError('init-bad-lang', { lang: requested });
        const lang: ScaffoldLanguage = requested ?? ctx.lang;
        const abs = resolve(ctx.io.cwd, dir);
        if (existsSync(abs) && !statSync(abs).isDirectory()) throw new UsageError('not-a-dir', { dir });
        const found = existingStructure(abs);
        if (found) throw new UsageError('init-exists', { dir, file: found });

        const files = scaffold({ lang, schemaBase: schemaBaseFor(abs, options.schemas) });
        const writes = files.map((file) => ({
          file: join(abs, ...file.rel.split('/')),
          content: file.text,
          shown: join(dir, file.rel),
        }));
        try {
          writeFilesAtomic(writes, { within: realDirectory(abs), createDirs: true });
        } catch (e) {
          const failed = e instanceof BatchWriteError ? writes.find((w) => w.file === e.file) : undefined;
          const error = writeError(e, failed?.shown ?? dir, dir);
          ctx.io.stderr(`org: ${ctx.t(error.messageId, error.data)}\n${ctx.t('write-nothing-written')}\n`);
          return 2;
        }
        const shown = dir.replace(/[\\/]+$/, '') || dir;
        ctx.io.stdout(
          `${ctx.t('init-created', { dir: shown })}\n${files.map((f) => `  ${shown}/${f.rel}\n`).join('')}${ctx.t('init-next', { dir: shown })}\n`,
        );
        return 0;
      }),
    );
};
