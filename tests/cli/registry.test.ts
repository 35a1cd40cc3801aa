/**
 * Only the command that runs is loaded: the registry lists the same commands, in the same order,
 * as the full list, and the first look at the arguments picks the one named — or all of them
 * whenever the whole tree is needed (help, completion, a name that is no command).
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { commandEntries } from '../../src/cli/commands/registry.js';
import { commandsFor, peekArgs } from '../../src/cli/main.js';
import { runCli } from '../helpers/cli.js';

const names = (args: string[]): string[] => commandsFor(peekArgs(args)).map((c) => c.name);
const all = commandEntries.map((c) => c.name);

describe('the command registry', () => {
  it('has every command of the full list, in its order, each loading the module that adds it', async () => {
    const program = new Command('org');
    for (const register of commands) register(program, () => undefined);
    expect(all).toEqual(program.commands.map((c) => c.name()));
    const lazily = new Command('org');
    for (const entry of commandEntries) (await entry.load())(lazily, () => undefined);
    expect(lazily.commands.map((c) => c.name())).toEqual(all);
  });

  it('loads only the command named', () => {
    expect(names(['validate', 'structure'])).toEqual(['validate']);
    expect(names(['--lang', 'ru', 'render', 'chart', '-o', 'x.svg'])).toEqual(['render']);
    expect(names(['--lang=en', '--debug', 'diff', 'main'])).toEqual(['diff']);
  });

  it('loads them all for help, completion and an unknown name', () => {
    expect(names([])).toEqual(all);
    expect(names(['--help'])).toEqual(all);
    expect(names(['validate', '-h'])).toEqual(all);
    expect(names(['help', 'validate'])).toEqual(all);
    expect(names(['completion', 'bash'])).toEqual(all);
    expect(names(['valdate'])).toEqual(all);
    // `--lang` takes the next word: `validate` here is its value, not the command.
    expect(names(['--lang', 'validate'])).toEqual(all);
  });

  it('reads --lang in both spellings, wherever it stands', () => {
    expect(peekArgs(['validate', '--lang', 'ru']).lang).toBe('ru');
    expect(peekArgs(['--lang=en', 'validate']).lang).toBe('en');
    expect(peekArgs(['validate']).lang).toBeUndefined();
  });

  it('suggests the nearest command for a mistyped one, as before', async () => {
    const r = await runCli(['valdate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'valdate'");
    expect(r.stderr).toContain('validate');
  });

  it('takes --lang after the command from commander’s parse, for the action’s messages too', async () => {
    const r = await runCli(['validate', 'no-such-directory', '--lang', 'ru']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^org: [А-Яа-яЁё]/);
  });
});
