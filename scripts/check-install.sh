#!/usr/bin/env bash
# Installs orgcode every way a user would, each with an empty npm cache in a fresh directory, and
# runs `org validate` on a new `org init` structure each time: a global install from git (the
# release tag), a tarball from `npm pack` (global and through npx), a dev dependency from git (the
# tag, and the branch, which builds with `prepare`), and the pre-commit hooks with the real
# pre-commit (skipped with a note when it is not installed). It needs the npm registry, so it is
# not part of `npm test`: run `npm run check:install` (CI runs it after the tests).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
version=$(node -p "require('$root/package.json').version")
tag="v$version"
step() { printf '\n== %s\n' "$*"; }
ok() { printf 'ok: %s\n' "$*"; }
npm_quiet=(--no-audit --no-fund --loglevel=error)

step "a repository to install from: this one's commits and tags"
git clone -q "$root" "$tmp/src"
git -C "$root" tag --list 'v*' | while read -r t; do git -C "$tmp/src" fetch -q "$root" "refs/tags/$t:refs/tags/$t"; done
ln -s "$root/node_modules" "$tmp/src/node_modules"
if ! git -C "$tmp/src" rev-parse -q --verify "refs/tags/$tag" >/dev/null; then
  echo "no tag $tag yet: making the release in the clone"
  (cd "$tmp/src" && node scripts/release.mjs)
fi
git clone -q --bare "$tmp/src" "$tmp/org.git"
url="git+file://$tmp/org.git"
"$root/bin/org.js" init "$tmp/s" >/dev/null

check() { # check NAME ORG-COMMAND…: `org validate` of the new structure passes
  local name=$1
  shift
  (cd "$tmp" && "$@" validate s >/dev/null) && ok "$name" || { echo "FAILED: $name"; exit 1; }
}

step "npm install -g $url#$tag"
npm install -g --prefix "$tmp/global-git" --cache "$tmp/cache-1" "${npm_quiet[@]}" "$url#$tag"
check "global install from git" "$tmp/global-git/bin/org"

step "npm pack, then npm install -g and npx with the tarball"
(cd "$tmp/src" && npm pack --silent --pack-destination "$tmp" >/dev/null)
tarball="orgcode-$version.tgz"
files=$(tar -tzf "$tmp/$tarball")
for needed in package/LICENSE package/CHANGELOG.md package/bin/org.js package/dist/main.cjs package/dist/index.js package/dist/index.d.ts package/schemas/unit.schema.json; do
  grep -qx "$needed" <<<"$files" || { echo "FAILED: $needed is not in the tarball"; exit 1; }
done
if grep -E '\.map$|^package/(src|tests|structure|bench)/' <<<"$files"; then echo "FAILED: the tarball carries the files above"; exit 1; fi
ok "tarball holds $(wc -l <<<"$files") files, $(du -k "$tmp/$tarball" | cut -f1) kB"
npm install -g --prefix "$tmp/global-tgz" --cache "$tmp/cache-2" "${npm_quiet[@]}" "$tmp/$tarball"
check "global install from the tarball" "$tmp/global-tgz/bin/org"
check "npx with the tarball" npx --yes --cache "$tmp/cache-3" "./$tarball"

step "npm install -D from git (the tag, and the branch, built by prepare)"
for ref in "$tag" ""; do
  project="$tmp/project-${ref:-branch}"
  mkdir -p "$project" && (cd "$project" && npm init -y >/dev/null && npm install -D --cache "$tmp/cache-4${ref:+-tag}" "${npm_quiet[@]}" "$url${ref:+#$ref}")
  check "dev dependency from git ${ref:-(branch)}" "$project/node_modules/.bin/org"
done

step "pre-commit try-repo"
if ! command -v pre-commit >/dev/null; then
  echo "note: pre-commit is not installed (apt-get install pre-commit); the hooks were not tried"
  exit 0
fi
repo="$tmp/with-hooks"
git init -q "$repo"
cp -r "$tmp/s" "$repo/structure"
git -C "$repo" add -A && git -C "$repo" -c user.name=t -c user.email=t@example.org commit -qm structure
export PRE_COMMIT_HOME="$tmp/pre-commit-home" npm_config_cache="$tmp/cache-5"
for hook in org-validate org-fmt-check; do
  (cd "$repo" && pre-commit try-repo "$tmp/org.git" "$hook" --ref "$tag" --all-files >/dev/null) && ok "pre-commit $hook" || { echo "FAILED: pre-commit $hook"; exit 1; }
done
printf 'id: broken\nkind: nope\nname: Broken\nparent: nowhere\n' >"$repo/structure/units/broken.yaml"
git -C "$repo" add -A
if out=$(cd "$repo" && pre-commit try-repo "$tmp/org.git" org-validate --ref "$tag" 2>&1); then
  echo "FAILED: the hook passed a broken unit"; exit 1
fi
grep -q 'structure/units/broken.yaml' <<<"$out" && ok "pre-commit org-validate fails on a broken unit and names it"
