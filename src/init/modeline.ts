/**
 * The schema modeline: the first line of every structure file, which tells YAML editors (the
 * Red Hat YAML extension and others built on yaml-language-server) which JSON Schema to check the
 * file against. `org init`, `org import csv` and `org fmt` write it; `org fmt` also repairs it
 * when a file has moved deeper or shallower in the tree. A schema base is either a path relative
 * to the structure directory (`../schemas`) or an absolute URL.
 */
import { posix } from 'node:path';

export type SchemaKind = 'organization' | 'unit' | 'function';

export const MODELINE_PREFIX = '# yaml-language-server: $schema=';

/** Where the schemas are published, for structures that have no local copy to point at. */
export const PUBLISHED_SCHEMA_BASE = 'https://orgcode.dev/schemas';

const isUrl = (base: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(base);

/** Which schema a structure file follows, by its path inside the structure directory. */
export function schemaKindOf(rel: string): SchemaKind | undefined {
  if (/^organization\.ya?ml$/i.test(rel)) return 'organization';
  if (!/\.ya?ml$/i.test(rel)) return undefined;
  if (rel.startsWith('units/')) return 'unit';
  if (rel.startsWith('functions/')) return 'function';
  return undefined;
}

/** The schema reference for a file at `rel` (forward slashes) in a structure using `base`. */
export function schemaRef(base: string, kind: SchemaKind, rel: string): string {
  const file = `${kind}.schema.json`;
  if (isUrl(base) || base.startsWith('/')) return `${base.replace(/\/+$/, '')}/${file}`;
  const up = posix.dirname(rel) === '.' ? 0 : posix.dirname(rel).split('/').length;
  return posix.normalize(`${'../'.repeat(up)}${base}/${file}`);
}

export function modeline(base: string, kind: SchemaKind, rel: string): string {
  return `${MODELINE_PREFIX}${schemaRef(base, kind, rel)}`;
}

/** The schema reference of a modeline, or undefined when the line is not one. */
export function parseModeline(line: string): string | undefined {
  const m = /^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$/.exec(line);
  return m?.[1];
}

/**
 * The schema base a file's modeline implies, relative to the structure directory, or undefined
 * when the reference does not name one of our schemas.
 */
export function baseFromRef(ref: string, rel: string): string | undefined {
  const m = /^(.*)\/(organization|unit|function)\.schema\.json$/.exec(ref);
  if (!m) return undefined;
  const dir = m[1]!;
  if (isUrl(dir)) return dir;
  if (dir.startsWith('/')) return dir;
  return posix.normalize(posix.join(posix.dirname(rel), dir));
}
