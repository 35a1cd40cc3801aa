/**
 * What `-o FILE` and standard output do with what is already there: a device or a FIFO is written
 * in place and stays what it was, a link stays a link and its target keeps its mode and owner, a
 * directory is refused, a full disk or a closed pipe is one line and exit code 2, and any name the
 * file system accepts works. Devices are private nodes made with mknod in a temporary folder, so
 * no test ever writes to the machine's own /dev; those tests need root and are skipped without it.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, spawnCli } from '../helpers/cli.js';

const isRoot = process.getuid?.() === 0;
const STRUCTURE = join(ROOT, 'structure');
const dotArgs = (output: string): string[] => ['render', 'chart', STRUCTURE, '--format', 'dot', '-o', output];
let dot: string;
const expectedDot = (): string => dot;
// Writing is the same code in-process and in a spawned org; only what involves the process's own
// standard output needs a real process.
beforeAll(async () => {
  dot = (await runCli(['render', 'chart', STRUCTURE, '--format', 'dot'])).stdout;
});
const fresh = (): string => mkdtempSync(join(tmpdir(), 'org-writes-'));
const noStack = (stderr: string): void => expect(stderr).not.toMatch(/\n\s+at /);

function device(dir: string, name: string, minor: number): string {
  const path = join(dir, name);
  execFileSync('mknod', ['-m', '666', path, 'c', '1', String(minor)]);
  return path;
}

describe('-o onto what is not a regular file', () => {
  it.skipIf(!isRoot)('a character device (a private /dev/null) stays a device (needs root for mknod)', async () => {
    const nul = device(fresh(), 'null', 3);
    const r = await runCli(dotArgs(nul));
    expect(r.code).toBe(0);
    expect(lstatSync(nul).isCharacterDevice()).toBe(true);
  });

  it.skipIf(!isRoot)(
    'a full device (a private /dev/full) is a clear error, exit 2 (needs root for mknod)',
    async () => {
      const full = device(fresh(), 'full', 7);
      const r = await runCli(dotArgs(full));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^org: Cannot write .*full: no space left on device \(ENOSPC\)\n$/);
      expect(lstatSync(full).isCharacterDevice()).toBe(true);
    },
  );

  it('a FIFO is written to its reader and stays a FIFO', async () => {
    const fifo = join(fresh(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (d: Buffer) => void (read += d.toString('utf8')));
    const done = new Promise((resolve) => reader.on('exit', resolve));
    const r = spawnCli(dotArgs(fifo));
    await done;
    expect(r.code).toBe(0);
    expect(read).toBe(expectedDot());
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  for (const path of ['/dev/stdout', '/dev/fd/1']) {
    it(`${path} is written in place, as the shell would`, () => {
      const r = spawnCli(dotArgs(path)); // a real process: its own standard output
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(expectedDot());
    });
  }

  it('a directory is refused with one line', async () => {
    const dir = fresh();
    const r = await runCli(dotArgs(dir));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^org: Cannot write .*: it is a directory\.\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('-o onto a file or a link', () => {
  it('a link stays a link; its target is replaced and keeps its mode', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'real.dot'), 'old\n');
    chmodSync(join(dir, 'real.dot'), 0o600);
    symlinkSync('real.dot', join(dir, 'link.dot'));
    const r = await runCli(dotArgs(join(dir, 'link.dot')));
    expect(r.code).toBe(0);
    expect(readlinkSync(join(dir, 'link.dot'))).toBe('real.dot');
    expect(readFileSync(join(dir, 'real.dot'), 'utf8')).toBe(expectedDot());
    expect(statSync(join(dir, 'real.dot')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['link.dot', 'real.dot']);
  });

  it.skipIf(!isRoot)('a replaced file keeps its owner and group (needs root to give it another owner)', async () => {
    const file = join(fresh(), 'chart.dot');
    writeFileSync(file, 'old\n');
    chownSync(file, 4321, 4322);
    expect((await runCli(dotArgs(file))).code).toBe(0);
    const st = statSync(file);
    expect([st.uid, st.gid]).toEqual([4321, 4322]);
    expect(readFileSync(file, 'utf8')).toBe(expectedDot());
  });

  it('a new file gets the usual mode, not a fixed one', async () => {
    const file = join(fresh(), 'chart.dot');
    const r = spawnSync(
      'sh',
      [
        '-c',
        `umask 077 && exec "${process.execPath}" "${BIN}" ${dotArgs(file)
          .map((a) => `"${a}"`)
          .join(' ')}`,
      ],
      { env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(r.status).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a 250-byte name works, and no temporary file is left', async () => {
    const dir = fresh();
    const name = `${'a'.repeat(246)}.dot`;
    const r = await runCli(dotArgs(join(dir, name)));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('links that loop are refused with one line', async () => {
    const dir = fresh();
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('a', join(dir, 'b'));
    const r = await runCli(dotArgs(join(dir, 'a')));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^org: Cannot write .*a: its symbolic links loop\.\n$/);
  });
});

describe('standard output that fails', () => {
  it.skipIf(!isRoot)('a full disk is one line and exit 2, no stack trace (needs root for mknod)', () => {
    const fd = openSync(device(fresh(), 'full', 7), 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'validate', STRUCTURE], {
        stdio: ['ignore', fd, 'pipe'],
        env: { ...process.env, NO_COLOR: '1', LANG: 'C' },
      });
      expect(r.status).toBe(2);
      expect(r.stderr.toString()).toBe('org: Cannot write to standard output: no space left on device (ENOSPC)\n');
    } finally {
      closeSync(fd);
    }
  });

  it('a pipe closed by its reader is one line and exit 2, no stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'render', 'chart', STRUCTURE, '--format', 'dot'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', LANG: 'C' },
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString('utf8')));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^org: Cannot write to standard output: .*\(EPIPE\)\n$/);
    noStack(stderr);
  });
});
