/**
 * Builds small structures for tests, in memory (for the pure core) or in a temporary directory
 * (for the CLI). A case names only what it is about; the rest comes from a minimal valid base.
 */
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { loadStructure, type LoadedStructure, type RawFile } from '../../src/load/structure.js';

export type Files = Record<string, string | object>;

export const BASE_ORGANIZATION = {
  id: 'test-org',
  name: { en: 'Test organisation', ru: 'Тестовая организация' },
  languages: ['en', 'ru'],
  kinds: [
    { id: 'office', name: 'office' },
    { id: 'department', name: 'department' },
    { id: 'division', name: 'division' },
  ],
};

/** Serialises objects as YAML; strings are taken as the file's exact text. */
export function toText(content: string | object): string {
  return typeof content === 'string' ? content : stringify(content);
}

export function rawFiles(files: Files): RawFile[] {
  return Object.entries(files)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([rel, content]) => ({ rel, file: rel, bytes: Buffer.from(toText(content), 'utf8') }));
}

/** Loads a structure from in-memory files; adds a default organization.yaml when absent. */
export function load(files: Files): LoadedStructure {
  return loadStructure(rawFiles({ 'organization.yaml': BASE_ORGANIZATION, ...files }));
}

/** Writes files into a fresh temporary directory and returns its path. */
export function writeStructure(files: Files, withOrganization = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'org-test-'));
  const all = withOrganization ? { 'organization.yaml': BASE_ORGANIZATION, ...files } : files;
  for (const [rel, content] of Object.entries(all)) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, toText(content));
  }
  return dir;
}

/** Every .yaml file below a directory, in directory order. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? yamlFiles(p) : p.endsWith('.yaml') ? [p] : [];
  });
}
