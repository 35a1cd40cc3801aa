/**
 * `org log [range] [dir]`: the reorganisations in the git history of a structure directory,
 * newest first: for each commit that changed it, the date, the commit, its subject, the one-line
 * summary of `org diff` against its parent, and the legal acts it brought in.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { logEntry, type LogEntry } from '../../diff/history.js';
import { UsageError } from '../../model/errors.js';
import { renderLogJson, renderLogMarkdown, renderLogText } from '../../render/log.js';
import { checkFormat, structureDirOrDefault, emit, type Registrar, type RunContext } from '../context.js';
import { repositoryPath, repositoryRoot } from '../git.js';
import { listCommits, StructureHistory } from '../history.js';

interface Options {
  format: string;
  output?: string;
  maxCount?: string;
}

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** The repository around the working directory and the structure directory's path in it. */
function openHistory(ctx: RunContext, dir: string): { root: string; history: StructureHistory } {
  const { cwd, env } = ctx.io;
  const root = repositoryRoot(cwd, env);
  if (root === undefined) throw new UsageError('log-not-a-repository', { cwd });
  const path = repositoryPath(root, cwd, dir, isDirectory(resolve(cwd, dir)));
  return { root, history: new StructureHistory(ctx, root, path) };
}

/** Every commit in `range` that changed the structure, newest first, with what it did. */
export function readLog(
  ctx: RunContext,
  dir: string,
  range: string,
  limit?: number,
): { path: string; entries: LogEntry[] } {
  const { root, history } = openHistory(ctx, dir);
  let commits = listCommits(root, range, history.path, ctx.io.env);
  if (limit !== undefined) commits = commits.slice(0, limit);
  history.prepare(commits.flatMap((c) => [c.commit, ...c.parents.slice(0, 1)]));
  const entries: LogEntry[] = [];
  for (const revision of commits) {
    const after = history.modelAt(revision.commit);
    // A commit that removed the directory, or its organization.yaml, has no structure to show.
    if (after === null) continue;
    const parent = revision.parents[0];
    entries.push(logEntry(revision, parent === undefined ? null : history.modelAt(parent), after));
  }
  history.save();
  return { path: history.path, entries };
}

export const register: Registrar = (program, run) => {
  program
    .command('log')
    .description(
      'the reorganisations in the git history of a structure: per commit, its date, subject, summary and legal basis',
    )
    .argument('[range]', 'git revisions to look at, as git log takes them (HEAD, main..HEAD, v1..v2)', 'HEAD')
    .argument('[dir]', 'structure directory (default: the one found from the current directory)')
    .option('-f, --format <format>', 'text, markdown or json', 'text')
    .option('-n, --max-count <n>', 'show only the newest n commits')
    .option('-o, --output <file>', 'write to a file (atomically)')
    .addHelpText(
      'after',
      `
A single argument that is a directory is the structure directory; otherwise it is the range.
Each commit is compared with its first parent, as org diff COMMIT~1 COMMIT would.

Examples:
  org log
  org log main..HEAD
  org log HEAD structure --format markdown -o history.md
  org log -n 5 --format json`,
    )
    .action((rangeArg: string, dirArg: string, options: Options, command: Command) =>
      run((ctx) => {
        const format = checkFormat(options.format, ['text', 'markdown', 'json']);
        const given = command.args.length;
        // `org log structure` names a directory; `org log main..HEAD` a range.
        const [range, dir] =
          given === 1 && isDirectory(resolve(ctx.io.cwd, rangeArg))
            ? ['HEAD', rangeArg]
            : [rangeArg, dirArg ?? structureDirOrDefault(ctx)];
        let limit: number | undefined;
        if (options.maxCount !== undefined) {
          if (!/^\d+$/.test(options.maxCount) || Number(options.maxCount) === 0)
            throw new UsageError('bad-number', { option: '--max-count', value: options.maxCount });
          limit = Number(options.maxCount);
        }
        const { path, entries } = readLog(ctx, dir, range, limit);
        const language = ctx.langOption;
        const renderOptions = { t: ctx.t, ...(language !== undefined ? { language } : {}) };
        const report = { path, range, entries };
        emit(
          ctx,
          format === 'json'
            ? renderLogJson(report, renderOptions)
            : format === 'markdown'
              ? renderLogMarkdown(report, renderOptions)
              : renderLogText(report, renderOptions),
          options.output,
          format === 'json' ? 'data' : 'text',
        );
        return 0;
      }),
    );
};
