// Preloaded into every measured process: records its peak resident memory when it exits.
const { appendFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.ORG_BENCH_RSS) appendFileSync(process.env.ORG_BENCH_RSS, `${process.resourceUsage().maxRSS}\n`);
});
