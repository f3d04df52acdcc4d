#!/usr/bin/env bash
# Records which rules of cases.rules Suricata loads (suricata.txt: "LINE OK" or
# "LINE ERR" per rule line), with `suricata -T` (test the configuration and exit)
# and the stock configuration. Needs suricata 7 on PATH (or $SURICATA); CI does not.
#   rules/testdata/values/regen.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SURICATA="${SURICATA:-suricata}"
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
out="$("$SURICATA" -T -S "$HERE/cases.rules" -l "$logs" 2>&1 || true)"
version="$("$SURICATA" -V | head -1)"
{
  echo "# $version -T on cases.rules: one line per rule, LINE OK|ERR. Written by regen.sh."
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    case "$line" in ''|'#'*) continue ;; esac
    if grep -q "at line $n\$" <<<"$out"; then echo "$n ERR"; else echo "$n OK"; fi
  done <"$HERE/cases.rules"
} >"$HERE/suricata.txt"
