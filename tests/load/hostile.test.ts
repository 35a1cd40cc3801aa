/**
 * The hostile-input corpus: files built to crash, hang or fool a YAML loader. They all sit in one
 * structure directory and are checked in one run of the real `org` process, so the run must
 * survive every one of them together (two deeply nested files in one run used to abort V8) and
 * still report each with its file, line and column.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { writeStructure } from '../helpers/structure.js';

interface Expected {
  file: string;
  rule: string;
  line: number;
  column: number;
  message: RegExp;
}

const unitText = (id: string, extra = ''): string => `id: ${id}\nkind: department\nname: ${id}\nparent: root\n${extra}`;

const cases: Array<{ name: string; file: string; content: string | Buffer; expect: Omit<Expected, 'file'> | null }> = [
  {
    name: 'deep flow nesting',
    file: 'units/deep-flow.yaml',
    content: `id: deep-flow\nx: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`,
    expect: { rule: 'yaml-syntax', line: 2, column: 36, message: /deeper than 32/ },
  },
  {
    name: 'deep flow nesting, again in the same run',
    file: 'units/deep-flow-2.yaml',
    content: `id: deep-flow-2\nx: ${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`,
    expect: { rule: 'yaml-syntax', line: 2, column: 132, message: /deeper than 32/ },
  },
  {
    name: 'deep compact block nesting',
    file: 'units/deep-block.yaml',
    content: `id: deep-block\nx:\n${'- '.repeat(50_000)}x\n`,
    expect: { rule: 'yaml-syntax', line: 3, column: 1, message: /deeper than 32/ },
  },
  {
    name: '40,000-key map with a duplicate at the end',
    file: 'units/wide.yaml',
    content: `id: wide\n${Array.from({ length: 40_000 }, (_, i) => `k${i}: ${i}\n`).join('')}k7: again\n`,
    expect: { rule: 'yaml-syntax', line: 40_002, column: 1, message: /Duplicate key "k7"/ },
  },
  {
    name: 'billion laughs',
    file: 'units/laughs.yaml',
    content:
      'id: laughs\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
    expect: { rule: 'yaml-syntax', line: 2, column: 7, message: /Anchors \(&a\) are not allowed/ },
  },
  {
    name: 'explicit binary tag',
    file: 'units/tag.yaml',
    content: `${unitText('tag')}description: !!binary aGVsbG8=\n`,
    expect: { rule: 'yaml-syntax', line: 5, column: 23, message: /Explicit tags \(tag:yaml.org,2002:binary\)/ },
  },
  {
    name: 'python object tag',
    file: 'units/python.yaml',
    content: `${unitText('python')}description: !!python/object:os.system ls\n`,
    expect: { rule: 'yaml-syntax', line: 5, column: 40, message: /Explicit tags/ },
  },
  {
    name: 'merge key',
    file: 'units/merge.yaml',
    content: `${unitText('merge')}<<: {kind: division}\n`,
    expect: { rule: 'yaml-syntax', line: 5, column: 1, message: /Merge keys/ },
  },
  {
    name: 'duplicate key',
    file: 'units/dup.yaml',
    content: `${unitText('dup')}name: again\n`,
    expect: { rule: 'yaml-syntax', line: 5, column: 1, message: /Duplicate key "name"/ },
  },
  {
    name: '__proto__ key',
    file: 'units/proto.yaml',
    content: `${unitText('proto')}__proto__: {polluted: true}\n`,
    expect: { rule: 'yaml-syntax', line: 5, column: 1, message: /"__proto__" is not allowed/ },
  },
  {
    name: 'constructor key',
    file: 'units/ctor.yaml',
    content: `${unitText('ctor')}functions:\n  constructor: lead\n`,
    expect: { rule: 'yaml-syntax', line: 6, column: 3, message: /"constructor" is not allowed/ },
  },
  {
    name: 'invalid UTF-8',
    file: 'units/latin1.yaml',
    content: Buffer.concat([
      Buffer.from('id: latin1\nkind: department\nname: Отд'),
      Buffer.from([0xe9, 0x6c]),
      Buffer.from('\n'),
    ]),
    expect: { rule: 'yaml-syntax', line: 3, column: 10, message: /Invalid UTF-8: byte 0xE9/ },
  },
  {
    name: 'UTF-16 with BOM',
    file: 'units/utf16.yaml',
    content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(unitText('utf16'), 'utf16le')]),
    expect: { rule: 'yaml-syntax', line: 1, column: 1, message: /UTF-16/ },
  },
  {
    name: 'UTF-16 without BOM',
    file: 'units/utf16-nobom.yaml',
    content: Buffer.from(unitText('utf16-nobom'), 'utf16le'),
    expect: { rule: 'yaml-syntax', line: 1, column: 1, message: /UTF-16/ },
  },
  {
    name: 'UTF-32 with BOM',
    file: 'units/utf32.yaml',
    content: Buffer.from([0xff, 0xfe, 0, 0, 0x69, 0, 0, 0]),
    expect: { rule: 'yaml-syntax', line: 1, column: 1, message: /UTF-32/ },
  },
  {
    name: 'NUL character',
    file: 'units/nul.yaml',
    content: 'id: nul\nkind: depart\u0000ment\n',
    expect: { rule: 'yaml-syntax', line: 2, column: 13, message: /U\+0000/ },
  },
  {
    name: 'escape character',
    file: 'units/esc.yaml',
    content: 'id: esc\nname: "\u001b[31mred"\n',
    expect: { rule: 'yaml-syntax', line: 2, column: 8, message: /U\+001B/ },
  },
  {
    name: 'bare CR',
    file: 'units/cr.yaml',
    content: 'id: cr\rkind: department\n',
    expect: { rule: 'yaml-syntax', line: 1, column: 7, message: /Bare carriage return/ },
  },
  { name: 'CRLF is fine', file: 'units/crlf.yaml', content: unitText('crlf').replace(/\n/g, '\r\n'), expect: null },
  {
    name: '5 MB file',
    file: 'units/huge.yaml',
    content: `id: huge\ndescription: "${'x'.repeat(5 * 1024 * 1024)}"\n`,
    expect: { rule: 'yaml-syntax', line: 1, column: 1, message: /over 1 MiB/ },
  },
  {
    name: 'two documents',
    file: 'units/two-docs.yaml',
    content: `${unitText('two-docs')}---\nid: other\n`,
    expect: { rule: 'yaml-syntax', line: 5, column: 1, message: /more than one YAML document/ },
  },
  {
    name: 'empty file',
    file: 'units/empty.yaml',
    content: '',
    expect: { rule: 'yaml-syntax', line: 1, column: 1, message: /empty/ },
  },
  {
    name: 'comment-only file',
    file: 'units/comment.yaml',
    content: '# nothing here\n',
    expect: { rule: 'yaml-syntax', line: 1, column: 1, message: /empty/ },
  },
  {
    name: 'top level is a list',
    file: 'units/list.yaml',
    content: '- id: list\n',
    expect: { rule: 'yaml-syntax', line: 1, column: 1, message: /must be a mapping/ },
  },
  {
    name: 'YAML syntax error',
    file: 'units/broken.yaml',
    content: 'id: broken\nname: [unclosed\nkind: x\n',
    expect: { rule: 'yaml-syntax', line: 3, column: 1, message: /YAML syntax error/ },
  },
  {
    name: '%YAML 1.1 cannot turn "no" into false',
    file: 'units/yaml11.yaml',
    content: `%YAML 1.1\n---\nid: yaml11\nkind: department\nname: no\nparent: root\n`,
    expect: null,
  },
  {
    name: 'zero-width space in a name',
    file: 'units/zwsp.yaml',
    content: unitText('zwsp').replace('name: zwsp', 'name: "Отдел\u200Bкадров"'),
    expect: { rule: 'invisible-characters', line: 3, column: 7, message: /U\+200B/ },
  },
  {
    name: 'bidi override in a name',
    file: 'units/bidi.yaml',
    content: unitText('bidi').replace('name: bidi', 'name: "abc\u202Edef"'),
    expect: { rule: 'invisible-characters', line: 3, column: 7, message: /U\+202E/ },
  },
];

let dir: string;
let report: { diagnostics: Array<Omit<Expected, 'message'> & { message: string; severity: string }> };
let code: number;

beforeAll(() => {
  dir = writeStructure({ 'units/root.yaml': 'id: root\nkind: office\nname: Root\n' });
  for (const c of cases) writeFileSync(join(dir, c.file), c.content);
  // File-system traps: a FIFO (reading it would block forever), symlinks out of the structure,
  // to themselves and to an ancestor directory, and a directory whose name looks like a file.
  execFileSync('mkfifo', [join(dir, 'units', 'fifo.yaml')]);
  writeFileSync(join(dir, '..', `outside-${process.pid}.yaml`), unitText('outside'));
  symlinkSync(join(dir, '..', `outside-${process.pid}.yaml`), join(dir, 'units', 'outside.yaml'));
  symlinkSync('self.yaml', join(dir, 'units', 'self.yaml'));
  symlinkSync('..', join(dir, 'units', 'up'));
  mkdirSync(join(dir, 'units', 'folder.yaml'));
  writeFileSync(join(dir, 'units', 'folder.yaml', 'inside.yaml'), unitText('inside'));
  writeFileSync(join(dir, 'units', 'locked.yaml'), unitText('locked'));
  chmodSync(join(dir, 'units', 'locked.yaml'), 0o000);
  const r = spawnCli(['validate', dir, '--format', 'json'], { cwd: dir, timeout: 60_000 });
  code = r.code;
  expect(r.stderr).toBe('');
  report = JSON.parse(r.stdout);
});

describe('hostile input', () => {
  it('completes with exit code 1 and no crash', () => {
    expect(code).toBe(1);
  });

  for (const c of cases) {
    it(c.name, () => {
      const found = report.diagnostics.filter(
        (d) =>
          d.file === c.file && (c.expect ? d.rule === c.expect.rule : d.rule === 'yaml-syntax' || d.rule === 'schema'),
      );
      if (!c.expect) {
        expect(found).toEqual([]);
        return;
      }
      expect(found.map((d) => ({ rule: d.rule, line: d.line, column: d.column }))).toContainEqual({
        rule: c.expect.rule,
        line: c.expect.line,
        column: c.expect.column,
      });
      expect(found.some((d) => c.expect!.message.test(d.message))).toBe(true);
    });
  }

  const fsCases: Array<[string, string, RegExp]> = [
    ['a FIFO is not opened', 'units/fifo.yaml', /Not a regular file/],
    ['a symlink out of the structure is not followed', 'units/outside.yaml', /leads outside the structure directory/],
    ['a symlink to itself', 'units/self.yaml', /loop/],
    ['a symlink to an ancestor directory', 'units/up', /loop/],
  ];
  for (const [name, file, message] of fsCases) {
    it(name, () => {
      const d = report.diagnostics.find((x) => x.file === file);
      expect(d, `no diagnostic for ${file}`).toBeDefined();
      expect(d!.message).toMatch(message);
      expect([d!.line, d!.column]).toEqual([1, 1]);
    });
  }

  it('a directory named like a file is searched, not read', () => {
    expect(
      report.diagnostics.filter((d) => d.file.startsWith('units/folder.yaml') && d.rule === 'yaml-syntax'),
    ).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file is reported (skipped as root, who can read anything)', () => {
    const d = report.diagnostics.find((x) => x.file === 'units/locked.yaml');
    expect(d?.message).toMatch(/cannot be read \(EACCES\)/);
  });
});

describe('links at the top of the structure', () => {
  it('reports a functions folder that links out of the structure, and ignores a link to an outside non-YAML file', () => {
    const dir = writeStructure({ 'units/root.yaml': 'id: root\nkind: office\nname: Root\n' });
    const outside = writeStructure({ 'functions/f.yaml': 'id: f\nname: F\n' });
    symlinkSync(join(outside, 'functions'), join(dir, 'functions'));
    symlinkSync(join(outside, 'organization.yaml'), join(dir, 'units', 'README'));
    const r = spawnCli(['validate', dir, '--format', 'json'], { cwd: dir });
    const report = JSON.parse(r.stdout) as {
      diagnostics: Array<{ file: string; message: string; line: number; column: number }>;
    };
    expect(report.diagnostics.find((d) => d.file === 'functions')).toMatchObject({
      line: 1,
      column: 1,
      message: expect.stringMatching(/leads outside the structure directory/),
    });
    expect(report.diagnostics.filter((d) => d.file === 'units/README')).toEqual([]);
    expect(r.code).toBe(1);
  });
});

describe('a run that cannot be done exits 2 with one line', () => {
  const cases2: Array<[string, string[], RegExp]> = [
    ['missing directory', ['validate', 'no/such/dir'], /^org: No such directory: no\/such\/dir\n$/],
    ['a file outside any structure', ['validate', 'package.json'], /^org: package.json is not part of a structure/],
    ['a directory without organization.yaml', ['validate', 'docs'], /^org: No organization.yaml in docs/],
    ['an unknown format', ['validate', '--format', 'xml'], /^org: Unknown format "xml"/],
    [
      'a bad --max-warnings',
      ['validate', '--max-warnings', 'many'],
      /^org: Option --max-warnings expects a whole number/,
    ],
    ['an unknown option', ['validate', '--bogus'], /unknown option '--bogus'/],
  ];
  for (const [name, args, stderr] of cases2) {
    it(name, () => {
      const r = spawnCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(stderr);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    });
  }
});
