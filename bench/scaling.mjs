// The scaling table of `npm run bench`: the same command on inputs 1×, 10× and 100× as large,
// for the shapes that used to be quadratic — one file with many unknown keys (locating findings),
// a unit with many children, a chain many levels deep, a big function matrix. For each, the time
// ratios between sizes are set against the size ratios: a linear command stays within 1.3× of
// them. Start-up is part of every run, so the 10× → 100× step is the telling one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ORG = (rules = '') => `id: bench\nname: Bench\nlanguages: [ru, en]\nkinds:\n  - { id: k, name: k }\n${rules}`;
const QUIET =
  'rules:\n  max-depth: off\n  kind-rank: off\n  span-of-control: off\n  unit-has-functions: off\n  single-root: off\n';

function write(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

const unit = (id, parent, extra = '') =>
  `id: ${id}\nkind: k\nname: Подразделение ${id}\n${parent ? `parent: ${parent}\n` : ''}${extra}`;

/** Each case: a name, what one "size" is, the base size, a structure of size n, and the command. */
export const CASES = [
  {
    name: 'unknown keys in one file',
    unit: 'keys',
    base: 400,
    files: (n) => ({
      'organization.yaml': ORG(),
      'units/root.yaml': unit('root', null, Array.from({ length: n }, (_, i) => `unknown${i}: x\n`).join('')),
    }),
    args: (dir) => ['validate', dir],
  },
  {
    name: 'wide tree: children of one unit',
    unit: 'children',
    base: 100,
    files: (n) => {
      const files = { 'organization.yaml': ORG(QUIET), 'units/root.yaml': unit('root', null) };
      for (let i = 0; i < n; i++)
        files[`units/u${i}.yaml`] = unit(`u${i}`, 'root', 'positions:\n  - { title: Специалист, count: 1 }\n');
      return files;
    },
    args: (dir) => ['tree', dir],
  },
  {
    name: 'deep chain: levels',
    unit: 'levels',
    base: 30,
    files: (n) => {
      const files = { 'organization.yaml': ORG(QUIET) };
      for (let i = 0; i < n; i++)
        files[`units/u${i}.yaml`] = unit(
          `u${i}`,
          i > 0 ? `u${i - 1}` : null,
          'positions:\n  - { title: Специалист, count: 1 }\n',
        );
      return files;
    },
    args: (dir) => ['export', dir, '--format', 'json'],
  },
  {
    name: 'big matrix: 20 functions × units',
    unit: 'units',
    base: 100,
    files: (n) => {
      const files = { 'organization.yaml': ORG(QUIET), 'units/root.yaml': unit('root', null) };
      for (let f = 0; f < 20; f++) files[`functions/f${f}.yaml`] = `id: f${f}\nname: Функция ${f}\n`;
      for (let i = 0; i < n; i++)
        files[`units/u${i}.yaml`] = unit(
          `u${i}`,
          'root',
          `functions:\n  f${i % 20}: ${i < 20 ? 'lead' : 'participant'}\n  f${(i + 7) % 20}: informed\n`,
        );
      return files;
    },
    args: (dir) => ['render', 'matrix', dir, '--format', 'csv'],
  },
];

/**
 * Runs every case at 1×, 10× and 100× with `measure(args, runs)` (from run.mjs: median wall time)
 * and returns the rows of the table.
 */
export function scaling({ bin, work, measure, env }) {
  const rows = [];
  for (const c of CASES) {
    const times = [];
    for (const factor of [1, 10, 100]) {
      const n = c.base * factor;
      const dir = join(work, `scale-${c.unit}-${n}`);
      write(dir, c.files(n));
      console.error(`scaling: ${c.name}, ${n.toLocaleString('en')}…`);
      // Warm the parse cache off the clock, so what is measured is the command, not YAML parsing.
      spawnSync(process.execPath, [bin, ...c.args(dir)], { env: { ...process.env, ...env }, stdio: 'ignore' });
      times.push(measure([bin, ...c.args(dir)], factor === 100 ? 3 : 5).ms);
      rmSync(dir, { recursive: true, force: true });
    }
    const r10 = times[1] / times[0];
    const r100 = times[2] / times[1];
    rows.push({
      name: c.name,
      sizes: [1, 10, 100].map((f) => c.base * f),
      unit: c.unit,
      ms: times.map(Math.round),
      ratio10: Number(r10.toFixed(2)),
      ratio100: Number(r100.toFixed(2)),
      holds: r10 <= 13 && r100 <= 13,
    });
  }
  return rows;
}

export function scalingTable(rows) {
  const lines = [
    '| input | 1× | 10× | 100× | time 10× / 1× | time 100× / 10× | within 1.3× of 10× |',
    '|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    const [a, b, c] = r.sizes.map((s) => s.toLocaleString('en'));
    lines.push(
      `| ${r.name} (${a} / ${b} / ${c} ${r.unit}) | ${r.ms[0]} ms | ${r.ms[1]} ms | ${r.ms[2]} ms | ${r.ratio10}× | ${r.ratio100}× | ${r.holds ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}
