/**
 * Everything the commands need from the outside world, passed in so that the same CLI runs in a
 * test (capturing output) and as a real process. Only this module and the commands touch
 * `process`.
 */
import { readFileSync } from 'node:fs';

export interface Io {
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Terminal width in columns, when writing to a terminal. */
  columns: number | undefined;
  /** All of standard input (for `-` in place of a file); absent where there is none. */
  readStdin?: () => Uint8Array;
}

export function nodeIo(): Io {
  // A closed pipe (`org tree | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stdout.columns,
    readStdin: () => readFileSync(0),
  };
}

/** Colour follows NO_COLOR and FORCE_COLOR, else whether the stream is a terminal. */
export function useColor(env: Io['env'], isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY;
}
