// Loads the bundled CLI (dist/main.cjs) with V8's code cache. Compiling the bundle is a large part
// of a short run such as `org validate` in CI; the cache is produced at build time after a real run
// (so it also holds the functions that run compiled lazily) and is checked by V8 itself: a cache
// from another Node version is rejected, the bundle is compiled as usual, and a fresh cache is
// written for the next run when the folder is writable.
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const file = join(__dirname, '..', 'dist', 'main.cjs');
const cacheFile = join(__dirname, '..', 'dist', 'main.cache');

function loadMain() {
  const source = readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname(file));
  const stale = cachedData === undefined || script.cachedDataRejected === true;
  /** Writes the cache after the run, so it includes what the run compiled. */
  const saveCache = (force) => {
    if (!stale && !force) return;
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // A read-only installation keeps working without a cache.
    }
  };
  return { main: mod.exports.main, nodeIo: mod.exports.nodeIo, saveCache };
}

module.exports = { loadMain };
