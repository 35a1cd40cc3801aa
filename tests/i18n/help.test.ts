/** Help, usage errors and commander's own messages in Russian with --lang ru or a Russian locale. */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { helpRu } from '../../src/i18n/help-ru.js';
import { runCli } from '../helpers/cli.js';

describe('Russian help', () => {
  it('has a translation for the description of every command, argument and option', () => {
    const program = new Command('org');
    for (const register of commands) register(program, () => undefined);
    const missing: string[] = [];
    const walk = (cmd: Command, path: string): void => {
      const texts = [
        cmd.description(),
        ...cmd.registeredArguments.map((a) => a.description),
        ...cmd.options.map((o) => o.description),
      ];
      for (const text of texts) if (text !== '' && helpRu[text] === undefined) missing.push(`${path}: ${text}`);
      for (const sub of cmd.commands) walk(sub, `${path} ${sub.name()}`);
    };
    walk(program, 'org');
    expect(missing).toEqual([]);
  });

  it('org --lang ru --help is in Russian, titles and defaults included', async () => {
    const r = await runCli(['--lang', 'ru', 'validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Использование: org validate/);
    expect(r.stdout).toContain('Параметры:');
    expect(r.stdout).toContain('Аргументы:');
    expect(r.stdout).toMatch(/\(по\s+умолчанию: "stylish"\)/);
    expect(r.stdout).toContain('показать справку по команде');
    expect(r.stdout).not.toMatch(/report errors only|Options:/);
  });

  it('translates the notes and example explanations of every command’s help', async () => {
    const program = new Command('org');
    for (const register of commands) register(program, () => undefined);
    const paths: string[][] = [];
    const walk = (cmd: Command, path: string[]): void => {
      for (const sub of cmd.commands) {
        paths.push([...path, sub.name()]);
        walk(sub, [...path, sub.name()]);
      }
    };
    walk(program, []);
    for (const path of paths) {
      const r = await runCli(['--lang', 'ru', ...path, '--help'], { columns: 200 });
      expect(r.stdout, path.join(' ')).not.toMatch(/Examples:|Exit codes|Without a path|what this branch does/);
    }
    expect((await runCli(['--lang', 'ru', 'validate', '--help'])).stdout).toContain(
      'проверить структуру, найденную отсюда',
    );
  });

  it('follows a Russian locale without --lang', async () => {
    const r = await runCli(['--help'], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(r.stdout).toContain('Команды:');
    expect(r.stdout).toContain('проверить структуру');
  });

  it('translates commander’s usage errors, with the exit code kept', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['validate', '--bogus'], /^ошибка: неизвестный параметр «--bogus»\n\(справка: «org validate --help»\)\n$/],
      [['show'], /^ошибка: не указан обязательный аргумент «unit»/],
      [['tree', 'a', 'b'], /^ошибка: слишком много аргументов для «tree»: ожидалось 1, получено 2\./],
      [['validate', '--format'], /^ошибка: у параметра «-f, --format <format>» нет значения/],
      [['nosuch'], /^ошибка: неизвестная команда «nosuch»/],
      [['validate', '--quite'], /\(Может быть, --quiet\?\)/],
    ];
    for (const [args, expected] of cases) {
      const r = await runCli(['--lang', 'ru', ...args]);
      expect(r.stderr, args.join(' ')).toMatch(expected);
      expect(r.code).toBe(2);
    }
  });

  it('leaves English as commander writes it', async () => {
    const r = await runCli(['validate', '--bogus']);
    expect(r.stderr).toBe("error: unknown option '--bogus'\n(run 'org validate --help' for usage)\n");
    expect((await runCli(['--help'])).stdout).toContain('Options:');
  });
});
