/**
 * Rule options are JSON Schemas (`meta.schema`), compiled into validators at build time: the
 * compiled code must be of the schemas the rules declare now, and every default must pass it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { ruleOptionValidators } from '../../src/schema/generated/rule-options.js';
import { ROOT } from '../helpers/cli.js';

describe('rule options', () => {
  const generated = readFileSync(join(ROOT, 'src/schema/generated/rule-options.js'), 'utf8');

  it('have a compiled validator exactly for the rules that declare a schema', () => {
    expect(Object.keys(ruleOptionValidators).sort()).toEqual(rules.filter((r) => r.meta.schema).map((r) => r.id));
  });

  it('are compiled from the schemas the rules declare now (else run node scripts/build.mjs)', () => {
    for (const rule of rules.filter((r) => r.meta.schema)) {
      const schema = { $id: `https://orgcode.dev/rule-options/${rule.id}`, ...rule.meta.schema };
      expect(generated, rule.id).toContain(JSON.stringify(schema));
    }
  });

  it('accept every rule’s defaults and refuse what the schema forbids', () => {
    for (const rule of rules.filter((r) => r.meta.schema)) {
      const validate = ruleOptionValidators[rule.id]!;
      expect(validate(rule.defaultOptions ?? {}), rule.id).toBe(true);
      expect(validate({ 'no-such-option': 1 }), rule.id).toBe(false);
    }
  });

  it('are not compiled at run time: the rules reach no ajv', () => {
    expect(generated).not.toMatch(/from ['"]ajv/);
    expect(readFileSync(join(ROOT, 'src/rules/config.ts'), 'utf8')).not.toMatch(/^import (?!type).*['"]ajv/m);
  });
});
