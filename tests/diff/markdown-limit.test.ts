/**
 * Markdown that fits in a GitHub comment: a reorganisation whose full report is far longer than
 * 65,536 characters is cut to fit, longest tables first, each cut table saying what it left out and
 * how to get the rest; `maxLength` sets another limit. Built in memory: thousands of functions.
 */
import { describe, expect, it } from 'vitest';
import { diffStructures } from '../../src/diff/diff.js';
import { translator } from '../../src/i18n/format.js';
import { DEFAULT_MAX_LENGTH, renderDiffMarkdown } from '../../src/render/diff/markdown.js';
import type { DiffReport, DiffSide } from '../../src/render/diff/index.js';
import { buildModel, type OrgModel } from '../../src/model/model.js';
import { load, type Files } from '../helpers/structure.js';

const model = (files: Files): OrgModel => buildModel(load(files));

const side = (label: string): DiffSide => ({
  label,
  source: { type: 'directory', path: label },
  organization: { id: 'o', name: { en: 'O' } },
  errors: [],
});

function report(): DiffReport {
  const before: Files = { 'units/root.yaml': { id: 'root', kind: 'office', name: 'Root' } };
  const after: Files = { ...before };
  const held: Record<string, string> = {};
  for (let i = 0; i < 1500; i++) {
    const id = `service-${i}`;
    after[`functions/${id}.yaml`] = {
      id,
      name: `A public service for the residents of the city, number ${i}, with its own long name`,
    };
    held[id] = 'lead';
  }
  for (let i = 0; i < 60; i++)
    before[`units/old-${i}.yaml`] = { id: `old-${i}`, kind: 'department', parent: 'root', name: `Old department ${i}` };
  after['units/root.yaml'] = { id: 'root', kind: 'office', name: 'Root', functions: held };
  return { from: side('main'), to: side('structure'), diff: diffStructures(model(before), model(after)) };
}

describe('Markdown within a length limit', () => {
  const t = translator('en');
  const r = report();
  const full = renderDiffMarkdown(r, { t, maxLength: Number.MAX_SAFE_INTEGER });

  it('cuts a report over 65,536 characters to fit, and says what it left out and how to get it', () => {
    expect(full.length).toBeGreaterThan(DEFAULT_MAX_LENGTH * 2);
    const cut = renderDiffMarkdown(r, { t });
    expect(cut.length).toBeLessThanOrEqual(DEFAULT_MAX_LENGTH);
    // The longest table is cut; the short one is whole.
    expect(cut).toMatch(
      /\*\d+ of 1500 rows left out to keep this within the length limit\.\* The whole diff: `org diff main structure --format json`/,
    );
    expect(cut).not.toMatch(/of 60 rows left out/);
    expect(cut).toContain('Old department 59');
    // The summary stays whole.
    expect(cut.split('\n').slice(0, 12).join('\n')).toBe(full.split('\n').slice(0, 12).join('\n'));
    // Every table row kept is a row of the full report, in the same order.
    const rows = (s: string) => s.split('\n').filter((l) => l.startsWith('| A public service'));
    const kept = rows(cut);
    expect(kept.length).toBeGreaterThan(100);
    expect(rows(full).slice(0, kept.length)).toEqual(kept);
  });

  it('keeps to another limit when asked, and leaves a report that fits alone', () => {
    expect(renderDiffMarkdown(r, { t, maxLength: 10000 }).length).toBeLessThanOrEqual(10000);
    expect(renderDiffMarkdown(r, { t, maxLength: full.length + 1 })).toBe(full);
  });
});
