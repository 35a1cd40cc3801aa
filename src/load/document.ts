/**
 * A structure file as findings see it: its display path and a way to turn a YAML path into a
 * range. The locator (locate.ts) is built the first time a finding in the file asks, and only
 * once, so files without findings are never indexed, and a file with thousands is indexed once.
 */
import type { Range, YamlPath } from '../model/finding.js';
import type { LoadedStructure } from '../model/loaded.js';
import { locator, type Locator } from './locate.js';

const TOP: Range = { line: 1, column: 1 };

export class StructureDocument {
  #locate: Locator | undefined;

  constructor(
    readonly file: string,
    /** The decoded text; undefined for a file that could not be read or parsed. */
    readonly text: string | undefined,
    private readonly makeLocator: (text: string) => Locator = locator,
  ) {}

  /** Where `path` is in this file: its value, or with `target: 'key'` its key; the top for no path. */
  rangeOf(path: YamlPath | undefined, target?: 'key' | 'value'): Range {
    if (this.text === undefined) return { ...TOP };
    this.#locate ??= this.makeLocator(this.text);
    return this.#locate(path, target);
  }
}

/** The documents of one loaded structure, by display path, each made on first use. */
export class StructureDocuments {
  readonly #texts: ReadonlyMap<string, string>;
  readonly #documents = new Map<string, StructureDocument>();

  /** `makeLocator` indexes one file's text (locate.ts; a test may count the calls). */
  constructor(
    texts: ReadonlyMap<string, string>,
    private readonly makeLocator: (text: string) => Locator = locator,
  ) {
    this.#texts = texts;
  }

  get(file: string): StructureDocument {
    let document = this.#documents.get(file);
    if (!document)
      this.#documents.set(file, (document = new StructureDocument(file, this.#texts.get(file), this.makeLocator)));
    return document;
  }
}

/** The documents of a loaded structure: one per file, located lazily. */
export function documentsOf(loaded: Pick<LoadedStructure, 'texts'>): StructureDocuments {
  return new StructureDocuments(loaded.texts);
}
