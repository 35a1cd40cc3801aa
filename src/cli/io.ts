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
  /**
   * Waits until standard output has taken everything written to it; resolves with the error that
   * stopped it (a full disk, a closed pipe), if any.
   */
  flush?(): Promise<NodeJS.ErrnoException | undefined>;
  /** All of standard input (for `-` in place of a file); absent where there is none. */
  readStdin?: () => Uint8Array;
}

export function nodeIo(): Io {
  // A full disk or a closed pipe is reported once by main() (exit code 2), never as a stack
  // trace; what is written after it is dropped. Standard error has nowhere to report to.
  let failure: NodeJS.ErrnoException | undefined;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => void (failure ??= e));
  // Standard error is set up when first written to: a clean run never pays for the pipe to it.
  let stderr: NodeJS.WriteStream | undefined;
  const errorStream = (): NodeJS.WriteStream => {
    if (stderr === undefined) {
      stderr = process.stderr;
      stderr.on('error', () => undefined);
    }
    return stderr;
  };
  return {
    stdout: (text) => {
      if (failure === undefined) process.stdout.write(text);
    },
    stderr: (text) => void errorStream().write(text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    // Asked only by what shows progress; asking sets standard error up.
    get stderrIsTTY() {
      return errorStream().isTTY === true;
    },
    columns: process.stdout.columns,
    flush: () =>
      new Promise((done) => {
        if (failure !== undefined || process.stdout.destroyed) done(failure);
        else
          process.stdout.write('', (e) =>
            done(failure ?? (e as NodeJS.ErrnoException | null | undefined) ?? undefined),
          );
      }),
    readStdin: () => readFileSync(0),
  };
}

/** Colour follows NO_COLOR and FORCE_COLOR, else whether the stream is a terminal. */
export function useColor(env: Io['env'], isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY;
}
