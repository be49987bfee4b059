#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt and drops the ones reported as removed (RS0017). Usage:
#   tools/update-public-api.sh src/Assistants.Client/Assistants.Client.csproj [extra dotnet build args]
set -euo pipefail
project="$1"; shift || true
dir="$(dirname "$project")"
unshipped="$dir/PublicAPI.Unshipped.txt"
for attempt in 1 2 3; do
  log="$(dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false "$@" 2>&1 || true)"
  added="$(grep -oP "RS0016: Symbol '\K.*?(?=' is not part of the declared public API)" <<<"$log" | sort -u || true)"
  removed="$(grep -oP "RS0017: Symbol '\K.*?(?=' is part of the declared API, but)" <<<"$log" | sort -u || true)"
  [[ -z "$added" && -z "$removed" ]] && break
  {
    head -n1 "$unshipped"
    { tail -n +2 "$unshipped"; [[ -n "$added" ]] && printf '%s\n' "$added"; } \
      | grep -vxF -f <(printf '%s\n' "${removed:-@@none@@}") | sed '/^$/d' | sort -u
  } > "$unshipped.tmp"
  mv "$unshipped.tmp" "$unshipped"
  echo "public API: +$(grep -c . <<<"$added" || true) -$(grep -c . <<<"$removed" || true)"
done
