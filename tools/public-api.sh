#!/usr/bin/env bash
# Brings a library's public API baseline (PublicAPI.Shipped.txt / PublicAPI.Unshipped.txt, PublicApiAnalyzers) in
# line with its code: symbols the build reports as new (RS0016) are appended to Unshipped, symbols it reports as gone
# or changed (RS0017) are removed from both files. Review the diff of the two files: it is the API change.
#   tools/public-api.sh host/MedCard.Host            # update
#   tools/public-api.sh host/MedCard.Host --ship     # update, then move everything in Unshipped into Shipped
# Why not `dotnet format analyzers --diagnostics RS0016`: it fills an empty baseline but adds nothing once Shipped
# has content, so the build's own diagnostics (which quote the exact baseline line) are used instead.
set -euo pipefail
dir=${1:?usage: tools/public-api.sh <library folder> [--ship]}
ship=${2:-}
proj=$(ls "$dir"/*.csproj)
shipped="$dir/PublicAPI.Shipped.txt"
unshipped="$dir/PublicAPI.Unshipped.txt"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build "$proj" --no-incremental -nologo -v quiet -p:TreatWarningsAsErrors=false >"$log" 2>&1 || true
symbols() { # $1 = rule id: the quoted symbols of that rule's diagnostics in this project, one per line, unique
  grep -E "(warning|error) $1: " "$log" | grep -F "[$(realpath "$proj")" \
    | sed -E "s/^.*$1: Symbol '(.*)' is (not part of the declared public API|part of the declared API, but).*/\1/" | sort -u || true
}
gone=$(symbols RS0017)
if [ -n "$gone" ]; then
  for f in "$shipped" "$unshipped"; do
    grep -vxF -f <(printf '%s\n' "$gone") "$f" >"$f.tmp" || true
    mv "$f.tmp" "$f"
  done
fi
new=$(symbols RS0016)
if [ -n "$new" ]; then
  printf '%s\n' "$new" >>"$unshipped"
fi
if [ "$ship" = "--ship" ]; then
  { head -n 1 "$shipped"; { tail -n +2 "$shipped"; tail -n +2 "$unshipped"; } | grep -v '^$' | LC_ALL=C sort -u; } >"$shipped.tmp"
  mv "$shipped.tmp" "$shipped"
  printf '#nullable enable\n' >"$unshipped"
fi
echo "$dir: $(printf '%s' "$new" | grep -c . || true) added, $(printf '%s' "$gone" | grep -c . || true) removed"
