/**
 * Validates parsed files against the JSON Schemas (precompiled at build time by
 * scripts/build.mjs) and turns ajv's errors into findings of the `schema` rule that point into
 * the document: the key for an unknown property, the map for a missing one, the value otherwise.
 * Alternatives (`oneOf`) are reduced to the branch the value was evidently meant for, so a user
 * sees "must be a non-empty string", not three errors about branches they never wrote.
 */
import type { ErrorObject } from 'ajv';
import type { Finding, YamlPath } from '../model/finding.js';
import { functionValidator, organizationValidator, unitValidator, type Validator } from './generated/validators.js';

export type FileKind = 'organization' | 'unit' | 'function';

const validators: Record<FileKind, Validator> = {
  organization: organizationValidator,
  unit: unitValidator,
  function: functionValidator,
};

/** JSON Pointer → path segments (array indexes as numbers). */
export function pointerToPath(pointer: string, value: unknown): (string | number)[] {
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

function describeType(schemaPath: string): string {
  if (schemaPath.includes('/text/')) return 'text';
  if (schemaPath.includes('/source/')) return 'source';
  return 'alternatives';
}

/** Validates one file's value; returns `schema` findings. */
export function validateValue(kind: FileKind, value: unknown, file: string): Finding[] {
  const validate = validators[kind];
  if (validate(value)) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const e of reduceAlternatives(validate.errors ?? [])) {
    let path: YamlPath = pointerToPath(e.instancePath, value);
    let target: 'key' | 'value' = 'value';
    let messageId: string;
    let data: Record<string, string | number> = {};
    switch (e.keyword) {
      case 'additionalProperties':
        path = [...path, String(e.params.additionalProperty)];
        target = 'key';
        messageId = 'unknown-property';
        data = { property: String(e.params.additionalProperty) };
        break;
      case 'required':
        messageId = 'missing-property';
        data = { property: String(e.params.missingProperty) };
        break;
      case 'propertyNames':
        continue; // the specific pattern/enum error below says it better
      case 'type':
        messageId = 'type';
        data = { expected: String(e.params.type) };
        break;
      case 'pattern':
        // Language tags and ids are named for what they are; every message gets all its data.
        if (e.propertyName !== undefined) {
          path = [...path, e.propertyName];
          target = 'key';
          messageId = e.schemaPath.includes('/text/')
            ? 'language-code'
            : e.schemaPath.includes('/id/')
              ? 'id-pattern'
              : 'pattern';
          data = { value: e.propertyName, pattern: String(e.params.pattern) };
        } else {
          messageId = e.schemaPath.includes('/id/')
            ? 'id-pattern'
            : e.schemaPath.includes('/languages/')
              ? 'language-code'
              : 'pattern';
          data = { value: String(valueAt(value, path)), pattern: String(e.params.pattern) };
        }
        break;
      case 'enum':
        if (e.propertyName !== undefined) {
          path = [...path, e.propertyName];
          target = 'key';
          data = { value: e.propertyName, allowed: (e.params.allowedValues as unknown[]).join(', ') };
        } else
          data = { value: String(valueAt(value, path)), allowed: (e.params.allowedValues as unknown[]).join(', ') };
        messageId = 'enum';
        break;
      case 'oneOf':
        messageId = `one-of-${describeType(`${e.schemaPath}/`)}`;
        break;
      case 'minLength':
        messageId = e.params.limit === 1 ? 'empty' : 'constraint';
        data = { message: e.message ?? '' };
        break;
      case 'uniqueItems':
        messageId = 'unique-items';
        data = { first: Number(e.params.j), second: Number(e.params.i) };
        path = [...path, Number(e.params.i)];
        break;
      default:
        messageId = 'constraint';
        data = { message: e.message ?? e.keyword };
    }
    const finding: Finding = { rule: 'schema', messageId, data, file, path, target };
    const key = JSON.stringify([path, target, messageId, data]);
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

function valueAt(value: unknown, path: YamlPath): unknown {
  let node = value;
  for (const seg of path)
    node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg] : undefined;
  return node;
}
