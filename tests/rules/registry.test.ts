/** The rule registry, the configuration schema and the rule pages list the same rules. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { ROOT } from '../helpers/cli.js';

describe('rule registry', () => {
  const ids = rules.map((r) => r.id);

  it('is alphabetical', () => {
    expect(ids).toEqual([...ids].sort());
  });

  it('matches the rule ids organization.schema.json accepts', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/organization.schema.json'), 'utf8'));
    expect(schema.properties.rules.propertyNames.enum).toEqual(ids);
  });

  it('has a page with a failing and a passing example for every rule', () => {
    for (const id of ids) {
      const page = join(ROOT, 'docs/rules', `${id}.md`);
      expect(existsSync(page), page).toBe(true);
      const text = readFileSync(page, 'utf8');
      expect(text).toMatch(new RegExp(`^# ${id}`));
      expect((text.match(/```yaml/g) ?? []).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('has a test file of its own for every rule', () => {
    const missing = ids.filter((id) => !existsSync(join(ROOT, 'tests/rules', `${id}.test.ts`)));
    expect(missing).toEqual([]);
  });

  it('declares a description, a default severity and message templates for every rule', () => {
    for (const rule of rules) {
      expect(rule.meta.description.length).toBeGreaterThan(10);
      expect(['error', 'warn', 'info']).toContain(rule.meta.defaultSeverity);
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    }
  });
});
