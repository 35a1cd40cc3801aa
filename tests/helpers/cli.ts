/**
 * Runs the CLI the two ways a user meets it: in-process through main() with captured output (fast,
 * for most cases) and as a real process through the built bin/org.js (for exit codes, signals and
 * everything the process wrapper adds). One table of cases can use both.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'org.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Raw bytes written to stdout (for binary formats). */
  bytes: Buffer;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Pretend standard output is a terminal. */
  tty?: boolean;
  columns?: number;
  /** Standard input of an in-process run. */
  stdin?: string | Uint8Array;
}

// Spawned runs keep their parse caches in one folder of this test run, not in the user's home.
const CACHE_DIR = mkdtempSync(join(tmpdir(), 'org-test-cache-'));
const BASE_ENV = { NO_COLOR: '1', LANG: 'C', ORG_CACHE_DIR: CACHE_DIR };

export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const out: Buffer[] = [];
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => void out.push(typeof s === 'string' ? Buffer.from(s) : Buffer.from(s)),
    stderr: (s) => void (stderr += s),
    cwd: options.cwd ?? ROOT,
    env: { ...BASE_ENV, ...options.env },
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: false,
    columns: options.columns,
    ...(options.stdin !== undefined
      ? { readStdin: () => (typeof options.stdin === 'string' ? Buffer.from(options.stdin) : options.stdin!) }
      : {}),
  });
  const bytes = Buffer.concat(out);
  return { code, stdout: bytes.toString('utf8'), stderr, bytes };
}

export function spawnCli(args: string[], options: CliOptions & { input?: string; timeout?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...BASE_ENV, ...options.env },
    input: options.input,
    timeout: options.timeout ?? 20_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return {
    code: r.status ?? -1,
    stdout: r.stdout.toString('utf8'),
    stderr: r.stderr.toString('utf8'),
    bytes: r.stdout,
  };
}
