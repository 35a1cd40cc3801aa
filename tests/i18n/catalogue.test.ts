/**
 * The two message catalogues stay in step: every English key (the tool's own messages and every
 * rule's templates) has a Russian translation with the same placeholders, and the language is
 * chosen by --lang or the locale environment.
 */
import { describe, expect, it } from 'vitest';
import { englishCatalogue, fill } from '../../src/i18n/format.js';
import { ru } from '../../src/i18n/ru.js';
import { runCli } from '../helpers/cli.js';
import { writeStructure } from '../helpers/structure.js';

const placeholders = (template: string): string[] =>
  [...new Set([...template.matchAll(/\{\{(\w+)(?:\|[^}]*)?\}\}/g)].map((m) => m[1]!))].sort();

describe('message catalogues', () => {
  const en = englishCatalogue();

  it('have exactly the same keys', () => {
    const missing = Object.keys(en).filter((k) => !(k in ru));
    const extra = Object.keys(ru).filter((k) => !(k in en));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('use the same placeholders in each message', () => {
    const mismatched = Object.keys(en)
      .filter((k) => k in ru && placeholders(en[k]!).join() !== placeholders(ru[k]!).join())
      .map((k) => `${k}: en {${placeholders(en[k]!).join(', ')}} ru {${placeholders(ru[k]!).join(', ')}}`);
    expect(mismatched).toEqual([]);
  });

  it('give every Russian plural all three forms', () => {
    const incomplete = Object.entries(ru).filter(([, text]) =>
      [...text.matchAll(/\{\{\w+((?:\|[^|}]*)*)\}\}/g)].some((m) => m[1] && m[1].split('|').length !== 4),
    );
    expect(incomplete).toEqual([]);
  });

  it('translate rather than copy', () => {
    // Messages made of symbols only (a dash for "none") read the same in both languages.
    const untranslated = Object.keys(en).filter((k) => ru[k] === en[k] && /\p{L}/u.test(en[k]!));
    expect(untranslated).toEqual([]);
  });

  it('choose Russian plural forms by number', () => {
    const forms = [1, 2, 5, 11, 21, 22].map((n) => fill(ru['count-errors']!, { count: n }, 'ru'));
    expect(forms).toEqual(['1 ошибка', '2 ошибки', '5 ошибок', '11 ошибок', '21 ошибка', '22 ошибки']);
  });
});

describe('language of messages', () => {
  // A unit with an unknown kind and a missing parent: two errors with messages from the catalogue.
  const dir = writeStructure({ 'units/a.yaml': { id: 'a', kind: 'offise', name: 'A', parent: 'nowhere' } });

  it('is Russian with --lang ru', async () => {
    const r = await runCli(['validate', dir, '--lang', 'ru']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Вид подразделения «offise» не объявлен в organization.yaml');
    expect(r.stdout).toContain('✖ 4 замечания (3 ошибки, 1 предупреждение) в 1 подразделении и 0 функциях.');
  });

  it('is Russian when the locale is Russian', async () => {
    const r = await runCli(['validate', dir], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(r.stdout).toContain('Вышестоящее подразделение «nowhere» в этой структуре отсутствует');
  });

  it('is English with --lang en, whatever the locale', async () => {
    const r = await runCli(['--lang', 'en', 'validate', dir], { env: { LANG: 'ru_RU.UTF-8', LC_ALL: 'ru_RU.UTF-8' } });
    expect(r.stdout).toContain('Kind "offise" is not declared in organization.yaml');
    expect(r.stdout).not.toMatch(/[а-я]/i);
  });

  it('is Russian for errors that stop a command', async () => {
    const r = await runCli(['validate', '/nonexistent-org-dir', '--lang', 'ru']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('org: Каталог не найден: /nonexistent-org-dir\n');
  });
});
