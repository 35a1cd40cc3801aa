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
  const local = localNamespaces(base);
  const lang = model.defaultLanguage;
  const out: Triple[] = [];
  const iri = (subject: string, predicate: string, object: string): void =>
    void out.push({ subject, predicate, object: { iri: object } });
  const literal = (subject: string, predicate: string, value: string, datatype?: string): void =>
    void out.push({ subject, predicate, object: datatype ? { value, datatype } : { value } });
  const texts = (subject: string, predicate: string, text: Text | undefined): void => {
    for (const [tag, value] of Object.entries(textsByLanguage(text, lang))) {
      out.push({ subject, predicate, object: LANGUAGE_TAG.test(tag) ? { value, lang: tag } : { value } });
    }
  };
  const source = (subject: string, s: Source | undefined): void => {
    const url = typeof s === 'object' ? s.url : typeof s === 'string' && /^https?:\/\/\S+$/.test(s) ? s : undefined;
    if (url && /^[a-z][a-z0-9+.-]*:/i.test(url)) iri(subject, ns('dct', 'source'), url);
  };

  const prov = (local: string): string => `${OPTIONAL_NAMESPACES.prov}${local}`;
  // PROV times are xsd:dateTime; a day of validity is the start of that day, in no time zone.
  const time = (subject: string, predicate: string, day: string | undefined): void => {
    if (day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day))
      literal(subject, predicate, `${day}T00:00:00`, ns('xsd', 'dateTime'));
  };
  // Each act once, under act/, described with Dublin Core terms.
  const acts = new Map<string, string>();
  const actIri = (act: Act): string => {
    const key = JSON.stringify([
      act.kind ?? '',
      String(act.number ?? ''),
      act.date ?? '',
      act.url ?? '',
      textsByLanguage(act.title, lang),
    ]);
    const known = acts.get(key);
    if (known) return known;
    const slug = [act.kind ?? 'act', act.date, act.number === undefined ? undefined : String(act.number)]
      .filter((s): s is string => s !== undefined && s !== '')
      .join('-')
      .replace(/[^A-Za-z0-9-]+/g, (s) => encodeURIComponent(s).replace(/%/g, '_'));
    let a = `${base}act/${slug}`;
    for (let n = 2; [...acts.values()].includes(a); n++) a = `${base}act/${slug}-${n}`;
    acts.set(key, a);
    iri(a, RDF_TYPE, ns('dct', 'BibliographicResource'));
    if (act.kind) literal(a, ns('dct', 'type'), act.kind);
    if (act.number !== undefined) literal(a, ns('dct', 'identifier'), String(act.number));
    if (act.date && /^\d{4}-\d{2}-\d{2}$/.test(act.date)) literal(a, ns('dct', 'date'), act.date, ns('xsd', 'date'));
    texts(a, ns('dct', 'title'), act.title);
    if (act.url && /^https?:\/\/\S+$/i.test(act.url)) iri(a, ns('dct', 'source'), act.url);
    return a;
  };

  const org = model.organization;
  const orgIri = `${base}organization`;
  const unitIri = (id: string): string => `${local.unit}${id}`;
  const kindScheme = `${base}kinds`;
  const functionScheme = `${base}functions`;
  const typeScheme = `${base}function-types`;
  const order = unitOrder(model);
  const date = org.date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(org.date) ? org.date : undefined;

  iri(orgIri, RDF_TYPE, ns('org', 'Organization'));
  iri(orgIri, RDF_TYPE, ns('org', 'FormalOrganization'));
  literal(orgIri, ns('org', 'identifier'), org.id);
  texts(orgIri, ns('skos', 'prefLabel'), org.name);
  texts(orgIri, ns('skos', 'altLabel'), org.short);
  texts(orgIri, ns('dct', 'description'), org.description);
  if (date) literal(orgIri, ns('dct', 'date'), date, ns('xsd', 'date'));
  source(orgIri, org.source);
  if (org.basis) iri(orgIri, prov('wasInfluencedBy'), actIri(org.basis));
  for (const id of model.roots) iri(orgIri, ns('org', 'hasSubOrganization'), unitIri(id));
  for (const id of order) iri(orgIri, ns('org', 'hasUnit'), unitIri(id));

  for (const [scheme, label] of [
    [kindScheme, { en: 'Kinds of units', ru: 'Виды подразделений' }],
    [functionScheme, { en: 'Functions', ru: 'Функции' }],
    [typeScheme, { en: 'Types of functions', ru: 'Типы функций' }],
  ] as const) {
    iri(scheme, RDF_TYPE, ns('skos', 'ConceptScheme'));
    texts(scheme, ns('skos', 'prefLabel'), label);
  }
  for (const kind of org.kinds) {
    const k = `${local.kind}${kind.id}`;
    iri(k, RDF_TYPE, ns('skos', 'Concept'));
    iri(k, ns('skos', 'inScheme'), kindScheme);
    literal(k, ns('skos', 'notation'), kind.id);
    texts(k, ns('skos', 'prefLabel'), kind.name);
  }
  for (const type of org.functionTypes ?? []) {
    const t = `${local.ftype}${type.id}`;
    iri(t, RDF_TYPE, ns('skos', 'Concept'));
    iri(t, ns('skos', 'inScheme'), typeScheme);
    literal(t, ns('skos', 'notation'), type.id);
    texts(t, ns('skos', 'prefLabel'), type.name);
    texts(t, ns('skos', 'definition'), type.description);
  }

  for (const id of order) {
    const { unit } = model.units.get(id)!;
    const u = unitIri(id);
    iri(u, RDF_TYPE, ns('org', 'OrganizationalUnit'));
    literal(u, ns('org', 'identifier'), id);
    texts(u, ns('skos', 'prefLabel'), unit.name);
    texts(u, ns('skos', 'altLabel'), unit.short);
    texts(u, ns('dct', 'description'), unit.description);
    if (unit.kind) iri(u, ns('org', 'classification'), `${local.kind}${unit.kind}`);
    iri(u, ns('org', 'unitOf'), orgIri);
    const parent =
      unit.parent !== undefined && model.units.has(unit.parent)
        ? unitIri(unit.parent)
        : unit.parent === undefined
          ? orgIri
          : undefined;
    if (parent) iri(u, ns('org', 'subOrganizationOf'), parent);
    for (const child of model.children.get(id) ?? []) iri(u, ns('org', 'hasSubOrganization'), unitIri(child));
    // org:purpose is what the unit is for: every function it takes part in, whatever its role.
    for (const fn of Object.keys(unit.functions ?? {})) iri(u, ns('org', 'purpose'), `${local.function}${fn}`);
    // An unknown headcount (no positions listed) is no triple at all, not a zero.
    const people = knownHeadcount(unit);
    if (people !== null) literal(u, ns('orgcode', 'headcount'), String(people), ns('xsd', 'integer'));
    // The ontology has no notion of staff versus line units nor of sibling order: two of our own.
    if (isStaff(model, id)) literal(u, ns('orgcode', 'staffUnit'), 'true', ns('xsd', 'boolean'));
    if (typeof unit.order === 'number' && Number.isFinite(unit.order))
      literal(
        u,
        ns('orgcode', 'order'),
        String(unit.order),
        ns('xsd', Number.isInteger(unit.order) ? 'integer' : 'double'),
      );
    (unit.positions ?? []).forEach((position, i) => {
      const p = `${local.post}${id}-${i + 1}`;
      iri(u, ns('org', 'hasPost'), p);
      iri(p, RDF_TYPE, ns('org', 'Post'));
      texts(p, ns('skos', 'prefLabel'), position.title);
      iri(p, ns('org', 'postIn'), u);
      literal(p, ns('orgcode', 'positionCount'), String(position.count), ns('xsd', 'integer'));
    });
    if ((unit.replaces ?? []).length > 0 || unit.from !== undefined || unit.basis !== undefined)
      iri(u, ns('org', 'resultedFrom'), `${local.change}${id}`);
    if (unit.until !== undefined) iri(u, ns('org', 'changedBy'), `${local.change}${id}-abolition`);
    // The unit's lifetime as a PROV entity: from its creation to its abolition.
    time(u, prov('generatedAtTime'), unit.from);
    time(u, prov('invalidatedAtTime'), unit.until);
    source(u, unit.source);
  }

  const fnIds = [...new Set([...model.functions.keys(), ...model.assignments.keys()])].sort();
  for (const id of fnIds) {
    const f = `${local.function}${id}`;
    const entry = model.functions.get(id)?.fn;
    iri(f, RDF_TYPE, ns('skos', 'Concept'));
    iri(f, ns('skos', 'inScheme'), functionScheme);
    literal(f, ns('skos', 'notation'), id);
    if (entry) {
      texts(f, ns('skos', 'prefLabel'), entry.name);
      texts(f, ns('skos', 'definition'), entry.description);
      if (entry.type) iri(f, ns('dct', 'type'), `${local.ftype}${entry.type}`);
      time(f, prov('generatedAtTime'), entry.from);
      time(f, prov('invalidatedAtTime'), entry.until);
      source(f, entry.source);
    }
  }

  // The events that made units (a creation, or the merger, split or new id of `replaces`) and
  // that abolished them. The act behind a creation starts it (its date) and was used by it; the
  // day it takes effect ends it.
  for (const id of order) {
    const { unit } = model.units.get(id)!;
    const replaces = unit.replaces ?? [];
    if (replaces.length > 0 || unit.from !== undefined || unit.basis !== undefined) {
      const c = `${local.change}${id}`;
      iri(c, RDF_TYPE, ns('org', 'ChangeEvent'));
      for (const old of replaces) iri(c, ns('org', 'originalOrganization'), unitIri(old));
      iri(c, ns('org', 'resultingOrganization'), unitIri(id));
      if (date && replaces.length > 0) literal(c, ns('dct', 'date'), date, ns('xsd', 'date'));
      if (unit.basis) {
        iri(c, prov('used'), actIri(unit.basis));
        time(c, prov('startedAtTime'), unit.basis.date);
      }
      time(c, prov('endedAtTime'), unit.from);
      for (const old of replaces) iri(unitIri(old), ns('org', 'changedBy'), c);
    }
    if (unit.until !== undefined) {
      const c = `${local.change}${id}-abolition`;
      iri(c, RDF_TYPE, ns('org', 'ChangeEvent'));
      iri(c, ns('org', 'originalOrganization'), unitIri(id));
      time(c, prov('endedAtTime'), unit.until);
    }
  }
  return out;
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
