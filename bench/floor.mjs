// The floor the benchmark compares `org validate` with: read every file of a structure's JSON
// twin and JSON.parse it — the least any tool must do to look at every unit.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.argv[2], 'json');
let count = 0;
for (const name of readdirSync(dir)) {
  const value = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  if (value.id) count++;
}
process.stdout.write(`${count}\n`);
