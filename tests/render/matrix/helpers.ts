/**
 * Loading the matrix test cases from disk through the real reader and loader, so that the golden
 * files show what a user of `org render matrix` gets.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translator, type Language } from '../../../src/i18n/format.js';
import { readStructureDir } from '../../../src/load/read.js';
import { loadStructure } from '../../../src/load/structure.js';
import { buildModel, type OrgModel } from '../../../src/model/model.js';

/** The repository (not imported from helpers/cli.ts, which loads every command). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const SMALL = 'tests/fixtures/matrix/small';
export const BISHKEK = 'structure';

export function modelOf(dir: string): OrgModel {
  return buildModel(loadStructure(readStructureDir(dir, ROOT)));
}

export const t = (lang: Language) => translator(lang);

export const golden = (caseName: string, file: string): string =>
  join(ROOT, 'tests/fixtures/matrix', caseName, 'expected', file);
