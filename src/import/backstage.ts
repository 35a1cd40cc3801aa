/**
 * `org import backstage catalog.yaml`: the `kind: Group` entities of a Backstage software catalog
 * as a table of units, which the import planner then checks and writes like a spreadsheet. Each
 * group becomes a unit: its id from metadata.name, its kind from spec.type, its parent from
 * spec.parent (or from the group whose spec.children names it), its name from
 * spec.profile.displayName (else metadata.title, else the name), its description from
 * metadata.description. Entity references (`group:default/finance`) are reduced to their name.
 * Other kinds of entity are skipped. Pure: text in, table out.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import { UsageError } from '../model/errors.js';
import type { CsvRow } from './csv-read.js';
import { idFromName } from './ids.js';

export interface BackstageGroups {
  rows: CsvRow[];
  groups: number;
  skipped: number;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** `group:default/Finance-Team` → `finance-team`; the id rules of structure files. */
function refToId(ref: string): string {
  const name = ref.replace(/^[a-z]+:/i, '').replace(/^[^/]*\//, '');
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || idFromName(name)
  );
}

export function readBackstage(text: string, file: string): BackstageGroups {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
  if (!Array.isArray(docs)) throw new UsageError('import-empty', {});
  type Group = {
    line: number;
    id: string;
    kind: string;
    name: string;
    description: string;
    parent: string | undefined;
    children: string[];
  };
  const groups: Group[] = [];
  let skipped = 0;
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      const { line, col } = lineCounter.linePos(doc.errors[0]!.pos[0]);
      throw new UsageError('import-backstage-yaml', {
        file,
        line,
        column: col,
        message: doc.errors[0]!.message.split('\n')[0]!,
      });
    }
    // Aliases are not expanded beyond a few: a catalog is data, not a place for billion-laughs documents.
    const entity = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown> | null;
    if (!entity || typeof entity !== 'object') continue;
    if (entity.kind !== 'Group') {
      skipped++;
      continue;
    }
    const metadata = (entity.metadata ?? {}) as Record<string, unknown>;
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    const profile = (spec.profile ?? {}) as Record<string, unknown>;
    const name = str(metadata.name) ?? '';
    groups.push({
      line: lineCounter.linePos(doc.contents?.range[0] ?? doc.range[0]).line,
      id: name === '' ? '' : refToId(name),
      kind: idFromName(str(spec.type) ?? 'group') || 'group',
      name: str(profile.displayName) ?? str(metadata.title) ?? name,
      description: str(metadata.description) ?? '',
      parent: str(spec.parent) === undefined ? undefined : refToId(str(spec.parent)!),
      children: Array.isArray(spec.children)
        ? spec.children.flatMap((c) => (typeof c === 'string' ? [refToId(c)] : []))
        : [],
    });
  }
  // A parent may be given only as the other group's child.
  const parentFromChildren = new Map<string, string>();
  for (const g of groups)
    for (const child of g.children) if (!parentFromChildren.has(child)) parentFromChildren.set(child, g.id);
  const rows: CsvRow[] = [{ line: 0, cells: ['id', 'parent', 'kind', 'name', 'description'] }];
  for (const g of groups)
    rows.push({
      line: g.line,
      cells: [g.id, g.parent ?? parentFromChildren.get(g.id) ?? '', g.kind, g.name, g.description],
    });
  return { rows, groups: groups.length, skipped };
}
