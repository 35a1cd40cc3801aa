/**
 * Lineage in the change model, case by case on in-memory structures: declared `replaces` (merge,
 * split, new id, absorption into a unit that stays), inference from the same functions or the same
 * children, ambiguity, and declared lineage winning over inference.
 */
import { describe, expect, it } from 'vitest';
import { diffStructures } from '../../src/diff/diff.js';
import type { Change } from '../../src/diff/types.js';
import { load, type Files } from '../helpers/structure.js';

const unit = (id: string, fields: Record<string, unknown> = {}): Files => ({ [`units/${id}.yaml`]: { id, kind: id === 'root' ? 'office' : 'department', name: `Unit ${id}`, ...(id === 'root' ? {} : { parent: 'root' }), ...fields } });
const fn = (id: string): Files => ({ [`functions/${id}.yaml`]: { id, name: `Function ${id}` } });
const base: Files = { ...unit('root'), ...fn('f1'), ...fn('f2'), ...fn('f3') };

const diff = (before: Files, after: Files): Change[] => diffStructures(load({ ...base, ...before }), load({ ...base, ...after })).changes;
const ofType = <T extends Change['type']>(changes: Change[], type: T): Array<Extract<Change, { type: T }>> => changes.filter((c): c is Extract<Change, { type: T }> => c.type === type);

describe('declared lineage', () => {
  it('a unit replacing two others is a merge, and they are not also removed', () => {
    const changes = diff(
      { ...unit('a', { functions: { f1: 'lead' } }), ...unit('b', { functions: { f2: 'lead' } }) },
      { ...unit('c', { replaces: ['a', 'b'], functions: { f1: 'lead', f2: 'lead' } }) },
    );
    expect(ofType(changes, 'unit-replaced')).toEqual([{ type: 'unit-replaced', kind: 'merge', from: ['a', 'b'], to: ['c'], headcount: { from: null, to: null } }]);
    expect(ofType(changes, 'unit-removed')).toEqual([]);
    expect(ofType(changes, 'unit-added')).toEqual([]);
    expect(ofType(changes, 'function-transferred').map((c) => [c.function, c.from, c.to])).toEqual([
      ['f1', ['a'], ['c']],
      ['f2', ['b'], ['c']],
    ]);
  });

  it('two units replacing one are a split', () => {
    const changes = diff({ ...unit('a') }, { ...unit('b', { replaces: ['a'] }), ...unit('c', { replaces: ['a'] }) });
    expect(ofType(changes, 'unit-replaced').map((c) => [c.kind, c.from, c.to])).toEqual([['split', ['a'], ['b', 'c']]]);
    expect(changes).toHaveLength(1);
  });

  it('one unit replacing one under a new id is a change of id, and what it led is not a transfer', () => {
    const changes = diff({ ...unit('a', { functions: { f1: 'lead' } }) }, { ...unit('b', { replaces: ['a'], functions: { f1: 'lead' } }) });
    expect(changes.map((c) => c.type)).toEqual(['unit-replaced']);
    expect(ofType(changes, 'unit-replaced')[0]!.kind).toBe('rename-id');
  });

  it('a unit that stays and absorbs another reports a merge of both into it', () => {
    const changes = diff({ ...unit('a'), ...unit('b') }, { ...unit('b', { replaces: ['a'] }) });
    expect(ofType(changes, 'unit-replaced').map((c) => [c.kind, c.from, c.to])).toEqual([['merge', ['a', 'b'], ['b']]]);
    expect(ofType(changes, 'unit-removed')).toEqual([]);
  });

  it('lineage kept from an earlier reorganisation is not a change now', () => {
    const after = { ...unit('c', { replaces: ['a', 'b'], name: 'Renamed' }) };
    const changes = diff({ ...unit('c', { replaces: ['a', 'b'] }) }, after);
    expect(changes.map((c) => c.type)).toEqual(['unit-renamed']);
  });

  it('declared lineage wins over a match by functions', () => {
    const changes = diff({ ...unit('a', { functions: { f1: 'lead' } }) }, { ...unit('b', { functions: { f1: 'lead' } }), ...unit('c', { replaces: ['a'] }) });
    expect(ofType(changes, 'unit-replaced')).toEqual([{ type: 'unit-replaced', kind: 'rename-id', from: ['a'], to: ['c'], headcount: { from: null, to: null } }]);
    expect(ofType(changes, 'unit-added').map((c) => c.unit)).toEqual(['b']);
  });
});

describe('inferred lineage', () => {
  it('a removed and an added unit with the same functions are one unit under a new id', () => {
    const changes = diff({ ...unit('a', { functions: { f1: 'lead', f2: 'participant' } }) }, { ...unit('b', { functions: { f1: 'lead', f2: 'participant' } }) });
    expect(changes).toEqual([{ type: 'unit-replaced', kind: 'rename-id', from: ['a'], to: ['b'], headcount: { from: null, to: null }, inferred: true, confidence: 0.88, basis: 'functions' }]);
  });

  it('the same children are evidence too, and both together are stronger', () => {
    const kids = (parent: string): Files => ({ ...unit('x', { parent, kind: 'division' }), ...unit('y', { parent, kind: 'division' }) });
    const children = diff({ ...unit('a'), ...kids('a') }, { ...unit('b'), ...kids('b') });
    expect(ofType(children, 'unit-replaced')).toEqual([{ type: 'unit-replaced', kind: 'rename-id', from: ['a'], to: ['b'], headcount: { from: null, to: null }, inferred: true, confidence: 0.88, basis: 'children' }]);
    expect(ofType(children, 'unit-moved').map((c) => [c.unit, c.from, c.to])).toEqual([
      ['x', 'a', 'b'],
      ['y', 'a', 'b'],
    ]);
    const both = diff({ ...unit('a', { functions: { f1: 'lead' } }), ...kids('a') }, { ...unit('b', { functions: { f1: 'lead' } }), ...kids('b') });
    expect(ofType(both, 'unit-replaced')[0]).toMatchObject({ basis: 'functions+children', confidence: 0.94 });
  });

  it('an added unit holding exactly the functions of two removed ones is their merger', () => {
    const changes = diff(
      { ...unit('a', { functions: { f1: 'lead' } }), ...unit('b', { functions: { f2: 'lead', f3: 'participant' } }) },
      { ...unit('c', { functions: { f1: 'lead', f2: 'lead', f3: 'participant' } }) },
    );
    expect(ofType(changes, 'unit-replaced')).toEqual([{ type: 'unit-replaced', kind: 'merge', from: ['a', 'b'], to: ['c'], headcount: { from: null, to: null }, inferred: true, confidence: 0.94, basis: 'functions' }]);
    expect(ofType(changes, 'function-transferred')).toHaveLength(2);
  });

  it('a removed unit whose functions are divided among added ones was split', () => {
    const changes = diff({ ...unit('a', { functions: { f1: 'lead', f2: 'lead' } }) }, { ...unit('b', { functions: { f1: 'lead' } }), ...unit('c', { functions: { f2: 'lead' } }) });
    expect(ofType(changes, 'unit-replaced').map((c) => [c.kind, c.from, c.to, c.inferred])).toEqual([['split', ['a'], ['b', 'c'], true]]);
  });

  it('guesses nothing when the match is ambiguous', () => {
    const changes = diff({ ...unit('a', { functions: { f1: 'lead' } }), ...unit('b', { functions: { f1: 'lead' } }) }, { ...unit('c', { functions: { f1: 'lead' } }) });
    expect(ofType(changes, 'unit-replaced')).toEqual([]);
    expect(changes.filter((c) => c.type === 'unit-removed' || c.type === 'unit-added').map((c) => (c as { unit: string }).unit)).toEqual(['c', 'a', 'b']);
  });

  it('guesses nothing for units without functions or children', () => {
    expect(ofType(diff({ ...unit('a') }, { ...unit('b') }), 'unit-replaced')).toEqual([]);
  });

  it('can be turned off', () => {
    const before = load({ ...base, ...unit('a', { functions: { f1: 'lead' } }) });
    const after = load({ ...base, ...unit('b', { functions: { f1: 'lead' } }) });
    expect(diffStructures(before, after, { infer: false }).changes.map((c) => c.type)).toEqual(['unit-added', 'unit-removed', 'function-transferred']);
  });
});

describe('functions and assignments', () => {
  it('a lead moving between units is a transfer, not an added and a removed assignment', () => {
    const changes = diff({ ...unit('a', { functions: { f1: 'lead' } }), ...unit('b') }, { ...unit('a'), ...unit('b', { functions: { f1: 'lead' } }) });
    expect(changes.map((c) => c.type)).toEqual(['function-transferred']);
  });

  it('a lead that steps down to participant keeps that change beside the transfer', () => {
    const changes = diff({ ...unit('a', { functions: { f1: 'lead' } }), ...unit('b') }, { ...unit('a', { functions: { f1: 'participant' } }), ...unit('b', { functions: { f1: 'lead' } }) });
    expect(changes.map((c) => c.type)).toEqual(['function-transferred', 'assignment-changed']);
  });

  it('a function whose lead is dropped is listed as having lost it', () => {
    const result = diffStructures(load({ ...base, ...unit('a', { functions: { f1: 'lead' } }) }), load({ ...base, ...unit('a') }));
    expect(result.changes.map((c) => c.type)).toEqual(['assignment-removed']);
    expect(result.summary.lostLead).toEqual([{ function: 'f1', from: ['a'] }]);
  });

  it('names every id it mentions, even ids that are names of Object properties', () => {
    const result = diffStructures(load({ ...base, ...unit('constructor') }), load({ ...base, ...unit('constructor', { name: 'Builder' }) }));
    expect(result.changes).toEqual([{ type: 'unit-renamed', unit: 'constructor', from: { en: 'Unit constructor' }, to: { en: 'Builder' }, languages: ['en'] }]);
    expect(Object.keys(result.names.units)).toEqual(['constructor']);
    expect(result.names.units.constructor).toEqual({ en: 'Builder' });
  });
});
