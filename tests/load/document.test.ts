/** A structure file as findings see it: a YAML path becomes a range, the file indexed once, on first use. */
import { describe, expect, it } from 'vitest';

import { locator } from '../../src/load/locate.js';
import { documentsOf, StructureDocuments } from '../../src/load/document.js';

describe('structure documents', () => {
  const texts = new Map([
    ['units/a.yaml', 'id: a\nname: A\nfunctions:\n  f1: lead\n'],
    ['units/b.yaml', 'id: b\n'],
  ]);

  it('turn a path into the range of its value, or of its key', () => {
    const a = documentsOf({ texts }).get('units/a.yaml');
    expect(a.rangeOf(['name'])).toEqual({ line: 2, column: 7, endLine: 2, endColumn: 8 });
    expect(a.rangeOf(['functions', 'f1'], 'key')).toMatchObject({ line: 4, column: 3 });
    expect(a.rangeOf(undefined)).toEqual({ line: 1, column: 1 });
  });

  it('index a file once however many findings ask, and never a file no finding asks about', () => {
    const built: string[] = [];
    const documents = new StructureDocuments(texts, (text) => {
      built.push(text);
      return locator(text);
    });
    expect(built).toEqual([]);
    const a = documents.get('units/a.yaml');
    a.rangeOf(['id']);
    a.rangeOf(['name']);
    documents.get('units/a.yaml').rangeOf(['functions', 'f1']);
    expect(documents.get('units/a.yaml')).toBe(a);
    expect(built).toEqual([texts.get('units/a.yaml')]);
  });

  it('place findings in a file without text (it could not be read) at its top', () => {
    expect(documentsOf({ texts }).get('units/missing.yaml').rangeOf(['id'])).toEqual({ line: 1, column: 1 });
  });
});
