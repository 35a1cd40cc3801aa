/**
 * Progress of long work on a terminal: one line on stderr, rewritten in place, that appears only
 * once the work has taken about a second (a quick command prints nothing) and is cleared when it
 * ends. Nothing at all when stderr is not a terminal (CI logs, pipes) or with --quiet.
 */
import type { Io } from './io.js';

export interface Progress {
  /** Says what is being done; shown at most a few times a second. */
  update(text: string): void;
  /** Clears the line, if one was shown. */
  end(): void;
}

const SILENT: Progress = { update: () => undefined, end: () => undefined };

export function progress(io: Io, options: { quiet?: boolean; delayMs?: number; now?: () => number } = {}): Progress {
  if (!io.stderrIsTTY || options.quiet === true) return SILENT;
  const now = options.now ?? (() => Date.now());
  const start = now();
  const delay = options.delayMs ?? 1000;
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const t = now();
      if (t - start < delay || t - last < 150) return;
      last = t;
      shown = true;
      // Erase the line, then write; control characters in the text were never untrusted (counts and words only).
      io.stderr(`\r\u001B[2K${text}`);
    },
    end() {
      if (shown) io.stderr('\r\u001B[2K');
      shown = false;
    },
  };
}
