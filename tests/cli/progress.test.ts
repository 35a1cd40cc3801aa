/** The progress line: only on a terminal, only after about a second, throttled, cleared at the end. */
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { progress } from '../../src/cli/progress.js';

function fakeIo(stderrIsTTY: boolean): { io: Io; written: string[] } {
  const written: string[] = [];
  const io: Io = {
    stdout: () => undefined,
    stderr: (s) => void written.push(s),
    cwd: '/',
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY,
    columns: 80,
  };
  return { io, written };
}

describe('progress', () => {
  it('says nothing during the first second, then shows the latest step a few times a second, and clears its line', () => {
    const { io, written } = fakeIo(true);
    let clock = 0;
    const p = progress(io, { now: () => clock });
    p.update('step 1');
    clock = 900;
    p.update('step 2');
    expect(written).toEqual([]);
    clock = 1100;
    p.update('step 3');
    clock = 1150;
    p.update('step 4');
    clock = 1300;
    p.update('step 5');
    expect(written).toEqual(['\r\u001B[2Kstep 3', '\r\u001B[2Kstep 5']);
    p.end();
    expect(written.at(-1)).toBe('\r\u001B[2K');
    p.end();
    expect(written).toHaveLength(3);
  });

  it('a quick job leaves no trace, not even a cleared line', () => {
    const { io, written } = fakeIo(true);
    const p = progress(io, { now: () => 10 });
    p.update('x');
    p.end();
    expect(written).toEqual([]);
  });

  it('is silent when stderr is not a terminal, or with --quiet', () => {
    for (const [tty, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const { io, written } = fakeIo(tty);
      let clock = 0;
      const p = progress(io, { quiet, now: () => clock });
      clock = 5000;
      p.update('x');
      p.end();
      expect(written).toEqual([]);
    }
  });
});
