/**
 * Writes output files atomically: the content goes to a temporary file beside the target, which
 * is then renamed over it. A crash or Ctrl-C leaves either the old file or the new one, never half
 * of one, and the temporary file is removed when the write fails or the process is interrupted.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const pending = new Set<string>();
let handlersInstalled = false;

function cleanUpAndExit(signal: NodeJS.Signals): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  if (!handlersInstalled) {
    handlersInstalled = true;
    process.once('SIGINT', cleanUpAndExit);
    process.once('SIGTERM', cleanUpAndExit);
  }
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  pending.add(tmp);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    pending.delete(tmp);
  }
}
