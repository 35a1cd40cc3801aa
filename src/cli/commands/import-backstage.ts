/** `org import backstage catalog.yaml [dir]`: Backstage `kind: Group` entities → unit files (src/import/backstage.ts). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { readBackstage } from '../../import/backstage.js';
import type { InputTable } from '../../import/plan.js';
import { UsageError } from '../../model/errors.js';
import { structureDirOrDefault, type Run, type RunContext } from '../context.js';
import type { Options } from './import.js';

export function registerBackstage(
  group: Command,
  run: Run,
  common: (cmd: Command) => Command,
  runImport: (ctx: RunContext, tables: InputTable[], dir: string, options: Options) => number,
): void {
  common(
    group
      .command('backstage')
      .description(
        'create unit files from the Group entities of a Backstage catalog (spec.type, parent, children, profile.displayName)',
      )
      .argument('<file>', 'catalog YAML with one or more entities (- for standard input)')
      .argument(
        '[dir]',
        'structure directory, created when missing (default: the one found from the current directory, else structure)',
      ),
  )
    .addHelpText(
      'after',
      `
Each Group becomes a unit: id from metadata.name, kind from spec.type, parent from spec.parent
or the group listing it in spec.children, name from spec.profile.displayName (else
metadata.title), description from metadata.description. Other entities are skipped.

Examples:
  org import backstage catalog-info.yaml org-structure`,
    )
    .action((file: string, dir: string | undefined, options: Options) =>
      run((ctx) => {
        let text: string;
        try {
          text =
            file === '-'
              ? Buffer.from(ctx.io.readStdin?.() ?? new Uint8Array()).toString('utf8')
              : readFileSync(resolve(ctx.io.cwd, file), 'utf8');
        } catch (e) {
          throw new UsageError('import-cannot-read', {
            file,
            reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
          });
        }
        const catalog = readBackstage(text, file);
        if (catalog.groups === 0) throw new UsageError('import-backstage-no-groups', { file, count: catalog.skipped });
        return runImport(ctx, [{ file, rows: catalog.rows }], dir ?? structureDirOrDefault(ctx), options);
      }),
    );
}
