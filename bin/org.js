#!/usr/bin/env node
// The `org` command: all behaviour is in main(); this file only connects it to the process.
import { createRequire } from 'node:module';

const { loadMain } = createRequire(import.meta.url)('./cached.cjs');
const { main, nodeIo, saveCache } = loadMain();
process.exitCode = await main(process.argv.slice(2), nodeIo());
saveCache(process.env.ORG_WRITE_CODE_CACHE === '1');
