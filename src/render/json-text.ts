/**
 * JSON text for values nested as deep as the tree they describe (`org tree --format json`).
 * `JSON.stringify` recurses once per level and overflows the stack on a chain a few thousand
 * levels deep, and two spaces of indentation per level make such output grow with the square of
 * the depth. This writer walks with an explicit stack, gives the same text as
 * `JSON.stringify(value, null, 2)` up to MAX_INDENT levels, and keeps deeper levels at that
 * indentation (still valid JSON, linear in size).
 */

const MAX_INDENT = 64;

type Frame = { kind: 'text'; text: string } | { kind: 'value'; value: unknown; level: number };

export function jsonText(value: unknown): string {
  const out: string[] = [];
  const pad = (level: number): string => '  '.repeat(Math.min(level, MAX_INDENT));
  const stack: Frame[] = [{ kind: 'value', value, level: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.kind === 'text') {
      out.push(frame.text);
      continue;
    }
    const { value: v, level } = frame;
    const plain =
      v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function'
        ? (v as { toJSON: () => unknown }).toJSON()
        : v;
    if (Array.isArray(plain)) {
      if (plain.length === 0) {
        out.push('[]');
        continue;
      }
      // Pushed in reverse: the stack pops them in order.
      stack.push({ kind: 'text', text: `\n${pad(level)}]` });
      for (let i = plain.length - 1; i >= 0; i--) {
        const item = plain[i];
        stack.push({
          kind: 'value',
          value: item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item,
          level: level + 1,
        });
        stack.push({ kind: 'text', text: `${i === 0 ? '[' : ','}\n${pad(level + 1)}` });
      }
      continue;
    }
    if (plain !== null && typeof plain === 'object') {
      const entries = Object.entries(plain).filter(
        ([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol',
      );
      if (entries.length === 0) {
        out.push('{}');
        continue;
      }
      stack.push({ kind: 'text', text: `\n${pad(level)}}` });
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        stack.push({ kind: 'value', value: item, level: level + 1 });
        stack.push({ kind: 'text', text: `${i === 0 ? '{' : ','}\n${pad(level + 1)}${JSON.stringify(key)}: ` });
      }
      continue;
    }
    out.push(JSON.stringify(plain) ?? 'null');
  }
  return out.join('');
}
