#!/usr/bin/env node
// The `org` command: all behaviour is in main(); this file only connects it to the process. It is
// CommonJS (bin/package.json): Node starts a CommonJS file without its ES-module loader, which
// would cost a short run such as `org validate` more than a tenth of its time.
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The version alone needs none of the program: scripts that probe it should not wait for it to load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadMain } = require('./cached.cjs');
  const { main, nodeIo, saveCache } = loadMain();
  main(args, nodeIo()).then((code) => {
    process.exitCode = code;
    saveCache(process.env.ORG_WRITE_CODE_CACHE === '1');
  });
}
