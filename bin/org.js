#!/usr/bin/env node
// The `org` command: all behaviour is in main(); this file only connects it to the process.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The version alone needs none of the program: scripts that probe it should not wait for it to load.
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  const { loadMain } = require('./cached.cjs');
  const { main, nodeIo, saveCache } = loadMain();
  process.exitCode = await main(args, nodeIo());
  saveCache(process.env.ORG_WRITE_CODE_CACHE === '1');
}
