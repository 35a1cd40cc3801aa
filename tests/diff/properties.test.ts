/**
 * Properties of the change model on random structures drawn from small pools of ids (so that two
 * draws share units, functions, parents and lineage): a structure compared with itself has no
 * changes, and comparing the other way round mirrors every change (added ↔ removed, from ↔ to,
 * merge ↔ split).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { diffStructures, sortChanges } from '../../src/diff/diff.js';
import type { Change } from '../../src/diff/types.js';
import { DEFAULT_ROLES, type LoadedStructure } from '../../src/load/structure.js';
import { buildModel } from '../../src/model/model.js';
import type { OrgFunction, Text, Unit } from '../../src/model/types.js';

const UNIT_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const FUNCTION_IDS = ['f1', 'f2', 'f3', 'f4', 'f5'];
const KINDS = ['office', 'department', 'division'];

const text: fc.Arbitrary<Text> = fc.oneof(
  fc.constantFrom('Alpha', 'Beta'),
  fc.record({ en: fc.constantFrom('Alpha', 'Beta'), ru: fc.constantFrom('Альфа', 'Бета') }),
);

const unit = (id: string): fc.Arbitrary<Unit> =>
  fc
    .record({
      kind: fc.constantFrom(...KINDS),
      name: text,
      parent: fc.option(fc.constantFrom(...UNIT_IDS), { nil: undefined }),
      functions: fc.option(
        fc.dictionary(fc.constantFrom(...FUNCTION_IDS), fc.constantFrom('lead', 'participant', 'informed'), {
          maxKeys: 3,
        }),
        { nil: undefined },
      ),
      positions: fc.option(
        fc.array(fc.record({ title: fc.constantFrom('Head', 'Specialist', 'Driver'), count: fc.nat(4) }), {
          maxLength: 2,
        }),
        { nil: undefined },
      ),
      replaces: fc.option(fc.subarray(UNIT_IDS, { maxLength: 2 }), { nil: undefined }),
    })
    .map(({ parent, functions, positions, replaces, ...rest }) => ({
      id,
      ...rest,
      ...(parent !== undefined ? { parent } : {}),
      ...(functions !== undefined ? { functions } : {}),
      ...(positions !== undefined ? { positions } : {}),
      ...(replaces !== undefined ? { replaces } : {}),
    }));

const structure: fc.Arbitrary<LoadedStructure> = fc
  .record({
    units: fc.subarray(UNIT_IDS).chain((ids) => fc.tuple(...ids.map(unit))),
    functions: fc
      .subarray(FUNCTION_IDS)
      .chain((ids) => fc.tuple(...ids.map((id) => text.map((name): OrgFunction => ({ id, name }))))),
  })
  .map(({ units, functions }) => ({
    organization: {
      id: 'org',
      name: 'Org',
      languages: ['en', 'ru'],
      kinds: KINDS.map((id) => ({ id, name: id })),
      roles: DEFAULT_ROLES,
    },
    hasOrganization: true,
    organizationFile: 'organization.yaml',
    units: units.map((u) => ({ unit: u, file: `units/${u.id}.yaml` })),
    functions: functions.map((fn) => ({ fn, file: `functions/${fn.id}.yaml` })),
    findings: [],
    texts: new Map(),
  }));

/** The same structure with some units under new ids (children and lineage follow): exercises inference. */
const withNewIds = (s: LoadedStructure, renames: Map<string, string>): LoadedStructure => {
  const rename = (id: string): string => renames.get(id) ?? id;
  const taken = new Set(s.units.map((u) => u.unit.id));
  const usable = new Map([...renames].filter(([from, to]) => taken.has(from) && !taken.has(to)));
  const re = (id: string): string => (usable.has(id) ? rename(id) : id);
  return {
    ...s,
    units: s.units.map(({ unit: u, file }) => ({
      unit: { ...u, id: re(u.id), ...(u.parent !== undefined ? { parent: re(u.parent) } : {}) },
      file,
    })),
  };
};

const pair = fc.oneof(
  fc.tuple(structure, structure),
  fc
    .tuple(structure, fc.dictionary(fc.constantFrom(...UNIT_IDS), fc.constantFrom(...UNIT_IDS), { maxKeys: 3 }))
    .map(([s, r]) => [s, withNewIds(s, new Map(Object.entries(r)))] as const),
);

/** What diff(b, a) should say, given diff(a, b). Names are left out: they follow the later side. */
function mirror(c: Change): Change {
  switch (c.type) {
    case 'unit-added':
      return { ...c, type: 'unit-removed' };
    case 'unit-removed':
      return { ...c, type: 'unit-added' };
    case 'function-added':
      return { ...c, type: 'function-removed' };
    case 'function-removed':
      return { ...c, type: 'function-added' };
    case 'assignment-added':
      return { ...c, type: 'assignment-removed' };
    case 'assignment-removed':
      return { ...c, type: 'assignment-added' };
    case 'unit-replaced':
      return {
        ...c,
        kind: c.kind === 'merge' ? 'split' : c.kind === 'split' ? 'merge' : c.kind,
        from: c.to,
        to: c.from,
        headcount: { from: c.headcount.to, to: c.headcount.from },
        ...(c.evidence
          ? {
              evidence: {
                ...c.evidence,
                functions: {
                  shared: c.evidence.functions.shared,
                  from: c.evidence.functions.to,
                  to: c.evidence.functions.from,
                },
                units: { shared: c.evidence.units.shared, from: c.evidence.units.to, to: c.evidence.units.from },
              },
            }
          : {}),
      };
    case 'function-replaced':
      return { ...c, from: c.to, to: c.from, lead: { from: c.lead.to, to: c.lead.from } };
    case 'headcount-changed':
      return { ...c, from: c.to, to: c.from, positions: c.positions.map((p) => ({ ...p, from: p.to, to: p.from })) };
    default:
      return { ...c, from: c.to, to: c.from } as Change;
  }
}

const withoutNames = (changes: readonly Change[]): unknown[] =>
  changes.map((c) => {
    const { name: _name, ...rest } = c as Change & { name?: unknown };
    void _name;
    return rest;
  });

describe('diff properties', () => {
  test.prop([structure], { numRuns: 200 })('a structure compared with itself has no changes', (a) => {
    const { changes, summary } = diffStructures(buildModel(a), buildModel(a));
    expect(changes).toEqual([]);
    expect(summary.lostLead).toEqual([]);
    expect(summary.headcount.from).toBe(summary.headcount.to);
  });

  test.prop([pair], { numRuns: 300 })('comparing the other way round mirrors every change', ([a, b]) => {
    const forward = diffStructures(buildModel(a), buildModel(b));
    const backward = diffStructures(buildModel(b), buildModel(a));
    expect(withoutNames(backward.changes)).toEqual(withoutNames(sortChanges(forward.changes.map(mirror))));
    expect(backward.summary.headcount).toEqual({
      from: forward.summary.headcount.to,
      to: forward.summary.headcount.from,
    });
  });

  test.prop([pair], { numRuns: 200 })(
    'no unit is reported both inside a replacement and as added or removed',
    ([a, b]) => {
      const { changes } = diffStructures(buildModel(a), buildModel(b));
      const replaced = new Set(changes.flatMap((c) => (c.type === 'unit-replaced' ? [...c.from, ...c.to] : [])));
      const plain = changes.flatMap((c) => (c.type === 'unit-added' || c.type === 'unit-removed' ? [c.unit] : []));
      expect(plain.filter((id) => replaced.has(id))).toEqual([]);
    },
  );
});
