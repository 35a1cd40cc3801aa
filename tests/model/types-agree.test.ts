/**
 * The JSON Schemas are the source of truth for the file format; src/model/types.ts restates them
 * for TypeScript. This test reads both (the interfaces through the TypeScript compiler) and fails
 * when a property is added, removed or changes optionality on one side only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

type SchemaObject = {
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  $defs?: Record<string, SchemaObject>;
};

function interfaceMembers(): Map<string, Map<string, boolean>> {
  const file = join(ROOT, 'src/model/types.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out = new Map<string, Map<string, boolean>>();
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node)) return;
    const members = new Map<string, boolean>();
    for (const m of node.members)
      if (ts.isPropertySignature(m) && m.name && ts.isIdentifier(m.name))
        members.set(m.name.text, m.questionToken === undefined);
    out.set(node.name.text, members);
  });
  return out;
}

function schemaMembers(schema: SchemaObject): Map<string, boolean> {
  const required = new Set(schema.required ?? []);
  return new Map(Object.keys(schema.properties ?? {}).map((k) => [k, required.has(k)]));
}

const load = (name: string): SchemaObject =>
  JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8'));

describe('TypeScript types agree with the JSON Schemas', () => {
  const types = interfaceMembers();
  const organization = load('organization');
  const unit = load('unit');
  const pairs: Array<[string, SchemaObject]> = [
    ['Organization', organization],
    ['Kind', organization.properties!.kinds!.items!],
    ['Role', organization.properties!.roles!.items!],
    ['FunctionType', organization.properties!.functionTypes!.items!],
    ['Unit', unit],
    ['Position', unit.properties!.positions!.items!],
    ['OrgFunction', load('function')],
    ['Act', unit.$defs!.act!],
  ];
  for (const [name, schema] of pairs) {
    it(name, () => {
      const members = types.get(name);
      // Every schema that has an act describes it the same way.
      if (name === 'Act') expect(organization.$defs!.act).toEqual(schema);
      expect(members, `interface ${name} not found`).toBeDefined();
      expect(Object.fromEntries([...members!].sort())).toEqual(Object.fromEntries([...schemaMembers(schema)].sort()));
    });
  }
});
