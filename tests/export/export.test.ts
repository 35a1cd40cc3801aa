/**
 * `org export`: JSON matches its published schema and the model; Turtle parses with a real RDF
 * parser (n3) and says what the W3C Organization Ontology expects; JSON-LD states exactly the same
 * triples; Mermaid and CSV escape every character their readers would otherwise misread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { Parser, type Quad } from 'n3';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/model.js';
import { renderMermaid, escapeMermaid } from '../../src/export/mermaid.js';
import { renderTurtle, renderJsonLd, escapeLiteral, safeIri } from '../../src/export/rdf.js';
import { loadStructure } from '../../src/load/structure.js';
import { readStructureDir } from '../../src/load/read.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { load } from '../helpers/structure.js';

const TRICKY = join(ROOT, 'tests', 'fixtures', 'export', 'tricky');
const trickyModel = () => buildModel(loadStructure(readStructureDir(TRICKY, ROOT)));

const ORG = 'http://www.w3.org/ns/org#';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const BASE = 'urn:orgcode:tricky-city/';
const UNIT = `${BASE}unit/`;

/** One triple as a comparable line (N-Triples-like, unescaped). */
const line = (q: Quad): string => {
  const o = q.object;
  const object =
    o.termType === 'Literal'
      ? `"${o.value}"${o.language ? `@${o.language}` : o.datatype.value === 'http://www.w3.org/2001/XMLSchema#string' ? '' : `^^${o.datatype.value}`}`
      : `<${o.value}>`;
  return `<${q.subject.value}> <${q.predicate.value}> ${object}`;
};

const turtleTriples = (text: string): string[] => new Parser({ format: 'text/turtle' }).parse(text).map(line).sort();

/** A small JSON-LD reader for the shape renderJsonLd writes: compact IRIs and value objects only. */
function jsonLdTriples(doc: {
  '@context': Record<string, string>;
  '@graph': Array<Record<string, unknown>>;
}): string[] {
  const expand = (name: string): string => {
    const i = name.indexOf(':');
    const prefix = name.slice(0, i);
    return i > 0 && prefix in doc['@context'] && !name.slice(i + 1).startsWith('//')
      ? doc['@context'][prefix] + name.slice(i + 1)
      : name;
  };
  const out: string[] = [];
  for (const node of doc['@graph']) {
    const s = `<${expand(node['@id'] as string)}>`;
    for (const type of (node['@type'] as string[] | undefined) ?? []) out.push(`${s} <${RDF_TYPE}> <${expand(type)}>`);
    for (const [key, values] of Object.entries(node)) {
      if (key.startsWith('@')) continue;
      for (const v of values as Array<Record<string, string>>) {
        const object =
          v['@id'] !== undefined
            ? `<${expand(v['@id'])}>`
            : `"${v['@value']}"${v['@language'] ? `@${v['@language']}` : v['@type'] ? `^^${expand(v['@type'])}` : ''}`;
        out.push(`${s} <${expand(key)}> ${object}`);
      }
    }
  }
  return out.sort();
}

describe('export json', () => {
  it('matches schemas/export.schema.json and the Bishkek structure', async () => {
    const r = await runCli(['export', 'structure', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const ajv = new Ajv2020.default({ strict: true, allErrors: true });
    ajv.addKeyword('x-description-ru');
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'export.schema.json'), 'utf8')));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);

    expect(doc.units).toHaveLength(18);
    expect(doc.functions).toHaveLength(11);
    expect(doc.roots).toEqual(['tsentralnyy-apparat']);
    const legal = doc.units.find((u: { id: string }) => u.id === 'otdel-pravovoy-raboty');
    expect(legal).toMatchObject({ parent: 'upravlenie-podgotovki-resheniy', depth: 2, children: [] });
    expect(legal).not.toHaveProperty('ancestors');
    const appeals = doc.functions.find((f: { id: string }) => f.id === 'rassmotrenie-obrashcheniy-grazhdan');
    expect(appeals.leads).toEqual(['upravlenie-organizatsionno-kontrolnoy-raboty']);
    // Parents come before their children.
    const index = new Map(doc.units.map((u: { id: string }, i: number) => [u.id, i]));
    for (const u of doc.units) if (u.parent) expect(index.get(u.parent)).toBeLessThan(index.get(u.id) as number);
  });

  it('counts headcount per unit and below it, and normalises every text to a language map', async () => {
    const r = await runCli(['export', TRICKY, '-f', 'json']);
    const doc = JSON.parse(r.stdout);
    const end = doc.units.find((u: { id: string }) => u.id === 'end');
    expect(end).toMatchObject({ headcount: 4, subtreeHeadcount: 8, children: ['audit', 'sector-a'] });
    const audit = doc.units.find((u: { id: string }) => u.id === 'audit');
    expect(audit.positions).toEqual([{ title: { ru: 'Аудитор' }, count: 4 }]);
    expect(audit.replaces).toEqual(['audit-old', 'control-old']);
    expect(doc.headcount).toBe(8);
    expect(doc.functions.find((f: { id: string }) => f.id === 'records').assignments).toEqual([
      { unit: 'end', role: 'participant' },
      { unit: 'audit', role: 'lead' },
      { unit: 'sector-a', role: 'informed' },
    ]);
  });

  it('includes a function that units name but no file describes', async () => {
    const model = buildModel(
      load({ 'units/a.yaml': { id: 'a', kind: 'office', name: 'A', functions: { ghost: 'lead' } } }),
    );
    const { exportDocument } = await import('../../src/export/json.js');
    expect(exportDocument(model).functions).toEqual([
      { id: 'ghost', name: { en: 'ghost' }, assignments: [{ unit: 'a', role: 'lead' }], leads: ['a'], file: null },
    ]);
  });
});

describe('export ttl', () => {
  const ttl = renderTurtle(trickyModel());
  const triples = turtleTriples(ttl);
  const has = (s: string, p: string, o: string): boolean => triples.includes(`<${s}> <${p}> ${o}`);

  it('parses with n3 and builds the tree with org:subOrganizationOf / org:hasSubOrganization', () => {
    expect(has(`${UNIT}audit`, `${ORG}subOrganizationOf`, `<${UNIT}end>`)).toBe(true);
    expect(has(`${UNIT}end`, `${ORG}hasSubOrganization`, `<${UNIT}sector-a>`)).toBe(true);
    expect(has(`${UNIT}end`, RDF_TYPE, `<${ORG}OrganizationalUnit>`)).toBe(true);
    expect(has(`${BASE}organization`, RDF_TYPE, `<${ORG}Organization>`)).toBe(true);
    expect(has(`${UNIT}end`, `${ORG}unitOf`, `<${BASE}organization>`)).toBe(true);
  });

  it('keeps every character of the names in language-tagged skos:prefLabel literals', () => {
    expect(has(`${UNIT}end`, `${SKOS}prefLabel`, '"Аппарат <главный> & "центральный""@ru')).toBe(true);
    expect(has(`${UNIT}end`, `${SKOS}prefLabel`, '"Head office #1 | A\\B `x`"@en')).toBe(true);
    expect(has(`${UNIT}audit`, `${SKOS}prefLabel`, '"Управление аудита;\nи контроля"@ru')).toBe(true);
    expect(
      has(
        `${BASE}function/oversight`,
        `${SKOS}definition`,
        '"Строка с обратной косой чертой \\ и табуляцией\tвнутри"@ru',
      ),
    ).toBe(true);
  });

  it('classifies units by kind, links functions by org:purpose and positions as org:Post', () => {
    expect(has(`${UNIT}audit`, `${ORG}classification`, `<${BASE}kind/department>`)).toBe(true);
    expect(has(`${BASE}kind/department`, `${SKOS}prefLabel`, '"управление"@ru')).toBe(true);
    expect(has(`${UNIT}end`, `${ORG}purpose`, `<${BASE}function/oversight>`)).toBe(true);
    expect(has(`${BASE}function/oversight`, RDF_TYPE, `<${SKOS}Concept>`)).toBe(true);
    expect(has(`${BASE}post/end-2`, RDF_TYPE, `<${ORG}Post>`)).toBe(true);
    expect(has(`${BASE}post/end-2`, `${ORG}postIn`, `<${UNIT}end>`)).toBe(true);
    expect(has(`${BASE}post/end-2`, `${SKOS}prefLabel`, '"Специалист "первой" категории"@ru')).toBe(true);
  });

  it('records a merger as an org:ChangeEvent from the replaced units to the new one', () => {
    const change = `${BASE}change/audit`;
    expect(has(change, RDF_TYPE, `<${ORG}ChangeEvent>`)).toBe(true);
    expect(has(change, `${ORG}originalOrganization`, `<${UNIT}audit-old>`)).toBe(true);
    expect(has(change, `${ORG}originalOrganization`, `<${UNIT}control-old>`)).toBe(true);
    expect(has(change, `${ORG}resultingOrganization`, `<${UNIT}audit>`)).toBe(true);
    expect(has(`${UNIT}audit`, `${ORG}resultedFrom`, `<${change}>`)).toBe(true);
    expect(triples.filter((t) => t.includes(`${ORG}ChangeEvent`))).toHaveLength(1);
  });

  it('writes a source URL with & and ? as an IRI the parser accepts', () => {
    expect(
      has(`${BASE}organization`, 'http://purl.org/dc/terms/source', '<https://example.org/decree?id=1&lang=ru>'),
    ).toBe(true);
  });

  it('mints IRIs under --base', async () => {
    const r = await runCli(['export', TRICKY, '-f', 'ttl', '--base', 'https://data.example.org/city/']);
    expect(turtleTriples(r.stdout)).toContain(
      `<https://data.example.org/city/unit/audit> <${ORG}subOrganizationOf> <https://data.example.org/city/unit/end>`,
    );
    const bad = await runCli(['export', TRICKY, '-f', 'ttl', '--base', 'not an iri']);
    expect(bad.code).toBe(2);
  });

  it('parses for the whole Bishkek structure', async () => {
    const r = await runCli(['export', 'structure', '-f', 'ttl']);
    const all = turtleTriples(r.stdout);
    expect(all.filter((t) => t.endsWith(`<${ORG}OrganizationalUnit>`))).toHaveLength(18);
  });

  it('escapes literals and IRIs by the Turtle grammar', () => {
    expect(escapeLiteral('a"b\\c\nd\u0001')).toBe('a\\"b\\\\c\\nd\\u0001');
    expect(safeIri('https://x.org/a b<c>')).toBe('https://x.org/a%20b%3Cc%3E');
  });
});

describe('export jsonld', () => {
  it('is JSON stating exactly the triples of the Turtle export', () => {
    const model = trickyModel();
    const doc = JSON.parse(renderJsonLd(model));
    expect(doc['@context'].org).toBe(ORG);
    expect(jsonLdTriples(doc)).toEqual(turtleTriples(renderTurtle(model)));
  });

  it('types units and tags names with their language', async () => {
    const r = await runCli(['export', TRICKY, '--format', 'jsonld']);
    const doc = JSON.parse(r.stdout);
    const audit = doc['@graph'].find((n: Record<string, unknown>) => n['@id'] === 'unit:audit');
    expect(audit['@type']).toEqual(['org:OrganizationalUnit']);
    expect(audit['skos:prefLabel']).toContainEqual({ '@value': 'Audit, Control; and Review', '@language': 'en' });
  });
});

describe('export mermaid', () => {
  it('draws the tree with safe node ids and escaped labels', () => {
    const text = renderMermaid(trickyModel(), { lang: 'en' });
    expect(text).toBe(
      [
        '%% City "Test" Hall',
        'flowchart TD',
        '  u_end["Head office #35;1 #124; A#92;B #96;x#96;"]',
        '  u_audit["Audit, Control; and Review"]',
        '  u_sector_a["Sector A"]',
        '  u_end --> u_audit',
        '  u_end --> u_sector_a',
        '',
      ].join('\n'),
    );
  });

  it('writes names in the chosen language, wrapped at spaces and at their own line breaks', () => {
    const text = renderMermaid(trickyModel(), { lang: 'ru', direction: 'LR', wrapAt: 12 });
    expect(text).toContain('flowchart LR');
    expect(text).toContain('u_end["Аппарат<br/>#lt;главный#gt; #amp;<br/>#quot;центральный#quot;"]');
    expect(text).toContain('u_audit["Управление<br/>аудита;<br/>и контроля"]');
  });

  it('turns line breaks into <br/>', () => {
    expect(escapeMermaid('a\nb"c')).toBe('a<br/>b#quot;c');
  });
});

describe('export csv', () => {
  it('starts with a byte-order mark and reads back cell for cell', async () => {
    const r = await runCli(['export', TRICKY, '-f', 'csv']);
    expect(r.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows: string[][] = parseCsv(r.stdout, { bom: true });
    expect(rows[0]).toEqual([
      'id',
      'parent',
      'kind',
      'name (ru)',
      'name (en)',
      'short name (ru)',
      'short name (en)',
      'description (ru)',
      'description (en)',
      'headcount',
      'positions',
      'functions led',
      'replaces',
      'source',
      'order',
      'staff unit',
    ]);
    const positions = JSON.stringify([
      { title: { ru: 'Руководитель', en: 'Head' }, count: 1 },
      { title: { ru: 'Специалист "первой" категории', en: 'Specialist' }, count: 3 },
    ]);
    expect(rows.slice(1)).toEqual([
      [
        'end',
        '',
        'office',
        'Аппарат <главный> & "центральный"',
        'Head office #1 | A\\B `x`',
        'Аппарат',
        'Office',
        '',
        '',
        '4',
        positions,
        'oversight',
        '',
        '',
        '',
        '',
      ],
      [
        'audit',
        'end',
        'department',
        'Управление аудита;\nи контроля',
        'Audit, Control; and Review',
        '',
        '',
        'Создано слиянием отделов аудита и контроля.',
        '',
        '4',
        'Аудитор: 4',
        'records',
        'audit-old, control-old',
        '',
        '',
        '',
      ],
      ['sector-a', 'end', 'sector', 'Сектор А', 'Sector A', '', '', '', '', '', '', '', '', '', '', ''],
    ]);
  });

  it('uses Russian headers with --lang ru and the separator asked for', async () => {
    const r = await runCli(['--lang', 'ru', 'export', TRICKY, '-f', 'csv', '--separator', ';']);
    const rows: string[][] = parseCsv(r.stdout, { bom: true, delimiter: ';' });
    expect(rows[0]).toEqual([
      'идентификатор',
      'вышестоящее',
      'вид',
      'название (ru)',
      'название (en)',
      'краткое название (ru)',
      'краткое название (en)',
      'описание (ru)',
      'описание (en)',
      'численность',
      'должности',
      'ведёт функции',
      'заменяет',
      'источник',
      'порядок',
      'штабное',
    ]);
    expect(rows[2]![3]).toBe('Управление аудита;\nи контроля');
  });

  it('infers the format from the -o extension and writes the file', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'org-export-'));
    const r = await runCli(['export', TRICKY, '-o', join(dir, 'units.csv')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'units.csv'), 'utf8')).toMatch(/^\uFEFFid,parent,kind,/);
  });

  it('rejects an unknown format or separator', async () => {
    expect((await runCli(['export', TRICKY, '-f', 'xml'])).stderr).toBe(
      'org: Unknown format "xml"; choose one of: json, csv, xlsx, mermaid, ttl, jsonld.\n',
    );
    expect((await runCli(['export', TRICKY, '-f', 'csv', '--separator', '|'])).code).toBe(2);
  });
});

describe('export mermaid from the command line', () => {
  it('names units in the organisation’s first language unless --lang asks for another it has', async () => {
    const plain = await runCli(['export', TRICKY, '-f', 'mermaid'], { env: { LANG: 'en_US.UTF-8' } });
    expect(plain.stdout).toContain('u_audit["Управление аудита;<br/>и контроля"]');
    const english = await runCli(['--lang', 'en', 'export', TRICKY, '-f', 'mermaid']);
    expect(english.stdout).toContain('u_audit["Audit, Control; and Review"]');
  });
});
