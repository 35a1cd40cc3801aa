/**
 * Lineage in the change model, case by case on in-memory structures: declared `replaces` (merge,
 * split, new id, absorption into a unit that stays), inference from the same functions or the same
 * children, ambiguity, and declared lineage winning over inference.
 */
import { describe, expect, it } from 'vitest';
import { diffStructures } from '../../src/diff/diff.js';
import type { Change } from '../../src/diff/types.js';
import { buildModel, type OrgModel } from '../../src/model/model.js';
import { load, type Files } from '../helpers/structure.js';

const model = (files: Files): OrgModel => buildModel(load(files));

const unit = (id: string, fields: Record<string, unknown> = {}): Files => ({
  [`units/${id}.yaml`]: {
    id,
    kind: id === 'root' ? 'office' : 'department',
    name: `Unit ${id}`,
    ...(id === 'root' ? {} : { parent: 'root' }),
    ...fields,
  },
});
const fn = (id: string): Files => ({ [`functions/${id}.yaml`]: { id, name: `Function ${id}` } });
const base: Files = { ...unit('root'), ...fn('f1'), ...fn('f2'), ...fn('f3') };

const diff = (before: Files, after: Files): Change[] =>
  diffStructures(model({ ...base, ...before }), model({ ...base, ...after })).changes;
const ofType = <T extends Change['type']>(changes: Change[], type: T): Array<Extract<Change, { type: T }>> =>
  changes.filter((c): c is Extract<Change, { type: T }> => c.type === type);

describe('declared lineage', () => {
  it('a unit replacing two others is a merge, and they are not also removed', () => {
    const changes = diff(
      { ...unit('a', { functions: { f1: 'lead' } }), ...unit('b', { functions: { f2: 'lead' } }) },
      { ...unit('c', { replaces: ['a', 'b'], functions: { f1: 'lead', f2: 'lead' } }) },
    );
    expect(ofType(changes, 'unit-replaced')).toEqual([
      { type: 'unit-replaced', kind: 'merge', from: ['a', 'b'], to: ['c'], headcount: { from: null, to: null } },
    ]);
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
    const changes = diff(
      { ...unit('a', { functions: { f1: 'lead' } }) },
      { ...unit('b', { replaces: ['a'], functions: { f1: 'lead' } }) },
    );
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
    const changes = diff(
      { ...unit('a', { functions: { f1: 'lead' } }) },
      { ...unit('b', { functions: { f1: 'lead' } }), ...unit('c', { replaces: ['a'] }) },
    );
    expect(ofType(changes, 'unit-replaced')).toEqual([
      { type: 'unit-replaced', kind: 'rename-id', from: ['a'], to: ['c'], headcount: { from: null, to: null } },
    ]);
    expect(ofType(changes, 'unit-added').map((c) => c.unit)).toEqual(['b']);
  });
});

describe('inferred lineage', () => {
  it('a removed and an added unit with the same functions are one unit under a new id', () => {
    const changes = diff(
      { ...unit('a', { functions: { f1: 'lead', f2: 'participant' } }) },
      { ...unit('b', { functions: { f1: 'lead', f2: 'participant' } }) },
    );
    // "Unit a" and "Unit b" are alike names, which adds to the evidence of the two shared functions.
    expect(changes).toEqual([
      {
        type: 'unit-replaced',
        kind: 'rename-id',
        from: ['a'],
        to: ['b'],
        headcount: { from: null, to: null },
        inferred: true,
        confidence: 0.92,
        basis: 'functions',
        evidence: { functions: { shared: 2, from: 2, to: 2 }, units: { shared: 0, from: 0, to: 0 }, name: 0.75 },
      },
    ]);
  });

  it('the same children are evidence too, and both together are stronger', () => {
    const kids = (parent: string): Files => ({
      ...unit('x', { parent, kind: 'division' }),
      ...unit('y', { parent, kind: 'division' }),
    });
    const children = diff({ ...unit('a'), ...kids('a') }, { ...unit('b'), ...kids('b') });
    expect(ofType(children, 'unit-replaced')).toMatchObject([
      {
        kind: 'rename-id',
        from: ['a'],
        to: ['b'],
        inferred: true,
        basis: 'children',
        evidence: { units: { shared: 2, from: 2, to: 2 } },
      },
    ]);
    expect(ofType(children, 'unit-moved').map((c) => [c.unit, c.from, c.to])).toEqual([
      ['x', 'a', 'b'],
      ['y', 'a', 'b'],
    ]);
    const both = diff(
      { ...unit('a', { functions: { f1: 'lead' } }), ...kids('a') },
      { ...unit('b', { functions: { f1: 'lead' } }), ...kids('b') },
    );
    expect(ofType(both, 'unit-replaced')[0]).toMatchObject({
      basis: 'functions+children',
      evidence: { functions: { shared: 1 }, units: { shared: 2 } },
    });
    expect(ofType(both, 'unit-replaced')[0]!.confidence).toBeGreaterThan(
      ofType(children, 'unit-replaced')[0]!.confidence!,
    );
  });

  it('an added unit holding exactly the functions of two removed ones is their merger', () => {
    const changes = diff(
      { ...unit('a', { functions: { f1: 'lead' } }), ...unit('b', { functions: { f2: 'lead', f3: 'participant' } }) },
      { ...unit('c', { functions: { f1: 'lead', f2: 'lead', f3: 'participant' } }) },
    );
    expect(ofType(changes, 'unit-replaced')).toEqual([
      {
        type: 'unit-replaced',
        kind: 'merge',
        from: ['a', 'b'],
        to: ['c'],
        headcount: { from: null, to: null },
        inferred: true,
        confidence: 0.94,
        basis: 'functions',
        evidence: { functions: { shared: 3, from: 3, to: 3 }, units: { shared: 0, from: 0, to: 0 } },
      },
    ]);
    expect(ofType(changes, 'function-transferred')).toHaveLength(2);
  });

  it('a removed unit whose functions are divided among added ones was split', () => {
    const changes = diff(
      { ...unit('a', { functions: { f1: 'lead', f2: 'lead' } }) },
      { ...unit('b', { functions: { f1: 'lead' } }), ...unit('c', { functions: { f2: 'lead' } }) },
    );
    expect(ofType(changes, 'unit-replaced').map((c) => [c.kind, c.from, c.to, c.inferred])).toEqual([
      ['split', ['a'], ['b', 'c'], true],
    ]);
  });

  it('guesses nothing when the match is ambiguous', () => {
    const changes = diff(
      { ...unit('a', { functions: { f1: 'lead' } }), ...unit('b', { functions: { f1: 'lead' } }) },
      { ...unit('c', { functions: { f1: 'lead' } }) },
    );
    expect(ofType(changes, 'unit-replaced')).toEqual([]);
    expect(
      changes
        .filter((c) => c.type === 'unit-removed' || c.type === 'unit-added')
        .map((c) => (c as { unit: string }).unit),
    ).toEqual(['c', 'a', 'b']);
  });

  it('guesses nothing for units without functions or children', () => {
    expect(ofType(diff({ ...unit('a') }, { ...unit('b') }), 'unit-replaced')).toEqual([]);
  });

  it('can be turned off', () => {
    const before = model({ ...base, ...unit('a', { functions: { f1: 'lead' } }) });
    const after = model({ ...base, ...unit('b', { functions: { f1: 'lead' } }) });
    expect(diffStructures(before, after, { infer: false }).changes.map((c) => c.type)).toEqual([
      'unit-added',
      'unit-removed',
      'function-transferred',
    ]);
  });
});

describe('functions and assignments', () => {
  it('a lead moving between units is a transfer, not an added and a removed assignment', () => {
    const changes = diff(
      { ...unit('a', { functions: { f1: 'lead' } }), ...unit('b') },
      { ...unit('a'), ...unit('b', { functions: { f1: 'lead' } }) },
    );
    expect(changes.map((c) => c.type)).toEqual(['function-transferred']);
  });

  it('a lead that steps down to participant keeps that change beside the transfer', () => {
    const changes = diff(
      { ...unit('a', { functions: { f1: 'lead' } }), ...unit('b') },
      { ...unit('a', { functions: { f1: 'participant' } }), ...unit('b', { functions: { f1: 'lead' } }) },
    );
    expect(changes.map((c) => c.type)).toEqual(['function-transferred', 'assignment-changed']);
  });

  it('a function whose lead is dropped is listed as having lost it', () => {
    const result = diffStructures(
      model({ ...base, ...unit('a', { functions: { f1: 'lead' } }) }),
      model({ ...base, ...unit('a') }),
    );
    expect(result.changes.map((c) => c.type)).toEqual(['assignment-removed']);
    expect(result.summary.lostLead).toEqual([{ function: 'f1', from: ['a'] }]);
  });

  it('names every id it mentions, even ids that are names of Object properties', () => {
    const result = diffStructures(
      model({ ...base, ...unit('constructor') }),
      model({ ...base, ...unit('constructor', { name: 'Builder' }) }),
    );
    expect(result.changes).toEqual([
      {
        type: 'unit-renamed',
        unit: 'constructor',
        from: { en: 'Unit constructor' },
        to: { en: 'Builder' },
        languages: ['en'],
      },
    ]);
    expect(Object.keys(result.names.units)).toEqual(['constructor']);
    expect(result.names.units.constructor).toEqual({ en: 'Builder' });
  });
});

describe('lineage from partial overlap', () => {
  const fns = (...ids: string[]): Files => Object.assign({}, ...ids.map(fn));
  const leads = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'lead']));

  it('a bureau and its division both under new ids are two changes of id, not one tangle', () => {
    const all = fns('g1', 'g2', 'g3', 'g4', 'g5');
    const changes = diff(
      {
        ...all,
        ...unit('bureau', { functions: leads('g1', 'g2') }),
        ...unit('division', { parent: 'bureau', kind: 'division', functions: leads('g3', 'g4', 'g5') }),
      },
      {
        ...all,
        ...unit('new-bureau', { functions: leads('g1', 'g2') }),
        ...unit('new-division', { parent: 'new-bureau', kind: 'division', functions: leads('g3', 'g4', 'g5') }),
      },
    );
    expect(ofType(changes, 'unit-replaced').map((c) => [c.kind, c.from, c.to])).toEqual([
      ['rename-id', ['bureau'], ['new-bureau']],
      ['rename-id', ['division'], ['new-division']],
    ]);
  });

  it('counts a reworded function as the same function', () => {
    const before = {
      ...unit('a', { functions: { f1: 'lead', f2: 'lead', old: 'lead' } }),
      'functions/old.yaml': { id: 'old', name: 'Licensing of street trading in the markets' },
    };
    const after = {
      ...unit('b', { functions: { f1: 'lead', f2: 'lead', renewed: 'lead' } }),
      'functions/renewed.yaml': { id: 'renewed', name: 'Licensing of street trading at markets' },
    };
    const result = diffStructures(model({ ...base, ...before }), model({ ...base, ...after }));
    expect(ofType(result.changes, 'unit-replaced')[0]).toMatchObject({
      kind: 'rename-id',
      evidence: { functions: { shared: 3, from: 3, to: 3 } },
    });
    expect(ofType(result.changes, 'function-replaced')).toEqual([
      {
        type: 'function-replaced',
        kind: 'reworded',
        from: ['old'],
        to: ['renewed'],
        lead: { from: ['a'], to: ['b'] },
        inferred: true,
        confidence: expect.any(Number),
        similarity: expect.any(Number),
      },
    ]);
    expect(result.changes.map((c) => c.type)).toEqual(['unit-replaced', 'function-replaced']);
  });

  it('declared function lineage wins over the wording, and is never listed for review', () => {
    const before = { ...unit('a', { functions: leads('f1') }), 'functions/x.yaml': { id: 'x', name: 'Parking' } };
    const after = {
      ...unit('a', { functions: { f1: 'lead', y: 'lead', z: 'lead' } }),
      'functions/y.yaml': { id: 'y', name: 'Parking' },
      'functions/z.yaml': { id: 'z', name: 'Street lighting', replaces: ['x'] },
    };
    const result = diffStructures(model({ ...base, ...before }), model({ ...base, ...after }));
    expect(ofType(result.changes, 'function-replaced').map((c) => [c.from, c.to, c.inferred])).toEqual([
      [['x'], ['z'], undefined],
    ]);
    expect(ofType(result.changes, 'function-added').map((c) => c.function)).toEqual(['y']);
    expect(result.review).toEqual([]);
  });

  it('lists a weak match for review instead of guessing it: 2 of 7 functions', () => {
    const many = ['f1', 'f2', 'f3'];
    const result = diffStructures(
      model({
        ...base,
        ...fns('g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7'),
        ...unit('a', { functions: leads(...many, 'g1', 'g2', 'g3', 'g4') }),
        ...unit('keep', { name: 'Keeper' }),
      }),
      model({
        ...base,
        ...fns('g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9'),
        ...unit('b', { name: 'Other', functions: leads('f1', 'f2', 'g5', 'g6', 'g7', 'g8', 'g9') }),
        ...unit('keep', { name: 'Keeper', functions: leads('f3', 'g1', 'g2', 'g3', 'g4') }),
      }),
    );
    expect(ofType(result.changes, 'unit-replaced')).toEqual([]);
    expect(result.review).toEqual([
      {
        subject: 'unit',
        reason: 'weak',
        from: ['a'],
        to: ['b'],
        matches: [
          {
            from: ['a'],
            to: ['b'],
            confidence: expect.any(Number),
            evidence: { functions: { shared: 2, from: 7, to: 7 }, units: { shared: 0, from: 0, to: 0 } },
          },
        ],
      },
    ]);
    expect(result.summary.review).toBe(1);
  });
});
