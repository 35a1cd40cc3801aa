// `npm run bench`: measures `org` as whole processes against baselines measured in the same run,
// and reports each figure as a ratio to its baseline (absolute times vary between machines;
// ratios much less). Writes the table to stdout and bench/results.json.
//
//   npm run bench                  all sizes (1,000, 10,000 and 100,000 units)
//   npm run bench -- --quick       1,000 and 10,000 units only
//   npm run bench -- --scaling     only the scaling table (bench/scaling.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStructure, change, writeStructure } from './generate.mjs';
import { scaling, scalingTable } from './scaling.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const bin = join(root, 'bin', 'org.js');
const quick = process.argv.includes('--quick');
const onlyScaling = process.argv.includes('--scaling');
const sizes = onlyScaling ? [] : quick ? [1000, 10000] : [1000, 10000, 100000];
const work = mkdtempSync(join(tmpdir(), 'org-bench-'));
const rssFile = join(work, 'rss.txt');

/** Runs a command `runs` times; returns the median wall time (ms) and the highest peak RSS (MB). */
function measure(args, runs, env = {}, cwd = root) {
  const times = [];
  let rss = 0;
  let status;
  for (let i = 0; i < runs; i++) {
    rmSync(rssFile, { force: true });
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', join(here, 'rss.cjs'), ...args], {
      cwd,
      env: { ...process.env, ORG_BENCH_RSS: rssFile, NO_COLOR: '1', ORG_CACHE_DIR: join(work, 'cache'), ...env },
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    status = r.status;
    if (existsSync(rssFile)) rss = Math.max(rss, ...readFileSync(rssFile, 'utf8').trim().split('\n').map((kb) => Number(kb) / 1024));
    if (r.status === null || r.status > 1) throw new Error(`${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr.toString().slice(0, 500)}`);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], rssMb: rss, status };
}

/** Whether this build has a command (the benchmark also runs on builds that lack some). */
const has = (command) => {
  const help = spawnSync(process.execPath, [bin, ...command.slice(0, -1), '--help'], { encoding: 'utf8' }).stdout ?? '';
  return new RegExp(`^\\s+${command.at(-1)}\\b`, 'm').test(help);
};
const rows = [];
const row = (name, m, baselineName, baseline, target) => {
  rows.push({ name, ms: Math.round(m.ms), rssMb: Math.round(m.rssMb), baseline: baselineName, ratio: baseline ? Number((m.ms / baseline.ms).toFixed(2)) : null, target: target ?? null });
};

console.error(`org benchmark: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
// Cold: every file parsed (a fresh CI checkout). Warm: the parse cache of the previous run (an analyst's laptop).
const cold = { ORG_NO_CACHE: '1' };
if (!onlyScaling) {
  const nodeBare = measure(['-e', '0'], 11);
  row('node -e 0', nodeBare, '', null);
  row('org validate (Bishkek, 18 units), cold', measure([bin, 'validate', 'structure'], 11, cold), 'node -e 0', nodeBare, '≤ 1.5×');
  row('org validate (Bishkek, 18 units), warm', measure([bin, 'validate', 'structure'], 11), 'node -e 0', nodeBare, '≤ 1.5×');
}

for (const n of sizes) {
  const runs = n >= 100000 ? 1 : n >= 10000 ? 3 : 5;
  console.error(`generating ${n.toLocaleString('en')} units…`);
  const before = buildStructure(n, 42);
  const a = join(work, `a${n}`);
  writeStructure(a, before);
  const floor = measure([join(here, 'floor.mjs'), a], runs);
  row(`floor: read + JSON.parse (${n.toLocaleString('en')})`, floor, '', null);
  const validate = measure([bin, 'validate', a, '--format', 'json'], runs, cold);
  row(`org validate (${n.toLocaleString('en')} units), cold`, validate, 'floor', floor, n === 10000 ? '≤ 4×' : n === 100000 ? '≤ 1 GB' : undefined);
  if (n <= 10000) row(`org validate (${n.toLocaleString('en')} units), warm`, measure([bin, 'validate', a, '--format', 'json'], runs), 'floor', floor);
  if (n <= 10000 && has(['diff'])) {
    const b = join(work, `b${n}`);
    writeStructure(b, change(buildStructure(n, 42)));
    const validateB = measure([bin, 'validate', b, '--format', 'json'], runs, cold);
    const both = { ms: validate.ms + validateB.ms, rssMb: Math.max(validate.rssMb, validateB.rssMb) };
    row(`org diff (${n.toLocaleString('en')} units, ~5% changed), cold`, measure([bin, 'diff', a, b, '--format', 'json'], runs, cold), 'validate both sides', both, n === 10000 ? '≤ 1.5×' : undefined);
  }
  if (n === 1000 && has(['render', 'chart'])) {
    row('org render chart --format svg (1,000 units)', measure([bin, 'render', 'chart', a, '--format', 'svg', '-o', join(work, 'chart.svg')], 3, cold), 'org validate', validate);
  }
  rmSync(join(work, `a${n}`), { recursive: true, force: true });
  rmSync(join(work, `b${n}`), { recursive: true, force: true });
}
const scalingRows = scaling({ bin, work, measure, env: { NO_COLOR: '1', ORG_CACHE_DIR: join(work, 'cache') } });
rmSync(work, { recursive: true, force: true });

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString().slice(0, 10) };
writeFileSync(join(here, onlyScaling ? 'scaling.json' : 'results.json'), `${JSON.stringify({ machine, rows, scaling: scalingRows }, null, 2)}\n`);
const lines = ['| measurement | time | peak memory | baseline | ratio | target |', '|---|---:|---:|---|---:|---|'];
for (const r of rows) lines.push(`| ${r.name} | ${r.ms} ms | ${r.rssMb} MB | ${r.baseline || '—'} | ${r.ratio === null ? '—' : `${r.ratio}×`} | ${r.target ?? ''} |`);
if (rows.length > 0) console.log(`${lines.join('\n')}\n`);
console.log(scalingTable(scalingRows));
console.log(`\n${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.date}`);
