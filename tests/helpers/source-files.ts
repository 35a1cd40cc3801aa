/** The TypeScript files below a folder, sorted, found with a stack (no recursion), skipping fixtures and node_modules. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function typeScriptFiles(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'fixtures' && name !== 'node_modules') stack.push(path);
      } else if (name.endsWith('.ts')) out.push(path);
    }
  }
  return out.sort();
}
