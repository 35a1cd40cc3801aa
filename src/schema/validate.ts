/**
 * Validates parsed files against the JSON Schemas (precompiled at build time by
 * scripts/build.mjs) and turns ajv's errors into findings of the `schema` rule that point into
 * the document: the key for an unknown property, the map for a missing one, the value otherwise.
 * Alternatives (`oneOf`) are reduced to the branch the value was evidently meant for, so a user
 * sees "must be a non-empty string", not three errors about branches they never wrote.
 */
import type { ErrorObject } from 'ajv';
import type { FileFinding, MessageData, YamlPath } from '../model/finding.js';
import { functionValidator, organizationValidator, unitValidator, type Validator } from './generated/validators.js';

export type FileKind = 'organization' | 'unit' | 'function';

const validators: Record<FileKind, Validator> = {
  organization: organizationValidator,
  unit: unitValidator,
  function: functionValidator,
};

/** JSON Pointer → path segments (array indexes as numbers). */
function pointerToPath(pointer: string, value: unknown): (string | number)[] {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let node: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(seg)) {
      out.push(Number(seg));
      node = node[Number(seg)];
    } else {
      out.push(seg);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

/** Drops errors from `oneOf` branches the value was not meant for. */
function reduceAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  for (let at = 0; at < errors.length; at++) {
    const one = errors[at]!;
    if (one.keyword !== 'oneOf') continue;
    const prefix = `${one.schemaPath}/`;
    // ajv reports a failed oneOf right after the errors of its branches, so they are the run just
    // before it — of this value only: items of an array share a schema path, and searching all
    // errors for each would make a file with thousands of bad items quadratic.
    const inside: ErrorObject[] = [];
    for (let i = at - 1; i >= 0; i--) {
      const e = errors[i]!;
      if (
        !e.schemaPath.startsWith(prefix) ||
        !(e.instancePath === one.instancePath || e.instancePath.startsWith(`${one.instancePath}/`))
      )
        break;
      inside.push(e);
    }
    inside.reverse();
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of inside) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      const list = byBranch.get(branch);
      if (list) list.push(e);
      else byBranch.set(branch, [e]);
    }
    const meant = [...byBranch.values()].filter(
      (list) => !list.some((e) => e.keyword === 'type' && e.instancePath === one.instancePath),
    );
    inside.forEach((e) => drop.add(e));
    if (meant.length === 1) {
      drop.add(one);
      meant[0]!.forEach((e) => drop.delete(e));
    }
  }
  return errors.filter((e) => !drop.has(e));
}

function describeType(schemaPath: string): 'text' | 'source' | 'alternatives' {
  if (schemaPath.includes('/text/')) return 'text';
  if (schemaPath.includes('/source/')) return 'source';
  return 'alternatives';
}

/** The data each `schema` message receives, by message id (src/rules/schema.ts holds the messages). */
export interface SchemaMessageData {
  'unknown-property': { property: string };
  'missing-property': { property: string };
  type: { expected: string };
  'id-pattern': { value: string; pattern: string };
  pattern: { value: string; pattern: string };
  'language-code': { value: string; pattern: string };
  enum: { value: string; allowed: string };
  'one-of-text': Record<never, never>;
  'one-of-source': Record<never, never>;
  'one-of-alternatives': Record<never, never>;
  empty: Record<never, never>;
  'unique-items': { first: number; second: number };
  minimum: { value: string; limit: number };
  maximum: { value: string; limit: number };
  'min-length': { limit: number };
  'max-length': { length: number; limit: number };
  'min-items': { limit: number };
  'max-items': { count: number; limit: number };
  constraint: { message: string };
}

type SchemaMessageId = keyof SchemaMessageData;

/** A message id with the data its template needs. */
const message = <K extends SchemaMessageId>(messageId: K, data: SchemaMessageData[K]) => ({ messageId, data });

/** Validates one file's value; returns `schema` findings (the loader adds the file). */
export function validateValue(kind: FileKind, value: unknown): FileFinding[] {
  const validate = validators[kind];
  if (validate(value)) return [];
  const findings: FileFinding[] = [];
  const seen = new Set<string>();
  for (const e of reduceAlternatives(validate.errors ?? [])) {
    let path: YamlPath = pointerToPath(e.instancePath, value);
    let target: 'key' | 'value' = 'value';
    let said: { messageId: SchemaMessageId; data: MessageData };
    switch (e.keyword) {
      case 'additionalProperties':
        path = [...path, String(e.params.additionalProperty)];
        target = 'key';
        said = message('unknown-property', { property: String(e.params.additionalProperty) });
        break;
      case 'required':
        said = message('missing-property', { property: String(e.params.missingProperty) });
        break;
      case 'propertyNames':
        continue; // the specific pattern/enum error below says it better
      case 'type':
        said = message('type', { expected: String(e.params.type) });
        break;
      case 'pattern': {
        // Language tags and ids are named for what they are; every message gets all its data.
        const pattern = String(e.params.pattern);
        if (e.propertyName !== undefined) {
          path = [...path, e.propertyName];
          target = 'key';
        }
        const data = { value: e.propertyName ?? String(valueAt(value, path)), pattern };
        const at = (part: string): boolean => e.schemaPath.includes(part);
        const which =
          e.propertyName !== undefined
            ? at('/text/')
              ? 'language-code'
              : at('/id/')
                ? 'id-pattern'
                : 'pattern'
            : at('/id/')
              ? 'id-pattern'
              : at('/languages/')
                ? 'language-code'
                : 'pattern';
        said = message(which, data);
        break;
      }
      case 'enum': {
        if (e.propertyName !== undefined) {
          path = [...path, e.propertyName];
          target = 'key';
        }
        const allowed = (e.params.allowedValues as unknown[]).join(', ');
        said = message('enum', { value: e.propertyName ?? String(valueAt(value, path)), allowed });
        break;
      }
      case 'oneOf':
        said = message(`one-of-${describeType(`${e.schemaPath}/`)}`, {});
        break;
      case 'minLength':
        said = e.params.limit === 1 ? message('empty', {}) : message('min-length', { limit: limitOf(e) });
        break;
      case 'minProperties':
        said = e.params.limit === 1 ? message('empty', {}) : message('constraint', { message: e.message ?? e.keyword });
        break;
      case 'maxLength':
        said = message('max-length', { length: [...String(valueAt(value, path))].length, limit: limitOf(e) });
        break;
      case 'minimum':
        said = message('minimum', { value: String(valueAt(value, path)), limit: limitOf(e) });
        break;
      case 'maximum':
        said = message('maximum', { value: String(valueAt(value, path)), limit: limitOf(e) });
        break;
      case 'minItems':
        said = e.params.limit === 1 ? message('empty', {}) : message('min-items', { limit: limitOf(e) });
        break;
      case 'maxItems': {
        const list = valueAt(value, path);
        said = message('max-items', { count: Array.isArray(list) ? list.length : 0, limit: limitOf(e) });
        break;
      }
      case 'uniqueItems':
        said = message('unique-items', { first: Number(e.params.j), second: Number(e.params.i) });
        path = [...path, Number(e.params.i)];
        break;
      default:
        said = message('constraint', { message: e.message ?? e.keyword });
    }
    const key = JSON.stringify([path, target, said.messageId, said.data]);
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ rule: 'schema', ...said, path, target });
  }
  return findings;
}

/** The bound an ajv limit keyword (minimum, maxLength, minItems, …) reports. */
function limitOf(e: ErrorObject): number {
  return Number(e.params.limit);
}

function valueAt(value: unknown, path: YamlPath): unknown {
  let node = value;
  for (const seg of path)
    node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg] : undefined;
  return node;
}
