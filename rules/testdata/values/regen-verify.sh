#!/usr/bin/env bash
# Records which single-line rules of the suricata-verify corpus Suricata 7 loads:
# verify-accepted.txt holds the first 16 hex digits of the SHA-256 of each such
# rule (as written in the corpus, blanks around it trimmed). Each distinct rule is
# loaded once, with its first sid renumbered so that no two collide. Needs
# suricata 7 on PATH (or $SURICATA) and ../shared beside the repository; CI does not.
#   rules/testdata/values/regen-verify.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(git -C "$HERE" rev-parse --show-toplevel)"
CORPUS="${CORPUS:-$ROOT/../shared/corpora/suricata-verify}"
SURICATA="${SURICATA:-suricata}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The same selection as verifyRules in values_corpus_test.go.
awk 1 "$CORPUS"/tests/*/*.rules | sed 's/^[[:space:]]*//; s/[[:space:]]*$//' |
  grep -v '^#' | grep ')$' | grep -v '\\$' | LC_ALL=C sort -u >"$work/lines"
awk '{ line = $0; sub(/sid[[:space:]]*:[[:space:]]*[0-9]+[[:space:]]*;/, "sid:" (100000 + NR) ";", line); print line }' \
  "$work/lines" >"$work/renumbered.rules"
"$SURICATA" -T -S "$work/renumbered.rules" -l "$work" >"$work/out" 2>&1 || true
grep -o 'at line [0-9]*$' "$work/out" | awk '{ print $3 }' | sort -n >"$work/refused"
{
  echo "# SHA-256 (16 hex digits) of the suricata-verify rules $("$SURICATA" -V | head -1 | sed 's/This is //') loads. Written by regen-verify.sh."
  awk 'NR == FNR { refused[$1] = 1; next } !(FNR in refused)' "$work/refused" "$work/lines" |
    while IFS= read -r line; do printf '%s' "$line" | sha256sum | cut -c1-16; done | LC_ALL=C sort
} >"$HERE/verify-accepted.txt"
