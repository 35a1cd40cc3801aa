/**
 * What the commands do with a unit or function named on the command line (`org show X`,
 * `--root X`): look it up by id, name or id prefix (src/model/lookup.ts), and when that fails,
 * stop with one line that lists the candidates — ids with their names — and exit code 2.
 */
import { UsageError } from '../model/errors.js';
import { lookup, type Candidate, type Namespace } from '../model/lookup.js';
import type { OrgModel } from '../model/model.js';
import type { RunContext } from './context.js';

/** "id (name), id (name)": names cut to one line and to a readable length. */
function candidateList(candidates: readonly Candidate[]): string {
  return candidates
    .map((c) => {
      const name = c.name.replace(/\s+/g, ' ').trim();
      const short = [...name].length > 60 ? `${[...name].slice(0, 59).join('')}…` : name;
      return short && short !== c.id ? `${c.id} (${short})` : c.id;
    })
    .join(', ');
}

function fail(ctx: RunContext, query: string, result: ReturnType<typeof lookup>, messageId: string): never {
  // The query is echoed as typed but on one line: it may come from a script.
  const id = query.replace(/[\u0000-\u001f\u007f]/g, ' ');
  if ('ambiguous' in result)
    throw new UsageError('lookup-ambiguous', { query: id, candidates: candidateList(result.ambiguous) });
  const list = 'suggestions' in result ? result.suggestions : [];
  throw new UsageError(messageId, {
    id,
    hint: list.length > 0 ? ctx.t('show-did-you-mean', { ids: candidateList(list) }) : '',
  });
}

/** The id of the unit `query` names, for `--root`; throws a UsageError when there is none or several. */
export function findUnit(ctx: RunContext, model: OrgModel, query: string): string {
  const result = lookup(model, query, ['unit']);
  if ('found' in result) return result.found[0]!.id;
  return fail(ctx, query, result, 'tree-unknown-root');
}

/** The ids `query` names for `org show`: a unit, a function, or one of each with the same id or name. */
export function findShown(
  ctx: RunContext,
  model: OrgModel,
  query: string,
  namespaces: readonly Namespace[] = ['unit', 'function'],
): Candidate[] {
  const result = lookup(model, query, namespaces);
  if ('found' in result) return result.found;
  return fail(ctx, query, result, 'show-unknown-id');
}
