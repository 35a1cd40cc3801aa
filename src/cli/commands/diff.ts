/**
 * `org diff <from> [<to>]`: what a reorganisation does to the organisation. Each side is a
 * structure directory when one exists at that path, otherwise a git revision (`main`, `HEAD~1`,
 * `REV:path`) read at the structure directory's path; `<to>` defaults to the working tree. Both
 * sides go through the same loader and rules; a side with errors is still compared, and its
 * errors are shown above the diff.
 */
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { addReplaces, inferredAcceptances, namedAcceptances, type Acceptance } from '../../diff/accept.js';
import { diffStructures } from '../../diff/diff.js';
import type { OrgModel } from '../../model/model.js';
import { UsageError } from '../../model/errors.js';
import { writeFileAtomic } from '../../output/write.js';
import { diffRenderers, renderSideErrors, type DiffSide } from '../../render/diff/index.js';
import {
  checkFormat,
  emit,
  outputTarget,
  parseCount,
  type Registrar,
  type RunContext,
  structureDirOrDefault,
} from '../context.js';
import { compareSides } from '../sides.js';

interface Options {
  dir?: string;
  format: string;
  exitCode?: boolean;
  output?: string;
  accept?: true | string[];
  maxLength?: string;
}

/**
 * Writes the accepted matches as `replaces` into the later side's files. Every file is edited in
 * memory and checked first, so a file that cannot be edited stops the whole run before anything
 * is written; then each file is replaced atomically, keeping its permissions.
 */
function accept(ctx: RunContext, to: { side: DiffSide; model: OrgModel }, acceptances: readonly Acceptance[]): void {
  if (to.side.source.type !== 'directory') throw new UsageError('diff-accept-git', { side: to.side.label });
  const edits: Array<{ file: string; path: string; text: string; added: string[] }> = [];
  for (const a of acceptances) {
    const entry = a.subject === 'unit' ? to.model.units.get(a.id) : to.model.functions.get(a.id);
    if (!entry) continue;
    const path = resolve(ctx.io.cwd, entry.file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new UsageError('diff-accept-cannot-edit', {
        file: entry.file,
        reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
      });
    }
    const result = addReplaces(text, a.subject, a.replaces);
    if (!result.ok)
      throw new UsageError('diff-accept-cannot-edit', {
        file: entry.file,
        reason: ctx.t(`diff-accept-reason-${result.reason}`),
      });
    if (result.added.length > 0) edits.push({ file: entry.file, path, text: result.text, added: result.added });
  }
  if (edits.length === 0) {
    ctx.io.stderr(`${ctx.t('diff-accept-nothing')}\n`);
    return;
  }
  for (const edit of edits) {
    const mode = statSync(edit.path).mode & 0o7777;
    try {
      writeFileAtomic(edit.path, edit.text);
      chmodSync(edit.path, mode);
    } catch (e) {
      throw new UsageError('write-failed', {
        file: edit.file,
        reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
      });
    }
    ctx.io.stderr(`${ctx.t('diff-accept-wrote', { file: edit.file, ids: edit.added.join(', ') })}\n`);
  }
}

export const register: Registrar = (program, run) => {
  program
    .command('diff')
    .description(
      'what a reorganisation changes: units, lineage, functions and assignments between two structures or git revisions',
    )
    .argument('<from>', 'the earlier side: a structure directory, a git revision, or REV:path')
    .argument('[to]', 'the later side (default: the structure directory in the working tree)')
    .option(
      '--dir <path>',
      'where the structure directory is, for sides read from git (default: the one found from the current directory, else structure)',
    )
    .option('-f, --format <format>', 'text, markdown or json', 'text')
    .option('--exit-code', 'exit with 1 when there are changes, 0 when there are none')
    .option('-o, --output <file>', 'write the diff to a file (atomically)')
    .option(
      '--max-length <n>',
      'longest Markdown output in characters; the longest tables are cut to fit (default 65536)',
    )
    .option(
      '--accept [matches...]',
      "write inferred matches (all, or the OLD=NEW pairs given) as replaces into the later side's files",
    )
    .addHelpText(
      'after',
      `
Each side is a directory if one exists at that path, otherwise a git revision of the repository
around the current directory, read at --dir (REV:path reads another path at that revision).
Names are shown in --lang, by default in the organisation's first language.

Examples:
  org diff main                          what this branch does to ./structure
  org diff HEAD~1 HEAD                   what the last commit did
  org diff old-structure new-structure   two directories
  org diff main --format markdown -o reorganisation.md
  org diff main --format json --exit-code
  org diff structure@2024-01-01 structure@2025-01-01   one dated structure on two days
  org diff main --accept                 record every inferred match as replaces
  org diff main --accept old-id=new-id   record one match, for example from the review list`,
    )
    .action((from: string, to: string | undefined, options: Options) =>
      run((ctx) => {
        const format = checkFormat(options.format, Object.keys(diffRenderers));
        const maxLength = options.maxLength === undefined ? undefined : parseCount('--max-length', options.maxLength);
        let [before, after] = compareSides(ctx, from, to, options.dir ?? structureDirOrDefault(ctx));
        let diff = diffStructures(before.model, after.model);
        if (options.accept !== undefined) {
          let acceptances: Acceptance[];
          if (options.accept === true) acceptances = inferredAcceptances(diff);
          else {
            const has = (model: OrgModel) => (subject: 'unit' | 'function', id: string) =>
              subject === 'unit' ? model.units.has(id) : model.functions.has(id);
            const named = namedAcceptances(options.accept, { before: has(before.model), after: has(after.model) });
            if (!named.ok) throw new UsageError('diff-accept-bad-pair', { pair: named.pair });
            acceptances = named.acceptances;
          }
          accept(ctx, after, acceptances);
          // What the files say now: the accepted matches are declared.
          [before, after] = compareSides(ctx, from, to, options.dir ?? structureDirOrDefault(ctx));
          diff = diffStructures(before.model, after.model);
        }
        const report = { from: before.side, to: after.side, diff };
        const language = ctx.langOption;
        const color = format === 'text' && outputTarget(ctx, options.output).color;
        if (format === 'text') {
          const errors = renderSideErrors(report, ctx.t);
          if (errors) ctx.io.stderr(errors);
        }
        emit(
          ctx,
          diffRenderers[format]!(report, {
            t: ctx.t,
            color,
            ...(language !== undefined ? { language } : {}),
            ...(maxLength !== undefined ? { maxLength } : {}),
          }),
          options.output,
          format === 'json' ? 'data' : 'text',
        );
        return options.exitCode && diff.changes.length > 0 ? 1 : 0;
      }),
    );
};
