// Makes a release tag whose tree holds the build, so that the tag installs from git with no build
// step: `npm install -g git+https://…#v0.2.0`, `npm install -D git+…#v0.2.0` and pre-commit's
// `rev: v0.2.0` all work on a machine with nothing but Node and npm.
//
// Why the build is in the tag and not made at install time: npm builds a git dependency by running
// `npm install` inside the clone before `prepare`, but for a global install it hands its --global
// flag down to that inner install, which then replaces the package being installed with a link to
// the temporary clone (npm/cli#8440, open in npm 11). Any build script at all sets that off. So the
// tagged tree has the built files and a package.json without build scripts; the branch itself keeps
// dist/ out of version control and builds with `prepare` as usual (local git installs and
// `npm pack` use it).
//
// The commit is made with a temporary index, next to the current HEAD (its parent), without
// touching the working tree or the branch. Usage: npm run release (tags v<version> of package.json).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const tag = `v${pkg.version}`;
const index = join(root, '.git-release-index.tmp');
const run = (env) => (args, input) => execFileSync('git', args, { cwd: root, input, env, encoding: 'utf8' }).trim();
const git = run(process.env);
/** Git with the temporary index, so the real one (and what is staged in it) is left alone. */
const gitTmp = run({ ...process.env, GIT_INDEX_FILE: index });

if (git(['status', '--porcelain', '--untracked-files=no']) !== '')
  throw new Error('release: commit or stash the changes first');
if (git(['tag', '--list', tag]) !== '')
  throw new Error(`release: tag ${tag} exists; raise the version in package.json and CHANGELOG.md`);
if (!readFileSync(join(root, 'CHANGELOG.md'), 'utf8').includes(`## ${pkg.version}`))
  throw new Error(`release: CHANGELOG.md has no section for ${pkg.version}`);

execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
const built = pkg.files.filter((f) => f.startsWith('dist/'));
for (const f of built) if (!existsSync(join(root, f))) throw new Error(`release: the build did not make ${f}`);

// npm prepares a git dependency (and meets npm/cli#8440 for global installs) when it has any of
// these scripts, `build` included; the released tree is already built and needs none of them.
const scripts = Object.fromEntries(
  Object.entries(pkg.scripts).filter(
    ([name]) => !['prepare', 'prepack', 'build', 'install', 'preinstall', 'postinstall', 'release'].includes(name),
  ),
);
const releasedPkg = `${JSON.stringify({ ...pkg, scripts }, null, 2)}\n`;
rmSync(index, { force: true });
try {
  gitTmp(['read-tree', 'HEAD']);
  gitTmp(['add', '--force', '--', ...built]);
  const blob = gitTmp(['hash-object', '-w', '--stdin'], releasedPkg);
  gitTmp(['update-index', '--cacheinfo', `100644,${blob},package.json`]);
  const tree = gitTmp(['write-tree']);
  const commit = gitTmp([
    'commit-tree',
    tree,
    '-p',
    'HEAD',
    '-m',
    `Release ${pkg.version}: the tagged tree carries the build`,
  ]);
  git(['tag', '-a', tag, commit, '-m', `orgcode ${pkg.version}`]);
  console.log(`${tag} → ${commit.slice(0, 12)} (${built.join(', ')})`);
} finally {
  rmSync(index, { force: true });
}
