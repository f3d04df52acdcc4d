#!/usr/bin/env bash
# Regenerates the recorded oracle verdicts (results/*.jsonl) from manifest.txt.
# Needs the Suricata oracle (../shared/oracle beside the repository); CI does not.
#   rules/testdata/oracle/regen.sh [CASE...]     (from anywhere)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(git -C "$HERE" rev-parse --show-toplevel)"
if [ -z "${ORACLE:-}" ]; then
  # shared/ sits beside the repository (a clone of main), or beside the worktrees' parent.
  for d in "$ROOT/../shared" "$ROOT/../../shared"; do
    if [ -x "$d/oracle/oracle.sh" ]; then ORACLE="$d/oracle/oracle.sh"; break; fi
  done
fi
: "${ORACLE:?oracle.sh not found beside the repository; set ORACLE}"
cd "$HERE"
want=" $* "
while read -r name rules flows order defaults stream home; do
  case "$name" in ''|'#'*) continue ;; esac
  if [ $# -gt 0 ] && [[ "$want" != *" $name "* ]]; then continue; fi
  args=(-json -fail-on-rule-error -order "$order" -home-net "$home"
        -rules "rules/$rules.rules" -flows "flows/$flows.flows")
  [ "$defaults" != - ] && args+=(-default-actions "$defaults")
  case "$stream" in
    DROP) ;;
    REJECT) args+=(-set stream.midstream-policy=reject) ;;
    CONTINUE) args+=(-set stream.midstream-policy=ignore) ;;
    *) echo "regen.sh: $name: bad stream exception $stream" >&2; exit 2 ;;
  esac
  "$ORACLE" "${args[@]}" >"results/$name.jsonl.tmp" 2>"results/$name.err" || {
    echo "regen.sh: $name failed:" >&2; cat "results/$name.err" >&2; exit 1; }
  mv "results/$name.jsonl.tmp" "results/$name.jsonl"
  rm -f "results/$name.err"
  echo "$name: $(wc -l <"results/$name.jsonl") flows"
done <manifest.txt
