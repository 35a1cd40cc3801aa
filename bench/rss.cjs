// Preloaded into every measured process: records its peak resident memory (and CPU time) when it exits.
const { appendFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.ORG_BENCH_RSS) appendFileSync(process.env.ORG_BENCH_RSS, `${process.resourceUsage().maxRSS}\n`);
  // CPU time (user + system), which other work on a shared machine disturbs far less than wall time.
  if (process.env.ORG_BENCH_CPU) {
    const { userCPUTime, systemCPUTime } = process.resourceUsage();
    appendFileSync(process.env.ORG_BENCH_CPU, `${(userCPUTime + systemCPUTime) / 1000}\n`);
  }
});
