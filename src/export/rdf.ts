/**
 * `org export --format ttl|jsonld`: the structure as linked data in the W3C Organization Ontology
 * (https://www.w3.org/TR/vocab-org/). The organisation is an org:FormalOrganization; each unit an
 * org:OrganizationalUnit tied into the tree by org:subOrganizationOf / org:hasSubOrganization and
 * classified by its kind (a SKOS concept); functions are SKOS concepts a unit serves through
 * org:purpose; positions are org:Post; a unit that `replaces` others results from an
 * org:ChangeEvent. Names are skos:prefLabel literals with language tags. ORG has no word for the
 * number of staff positions, so two properties of our own carry it (orgcode:headcount on units,
 * orgcode:positionCount on posts), and two more the fields ORG has no word for either: orgcode:staffUnit
 * (a staff, advisory unit) and orgcode:order (its place among its siblings).
 *
 * The statements are built once as triples, then written as Turtle or as JSON-LD, so the two
 * formats always say the same thing.
 */
import { isStaff, knownHeadcount, textsByLanguage, type OrgModel } from '../model/model.js';
import type { Act, Source, Text } from '../model/types.js';
import { unitOrder } from './json.js';

const NAMESPACES = {
  org: 'http://www.w3.org/ns/org#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dct: 'http://purl.org/dc/terms/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  orgcode: 'https://orgcode.dev/ns#',
} as const;

/**
 * Namespaces declared only when the export uses them (a structure with dates or legal acts), so
 * that the export of a structure without them stays as it was.
 */
const OPTIONAL_NAMESPACES = { prov: 'http://www.w3.org/ns/prov#' } as const;

const RDF_TYPE = `${NAMESPACES.rdf}type`;

type Term = { iri: string } | { value: string; lang?: string; datatype?: string };

interface Triple {
  subject: string;
  predicate: string;
  object: Term;
}

export interface RdfOptions {
  /** Prefix of every IRI this export mints; default `urn:orgcode:<organisation id>/`. */
  base?: string;
}

const LANGUAGE_TAG = /^[a-zA-Z]+(-[a-zA-Z0-9]+)*$/;
const ns = (prefix: keyof typeof NAMESPACES, local: string): string => `${NAMESPACES[prefix]}${local}`;

/** The namespaces under `base` for the things this export names. */
function localNamespaces(base: string): Record<string, string> {
  return {
    unit: `${base}unit/`,
    function: `${base}function/`,
    kind: `${base}kind/`,
    ftype: `${base}function-type/`,
    post: `${base}post/`,
    change: `${base}change/`,
  };
}

function defaultBase(model: OrgModel): string {
  return `urn:orgcode:${model.organization.id}/`;
}

/** The statements of the export, subjects in a stable order: organisation, kinds, types, units, functions, changes. */
function buildTriples(model: OrgModel, options: RdfOptions = {}): Triple[] {
  const base = options.base ?? defaultBase(model);
  const s = new Statements(base, model.defaultLanguage);
  const order = unitOrder(model);
  const org = model.organization;
  const date = org.date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(org.date) ? org.date : undefined;
  organisationTriples(s, model, order, date);
  schemeTriples(s, model);
  for (const id of order) unitTriples(s, model, id);
  functionTriples(s, model);
  for (const id of order) changeTriples(s, model, id, date);
  return s.out;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const prov = (local: string): string => `${OPTIONAL_NAMESPACES.prov}${local}`;

/** The triples made so far, and the ways of adding them: IRIs, literals, texts in each language, times, acts. */
class Statements {
  readonly out: Triple[] = [];
  readonly local: Record<string, string>;
  readonly orgIri: string;
  readonly kindScheme: string;
  readonly functionScheme: string;
  readonly typeScheme: string;
  /** Each act once, under act/: by what it says, and the IRIs given out. */
  private readonly acts = new Map<string, string>();
  private readonly actIris = new Set<string>();

  constructor(
    private readonly base: string,
    private readonly lang: string,
  ) {
    this.local = localNamespaces(base);
    this.orgIri = `${base}organization`;
    this.kindScheme = `${base}kinds`;
    this.functionScheme = `${base}functions`;
    this.typeScheme = `${base}function-types`;
  }

  unitIri(id: string): string {
    return `${this.local.unit}${id}`;
  }

  iri(subject: string, predicate: string, object: string): void {
    this.out.push({ subject, predicate, object: { iri: object } });
  }

  literal(subject: string, predicate: string, value: string, datatype?: string): void {
    this.out.push({ subject, predicate, object: datatype ? { value, datatype } : { value } });
  }

  texts(subject: string, predicate: string, text: Text | undefined): void {
    for (const [tag, value] of Object.entries(textsByLanguage(text, this.lang))) {
      this.out.push({ subject, predicate, object: LANGUAGE_TAG.test(tag) ? { value, lang: tag } : { value } });
    }
  }

  source(subject: string, s: Source | undefined): void {
    const url = typeof s === 'object' ? s.url : typeof s === 'string' && /^https?:\/\/\S+$/.test(s) ? s : undefined;
    if (url && /^[a-z][a-z0-9+.-]*:/i.test(url)) this.iri(subject, ns('dct', 'source'), url);
  }

  /** PROV times are xsd:dateTime; a day of validity is the start of that day, in no time zone. */
  time(subject: string, predicate: string, day: string | undefined): void {
    if (day !== undefined && DAY.test(day)) this.literal(subject, predicate, `${day}T00:00:00`, ns('xsd', 'dateTime'));
  }

  /** The IRI of an act, described with Dublin Core terms the first time it is met. */
  actIri(act: Act): string {
    const key = JSON.stringify([
      act.kind ?? '',
      String(act.number ?? ''),
      act.date ?? '',
      act.url ?? '',
      textsByLanguage(act.title, this.lang),
    ]);
    const known = this.acts.get(key);
    if (known) return known;
    const slug = [act.kind ?? 'act', act.date, act.number === undefined ? undefined : String(act.number)]
      .filter((s): s is string => s !== undefined && s !== '')
      .join('-')
      .replace(/[^A-Za-z0-9-]+/g, (s) => encodeURIComponent(s).replace(/%/g, '_'));
    let a = `${this.base}act/${slug}`;
    for (let n = 2; this.actIris.has(a); n++) a = `${this.base}act/${slug}-${n}`;
    this.acts.set(key, a);
    this.actIris.add(a);
    this.iri(a, RDF_TYPE, ns('dct', 'BibliographicResource'));
    if (act.kind) this.literal(a, ns('dct', 'type'), act.kind);
    if (act.number !== undefined) this.literal(a, ns('dct', 'identifier'), String(act.number));
    if (act.date && DAY.test(act.date)) this.literal(a, ns('dct', 'date'), act.date, ns('xsd', 'date'));
    this.texts(a, ns('dct', 'title'), act.title);
    if (act.url && /^https?:\/\/\S+$/i.test(act.url)) this.iri(a, ns('dct', 'source'), act.url);
    return a;
  }
}

/** The organisation: its names, date, source and act, its top units and every unit it has. */
function organisationTriples(s: Statements, model: OrgModel, order: readonly string[], date: string | undefined): void {
  const org = model.organization;
  const o = s.orgIri;
  s.iri(o, RDF_TYPE, ns('org', 'Organization'));
  s.iri(o, RDF_TYPE, ns('org', 'FormalOrganization'));
  s.literal(o, ns('org', 'identifier'), org.id);
  s.texts(o, ns('skos', 'prefLabel'), org.name);
  s.texts(o, ns('skos', 'altLabel'), org.short);
  s.texts(o, ns('dct', 'description'), org.description);
  if (date) s.literal(o, ns('dct', 'date'), date, ns('xsd', 'date'));
  s.source(o, org.source);
  if (org.basis) s.iri(o, prov('wasInfluencedBy'), s.actIri(org.basis));
  for (const id of model.roots) s.iri(o, ns('org', 'hasSubOrganization'), s.unitIri(id));
  for (const id of order) s.iri(o, ns('org', 'hasUnit'), s.unitIri(id));
}

/** The three SKOS schemes (kinds, functions, function types) and the concepts of kinds and types. */
function schemeTriples(s: Statements, model: OrgModel): void {
  const org = model.organization;
  for (const [scheme, label] of [
    [s.kindScheme, { en: 'Kinds of units', ru: 'Виды подразделений' }],
    [s.functionScheme, { en: 'Functions', ru: 'Функции' }],
    [s.typeScheme, { en: 'Types of functions', ru: 'Типы функций' }],
  ] as const) {
    s.iri(scheme, RDF_TYPE, ns('skos', 'ConceptScheme'));
    s.texts(scheme, ns('skos', 'prefLabel'), label);
  }
  for (const kind of org.kinds) {
    const k = `${s.local.kind}${kind.id}`;
    s.iri(k, RDF_TYPE, ns('skos', 'Concept'));
    s.iri(k, ns('skos', 'inScheme'), s.kindScheme);
    s.literal(k, ns('skos', 'notation'), kind.id);
    s.texts(k, ns('skos', 'prefLabel'), kind.name);
  }
  for (const type of org.functionTypes ?? []) {
    const t = `${s.local.ftype}${type.id}`;
    s.iri(t, RDF_TYPE, ns('skos', 'Concept'));
    s.iri(t, ns('skos', 'inScheme'), s.typeScheme);
    s.literal(t, ns('skos', 'notation'), type.id);
    s.texts(t, ns('skos', 'prefLabel'), type.name);
    s.texts(t, ns('skos', 'definition'), type.description);
  }
}

/** One unit: names, kind, place in the tree, functions, headcount and posts, its changes and lifetime. */
function unitTriples(s: Statements, model: OrgModel, id: string): void {
  const { unit } = model.units.get(id)!;
  const { local } = s;
  const u = s.unitIri(id);
  s.iri(u, RDF_TYPE, ns('org', 'OrganizationalUnit'));
  s.literal(u, ns('org', 'identifier'), id);
  s.texts(u, ns('skos', 'prefLabel'), unit.name);
  s.texts(u, ns('skos', 'altLabel'), unit.short);
  s.texts(u, ns('dct', 'description'), unit.description);
  if (unit.kind) s.iri(u, ns('org', 'classification'), `${local.kind}${unit.kind}`);
  s.iri(u, ns('org', 'unitOf'), s.orgIri);
  const parent =
    unit.parent !== undefined && model.units.has(unit.parent)
      ? s.unitIri(unit.parent)
      : unit.parent === undefined
        ? s.orgIri
        : undefined;
  if (parent) s.iri(u, ns('org', 'subOrganizationOf'), parent);
  for (const child of model.children.get(id) ?? []) s.iri(u, ns('org', 'hasSubOrganization'), s.unitIri(child));
  // org:purpose is what the unit is for: every function it takes part in, whatever its role.
  for (const fn of Object.keys(unit.functions ?? {})) s.iri(u, ns('org', 'purpose'), `${local.function}${fn}`);
  // An unknown headcount (no positions listed) is no triple at all, not a zero.
  const people = knownHeadcount(unit);
  if (people !== null) s.literal(u, ns('orgcode', 'headcount'), String(people), ns('xsd', 'integer'));
  // The ontology has no notion of staff versus line units nor of sibling order: two of our own.
  if (isStaff(model, id)) s.literal(u, ns('orgcode', 'staffUnit'), 'true', ns('xsd', 'boolean'));
  if (typeof unit.order === 'number' && Number.isFinite(unit.order))
    s.literal(
      u,
      ns('orgcode', 'order'),
      String(unit.order),
      ns('xsd', Number.isInteger(unit.order) ? 'integer' : 'double'),
    );
  (unit.positions ?? []).forEach((position, i) => {
    const p = `${local.post}${id}-${i + 1}`;
    s.iri(u, ns('org', 'hasPost'), p);
    s.iri(p, RDF_TYPE, ns('org', 'Post'));
    s.texts(p, ns('skos', 'prefLabel'), position.title);
    s.iri(p, ns('org', 'postIn'), u);
    s.literal(p, ns('orgcode', 'positionCount'), String(position.count), ns('xsd', 'integer'));
  });
  if ((unit.replaces ?? []).length > 0 || unit.from !== undefined || unit.basis !== undefined)
    s.iri(u, ns('org', 'resultedFrom'), `${local.change}${id}`);
  if (unit.until !== undefined) s.iri(u, ns('org', 'changedBy'), `${local.change}${id}-abolition`);
  // The unit's lifetime as a PROV entity: from its creation to its abolition.
  s.time(u, prov('generatedAtTime'), unit.from);
  s.time(u, prov('invalidatedAtTime'), unit.until);
  s.source(u, unit.source);
}

/** Every function, with a file or only named by units, as a concept of the functions scheme. */
function functionTriples(s: Statements, model: OrgModel): void {
  const fnIds = [...new Set([...model.functions.keys(), ...model.assignments.keys()])].sort();
  for (const id of fnIds) {
    const f = `${s.local.function}${id}`;
    const entry = model.functions.get(id)?.fn;
    s.iri(f, RDF_TYPE, ns('skos', 'Concept'));
    s.iri(f, ns('skos', 'inScheme'), s.functionScheme);
    s.literal(f, ns('skos', 'notation'), id);
    if (entry) {
      s.texts(f, ns('skos', 'prefLabel'), entry.name);
      s.texts(f, ns('skos', 'definition'), entry.description);
      if (entry.type) s.iri(f, ns('dct', 'type'), `${s.local.ftype}${entry.type}`);
      s.time(f, prov('generatedAtTime'), entry.from);
      s.time(f, prov('invalidatedAtTime'), entry.until);
      s.source(f, entry.source);
    }
  }
}

/**
 * The events that made a unit (a creation, or the merger, split or new id of `replaces`) and
 * that abolished it. The act behind a creation starts it (its date) and was used by it; the day
 * it takes effect ends it.
 */
function changeTriples(s: Statements, model: OrgModel, id: string, date: string | undefined): void {
  const { unit } = model.units.get(id)!;
  const replaces = unit.replaces ?? [];
  if (replaces.length > 0 || unit.from !== undefined || unit.basis !== undefined) {
    const c = `${s.local.change}${id}`;
    s.iri(c, RDF_TYPE, ns('org', 'ChangeEvent'));
    for (const old of replaces) s.iri(c, ns('org', 'originalOrganization'), s.unitIri(old));
    s.iri(c, ns('org', 'resultingOrganization'), s.unitIri(id));
    if (date && replaces.length > 0) s.literal(c, ns('dct', 'date'), date, ns('xsd', 'date'));
    if (unit.basis) {
      s.iri(c, prov('used'), s.actIri(unit.basis));
      s.time(c, prov('startedAtTime'), unit.basis.date);
    }
    s.time(c, prov('endedAtTime'), unit.from);
    for (const old of replaces) s.iri(s.unitIri(old), ns('org', 'changedBy'), c);
  }
  if (unit.until !== undefined) {
    const c = `${s.local.change}${id}-abolition`;
    s.iri(c, RDF_TYPE, ns('org', 'ChangeEvent'));
    s.iri(c, ns('org', 'originalOrganization'), s.unitIri(id));
    s.time(c, prov('endedAtTime'), unit.until);
  }
}

// ---------------------------------------------------------------------------------------------
// Writers

/** Turtle 1.1 PN_LOCAL, restricted to what our ids and names produce. */
const PN_LOCAL = /^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/;

/** Percent-encodes the characters an IRIREF may not contain. */
export function safeIri(iri: string): string {
  return iri.replace(/[\u0000-\u0020<>"{}|^`\\\u007f]/g, (c) =>
    [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** A string as a Turtle (and N-Triples) quoted literal body. */
export function escapeLiteral(value: string): string {
  return value.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '"') return '\\"';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/** A compact name (`org:Post`) for an IRI under one of the prefixes, when Turtle allows it. */
function compact(iri: string, prefixes: Record<string, string>): string | undefined {
  let best: string | undefined;
  for (const [prefix, namespace] of Object.entries(prefixes)) {
    if (!iri.startsWith(namespace)) continue;
    const rest = iri.slice(namespace.length);
    if (!PN_LOCAL.test(rest)) continue;
    const candidate = `${prefix}:${rest}`;
    if (best === undefined || candidate.length < best.length) best = candidate;
  }
  return best;
}

function allPrefixes(base: string, triples: readonly Triple[]): Record<string, string> {
  const optional: Record<string, string> = { ...OPTIONAL_NAMESPACES, act: `${base}act/` };
  const used = (namespace: string): boolean =>
    triples.some(
      (t) =>
        t.subject.startsWith(namespace) ||
        t.predicate.startsWith(namespace) ||
        ('iri' in t.object && t.object.iri.startsWith(namespace)),
    );
  const extra = Object.fromEntries(Object.entries(optional).filter(([, namespace]) => used(namespace)));
  return { ...NAMESPACES, ...localNamespaces(base), ...extra };
}

function groupBySubject(triples: readonly Triple[]): Map<string, Triple[]> {
  const subjects = new Map<string, Triple[]>();
  for (const t of triples) {
    const list = subjects.get(t.subject);
    if (list) list.push(t);
    else subjects.set(t.subject, [t]);
  }
  return subjects;
}

export function renderTurtle(model: OrgModel, options: RdfOptions = {}): string {
  const base = options.base ?? defaultBase(model);
  const triples = buildTriples(model, options);
  const prefixes = allPrefixes(base, triples);
  const name = (iri: string): string => compact(iri, prefixes) ?? `<${safeIri(iri)}>`;
  const term = (o: Term): string => {
    if ('iri' in o) return name(o.iri);
    if (o.datatype === `${NAMESPACES.xsd}integer` && /^-?\d+$/.test(o.value)) return o.value;
    const body = `"${escapeLiteral(o.value)}"`;
    return o.lang ? `${body}@${o.lang}` : o.datatype ? `${body}^^${name(o.datatype)}` : body;
  };
  const lines = Object.entries(prefixes).map(([p, n]) => `@prefix ${p}: <${safeIri(n)}> .`);
  for (const [subject, list] of groupBySubject(triples)) {
    const byPredicate = new Map<string, string[]>();
    for (const t of list) {
      const p = t.predicate === RDF_TYPE ? 'a' : name(t.predicate);
      const objects = byPredicate.get(p);
      if (objects) objects.push(term(t.object));
      else byPredicate.set(p, [term(t.object)]);
    }
    // A long list of objects gets a line each, so a diff of two exports shows one unit per line.
    const parts = [...byPredicate].map(([p, objects]) => {
      const inline = `${p} ${objects.join(', ')}`;
      return inline.length <= 100 || objects.length === 1 ? inline : `${p}\n        ${objects.join(',\n        ')}`;
    });
    lines.push('', `${name(subject)}\n    ${parts.join(' ;\n    ')} .`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderJsonLd(model: OrgModel, options: RdfOptions = {}): string {
  const base = options.base ?? defaultBase(model);
  const triples = buildTriples(model, options);
  const prefixes = allPrefixes(base, triples);
  const name = (iri: string): string => compact(iri, prefixes) ?? iri;
  const graph = [...groupBySubject(triples)].map(([subject, list]) => {
    const node: Record<string, unknown> = { '@id': name(subject) };
    const types = list.filter((t) => t.predicate === RDF_TYPE).map((t) => name((t.object as { iri: string }).iri));
    if (types.length > 0) node['@type'] = types;
    for (const t of list) {
      if (t.predicate === RDF_TYPE) continue;
      const o = t.object;
      const value =
        'iri' in o
          ? { '@id': name(o.iri) }
          : o.lang
            ? { '@value': o.value, '@language': o.lang }
            : o.datatype
              ? { '@value': o.value, '@type': name(o.datatype) }
              : { '@value': o.value };
      const key = name(t.predicate);
      // Appended in place: the organisation has one object per unit, and copying would be quadratic.
      const values = node[key] as unknown[] | undefined;
      if (values) values.push(value);
      else node[key] = [value];
    }
    return node;
  });
  return `${JSON.stringify({ '@context': prefixes, '@graph': graph }, null, 2)}\n`;
}
