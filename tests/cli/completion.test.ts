/**
 * `org completion bash|zsh`: the scripts are valid shell, complete the real commands, options and
 * option values, and are generated from the program, so every command `org --help` lists is in them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const hasZsh = existsSync('/usr/bin/zsh') || existsSync('/bin/zsh');

async function script(shell: string): Promise<string> {
  const r = await runCli(['completion', shell]);
  expect(r.code).toBe(0);
  return r.stdout;
}

/** What bash offers after typing `words` (the last one is the word being completed). */
function bashComplete(file: string, words: string[]): string[] {
  const cwd = mkdtempSync(join(tmpdir(), 'org-complete-')); // empty: file names add nothing
  const quoted = words.map((w) => `'${w}'`).join(' ');
  const r = spawnSync(
    'bash',
    [
      '-c',
      `source '${file}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _org; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { cwd, encoding: 'utf8' },
  );
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean).sort();
}

/** Command names listed by `org [group] --help`. */
async function helpCommands(args: string[]): Promise<string[]> {
  const r = await runCli([...args, '--help']);
  const section = r.stdout.split('Commands:\n')[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((n) => n !== 'help');
}

describe('org completion bash', () => {
  it('is valid bash and completes commands, subcommands, options and their values', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'org-bash-')), 'org.bash');
    writeFileSync(file, await script('bash'));
    expect(spawnSync('bash', ['-n', file]).status).toBe(0);
    expect(bashComplete(file, ['org', 'ex'])).toEqual(['export']);
    expect(bashComplete(file, ['org', 'render', ''])).toEqual(['chart', 'diff', 'matrix']);
    expect(bashComplete(file, ['org', 'export', '--format', ''])).toEqual([
      'csv',
      'json',
      'jsonld',
      'mermaid',
      'ttl',
      'xlsx',
    ]);
    expect(bashComplete(file, ['org', 'validate', '-f', ''])).toEqual([
      'codequality',
      'github',
      'json',
      'junit',
      'sarif',
      'stylish',
    ]);
    expect(bashComplete(file, ['org', '--lang', ''])).toEqual(['en', 'ru']);
    expect(bashComplete(file, ['org', '--lang', 'ru', 'import', 'csv', '--p'])).toEqual(['--partial']);
    expect(bashComplete(file, ['org', 'fmt', '--'])).toEqual(['--check', '--debug', '--help', '--lang', '--schemas']);
  });

  it('knows every command the program has', async () => {
    const text = await script('bash');
    const top = await helpCommands([]);
    expect(top).toContain('completion');
    for (const name of top) expect(text).toContain(`'${name}'`);
    for (const group of ['render', 'import'])
      for (const name of await helpCommands([group])) expect(text).toContain(`'${group} ${name}'`);
  });
});

describe('org completion zsh', () => {
  it('is a #compdef script with descriptions', async () => {
    const text = await script('zsh');
    expect(text.startsWith('#compdef org\n')).toBe(true);
    expect(text).toContain(
      "'export:write the structure as JSON, CSV, a Mermaid flowchart, or W3C Organization Ontology RDF (Turtle, JSON-LD)'",
    );
    expect(text).toContain("-f|--format) values=('json' 'csv' 'xlsx' 'mermaid' 'ttl' 'jsonld') ;;");
  });

  it.skipIf(!hasZsh)('is valid zsh', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'org-zsh-')), '_org');
    writeFileSync(file, await script('zsh'));
    const r = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

it('refuses a shell it has no script for', async () => {
  const r = await runCli(['--lang', 'ru', 'completion', 'fish']);
  expect({ code: r.code, stderr: r.stderr }).toEqual({
    code: 2,
    stderr: 'org: Для «fish» дополнения нет; выберите bash или zsh.\n',
  });
});
