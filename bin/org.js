#!/usr/bin/env node
// The `org` command: all behaviour is in main(); this file only connects it to the process.
import { main, nodeIo } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2), nodeIo());
