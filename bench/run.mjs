// `npm run bench`: measures `org` as whole processes against baselines measured in the same run,
// and reports each figure as a ratio to its baseline (absolute times vary between machines;
// ratios much less). Writes the table to stdout and bench/results.json.
//
//   npm run bench                  all sizes (1,000, 10,000 and 100,000 units)
//   npm run bench -- --quick       1,000 and 10,000 units only
//   npm run bench -- --only matrix the function matrix only
//   npm run bench -- --charts      the chart rows only
//   npm run bench -- --scaling     only the scaling table (bench/scaling.mjs)
//   npm run bench -- --only startup  org --version and validate of the default structure beside node -e 0
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMatrixStructure, buildStructure, change, writeStructure } from './generate.mjs';
import { reworded } from './reword.mjs';
import { scaling, scalingTable } from './scaling.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const bin = join(root, 'bin', 'org.js');
const quick = process.argv.includes('--quick');
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : process.argv.includes('--charts')
    ? 'charts'
    : process.argv.includes('--scaling')
      ? 'scaling'
      : undefined;
const sizes = only ? [] : quick ? [1000, 10000] : [1000, 10000, 100000];
const work = mkdtempSync(join(tmpdir(), 'org-bench-'));
const rssFile = join(work, 'rss.txt');
const cpuFile = join(work, 'cpu.txt');

/** Runs a command `runs` times; returns the median wall time (ms), the median CPU time (ms) and the highest peak RSS (MB). */
function measure(args, runs, env = {}, cwd = root) {
  const times = [];
  const cpu = [];
  let rss = 0;
  let status;
  for (let i = 0; i < runs; i++) {
    rmSync(rssFile, { force: true });
    rmSync(cpuFile, { force: true });
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', join(here, 'rss.cjs'), ...args], {
      cwd,
      env: {
        ...process.env,
        ORG_BENCH_RSS: rssFile,
        ORG_BENCH_CPU: cpuFile,
        NO_COLOR: '1',
        ORG_CACHE_DIR: join(work, 'cache'),
        ...env,
      },
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    status = r.status;
    if (existsSync(cpuFile)) cpu.push(Number(readFileSync(cpuFile, 'utf8').trim().split('\n')[0]));
    if (existsSync(rssFile))
      rss = Math.max(
        rss,
        ...readFileSync(rssFile, 'utf8')
          .trim()
          .split('\n')
          .map((kb) => Number(kb) / 1024),
      );
    if (r.status === null || r.status > 1)
      throw new Error(`${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr.toString().slice(0, 500)}`);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], cpuMs: cpu[Math.floor(cpu.length / 2)], rssMb: rss, status };
}

/** Whether this build has a command (the benchmark also runs on builds that lack some). */
const has = (command) => {
  const help = spawnSync(process.execPath, [bin, ...command.slice(0, -1), '--help'], { encoding: 'utf8' }).stdout ?? '';
  return new RegExp(`^\\s+${command.at(-1)}\\b`, 'm').test(help);
};
const rows = [];
const row = (name, m, baselineName, baseline, target) => {
  rows.push({
    name,
    ms: Math.round(m.ms),
    rssMb: Math.round(m.rssMb),
    baseline: baselineName,
    ratio: baseline ? Number((m.ms / baseline.ms).toFixed(2)) : null,
    target: target ?? null,
  });
};

console.error(
  `org benchmark: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
// Cold: every file parsed (a fresh CI checkout). Warm: the parse cache of the previous run (an analyst's laptop).
const cold = { ORG_NO_CACHE: '1' };
if (!only || only === 'startup') {
  // Side by side: one run of each in turn, so a machine that gets busier or quieter meanwhile
  // moves the baseline and the commands alike, and the ratios stay comparable.
  const cases = [
    { args: ['-e', '0'] },
    { args: [bin, '--version'] },
    { args: [bin, 'validate', 'structure'], env: cold },
    { args: [bin, 'validate', 'structure'] },
  ];
  const runs = cases.map(() => []);
  measure([bin, 'validate', 'structure'], 1); // the parse cache the warm runs read
  for (let round = 0; round < 11; round++) cases.forEach((c, i) => runs[i].push(measure(c.args, 1, c.env)));
  const median = (list) => {
    const at = (key) => list.map((m) => m[key]).sort((a, b) => a - b)[Math.floor(list.length / 2)];
    return { ms: at('ms'), cpuMs: at('cpuMs'), rssMb: Math.max(...list.map((m) => m.rssMb)) };
  };
  const [nodeBare, version, validateCold, validateWarm] = runs.map(median);
  row('node -e 0', nodeBare, '', null);
  row('org --version', version, 'node -e 0', nodeBare, '≤ 1.15×');
  row('org validate (Bishkek, 18 units), cold', validateCold, 'node -e 0', nodeBare, '≤ 1.3×');
  row('org validate (Bishkek, 18 units), warm', validateWarm, 'node -e 0', nodeBare, '≤ 1.3×');
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
  row(
    `org validate (${n.toLocaleString('en')} units), cold`,
    validate,
    'floor',
    floor,
    n === 10000 ? '≤ 4×' : n === 100000 ? '≤ 1 GB' : undefined,
  );
  if (n <= 10000)
    row(
      `org validate (${n.toLocaleString('en')} units), warm`,
      measure([bin, 'validate', a, '--format', 'json'], runs),
      'floor',
      floor,
    );
  if (n <= 10000 && has(['diff'])) {
    const b = join(work, `b${n}`);
    writeStructure(b, change(buildStructure(n, 42)));
    const validateB = measure([bin, 'validate', b, '--format', 'json'], runs, cold);
    const both = { ms: validate.ms + validateB.ms, rssMb: Math.max(validate.rssMb, validateB.rssMb) };
    row(
      `org diff (${n.toLocaleString('en')} units, ~5% changed), cold`,
      measure([bin, 'diff', a, b, '--format', 'json'], runs, cold),
      'validate both sides',
      both,
      n === 10000 ? '≤ 1.5×' : undefined,
    );
    // Lineage inference at its busiest: every function reworded under a new id (names made from
    // one template, so thousands are alike), every tenth unit under a new id.
    const c = join(work, `c${n}`);
    writeStructure(c, reworded(n, 42));
    const validateC = measure([bin, 'validate', c, '--format', 'json'], runs, cold);
    const bothC = { ms: validate.ms + validateC.ms, rssMb: Math.max(validate.rssMb, validateC.rssMb) };
    row(
      `org diff (${n.toLocaleString('en')} units, all functions reworded), cold`,
      measure([bin, 'diff', a, c, '--format', 'json'], runs, cold),
      'validate both sides',
      bothC,
      n === 10000 ? '≤ 1.5×' : undefined,
    );
    rmSync(c, { recursive: true, force: true });
  }
  if (n === 1000 && has(['log'])) {
    // A history of 8 reorganisations of ~5% each: `org log` diffs every commit, reading each
    // file version once; its baseline is one `org diff` of two revisions in the same repository.
    const repo = join(work, 'history');
    const git = (...args) => {
      const r = spawnSync(
        'git',
        ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', ...args],
        { cwd: repo, encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    };
    spawnSync('git', ['init', '-q', repo]);
    let state = buildStructure(n, 7);
    const commits = 8;
    for (let round = 0; round < commits; round++) {
      if (round > 0) {
        state = change(state);
        for (const u of state.units) if (/^new\d+$/.test(u.id)) u.id = `r${round}-${u.id}`;
      }
      rmSync(join(repo, 'structure'), { recursive: true, force: true });
      writeStructure(join(repo, 'structure'), state);
      git('add', '-A');
      git('commit', '-q', '-m', `reorganisation ${round}`);
    }
    const oneDiff = measure([bin, 'diff', 'HEAD~1', 'HEAD', '--format', 'json'], runs, cold, repo);
    row('org diff HEAD~1 HEAD (1,000 units), cold', oneDiff, 'validate both sides', { ms: validate.ms * 2 });
    row(
      `org log (1,000 units, ${commits} commits), cold`,
      measure([bin, 'log', '--format', 'json'], runs, cold, repo),
      'org diff HEAD~1 HEAD',
      oneDiff,
      `≤ ${commits}×`,
    );
    rmSync(repo, { recursive: true, force: true });
  }
  if (n === 1000 && has(['render', 'chart'])) {
    row(
      'org render chart --format svg (1,000 units)',
      measure([bin, 'render', 'chart', a, '--format', 'svg', '-o', join(work, 'chart.svg')], 3, cold),
      'org validate',
      validate,
    );
  }
  rmSync(join(work, `a${n}`), { recursive: true, force: true });
  rmSync(join(work, `b${n}`), { recursive: true, force: true });
}
// The function matrix of a ministry's size: 200 units × 1,400 functions. The PDF draws every page
// from the same layout as the SVG, so its time is held against the SVG's.
if ((!only || only === 'matrix') && has(['render', 'matrix'])) {
  console.error('generating a 200 × 1,400 function matrix…');
  const m = join(work, 'matrix');
  writeStructure(m, buildMatrixStructure(200, 1400, 7));
  const svg = measure([bin, 'render', 'matrix', m, '-o', join(work, 'matrix.svg')], 3, cold);
  row('org render matrix -o matrix.svg (200 × 1,400)', svg, '', null);
  row(
    'org render matrix -o matrix.pdf (200 × 1,400)',
    measure([bin, 'render', 'matrix', m, '-o', join(work, 'matrix.pdf')], 3, cold),
    'its SVG',
    svg,
    '≤ 3×',
  );
  rmSync(m, { recursive: true, force: true });
}

// Charts: SVG (one picture) and PDF (the book) of 1,250, 2,500 and 5,000 units. The PDF is measured
// against the SVG of the same structure; growth is the time per unit at 2n over the time per unit at n.
if ((!only || only === 'charts') && has(['render', 'chart'])) {
  const chartSizes = [1250, 2500, 5000];
  const charts = {};
  for (const n of chartSizes) {
    console.error(`chart of ${n.toLocaleString('en')} units…`);
    const dir = join(work, `chart${n}`);
    writeStructure(dir, buildStructure(n, 7));
    // CPU time stands for the time here: on a machine shared with other work, wall times of the
    // same run vary by 3×, CPU times by a few per cent.
    const cpuOnly = (m) => ({ ...m, ms: m.cpuMs ?? m.ms });
    charts[n] = {
      svg: cpuOnly(measure([bin, 'render', 'chart', dir, '-o', join(work, 'chart.svg')], 3)),
      pdf: cpuOnly(measure([bin, 'render', 'chart', dir, '-o', join(work, 'chart.pdf')], 3)),
    };
    rmSync(dir, { recursive: true, force: true });
  }
  for (const n of chartSizes) {
    const label = n.toLocaleString('en');
    row(`org render chart → SVG (${label} units), CPU time`, charts[n].svg, '', null);
    row(
      `org render chart → PDF book (${label} units), CPU time`,
      charts[n].pdf,
      `SVG, ${label} units`,
      charts[n].svg,
      n === 5000 ? '≤ 3×; ≤ 600 MB' : undefined,
    );
  }
  for (const format of ['svg', 'pdf']) {
    for (const [a, b] of [
      [1250, 2500],
      [2500, 5000],
    ]) {
      const m = charts[b][format];
      // The ratio of time per unit: 1.0 is linear.
      rows.push({
        name: `${format.toUpperCase()} time per unit, ${b.toLocaleString('en')} vs ${a.toLocaleString('en')} units`,
        ms: Math.round(m.ms),
        rssMb: Math.round(m.rssMb),
        baseline: `${a.toLocaleString('en')} units × 2`,
        ratio: Number((m.ms / (2 * charts[a][format].ms)).toFixed(2)),
        target: '≤ 1.2×',
      });
    }
  }
}
const scalingRows =
  !only || only === 'scaling'
    ? scaling({ bin, work, measure, env: { NO_COLOR: '1', ORG_CACHE_DIR: join(work, 'cache') } })
    : [];
rmSync(work, { recursive: true, force: true });

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? '',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString().slice(0, 10),
};
// A partial run (--only, --charts, --scaling) does not replace the full table the README quotes.
writeFileSync(
  join(here, only ? `results-${only}.json` : 'results.json'),
  `${JSON.stringify({ machine, rows, scaling: scalingRows }, null, 2)}\n`,
);
const lines = ['| measurement | time | peak memory | baseline | ratio | target |', '|---|---:|---:|---|---:|---|'];
for (const r of rows)
  lines.push(
    `| ${r.name} | ${r.ms} ms | ${r.rssMb} MB | ${r.baseline || '—'} | ${r.ratio === null ? '—' : `${r.ratio}×`} | ${r.target ?? ''} |`,
  );
if (rows.length > 0) console.log(`${lines.join('\n')}\n`);
if (scalingRows.length > 0) console.log(scalingTable(scalingRows));
console.log(`\n${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.date}`);
