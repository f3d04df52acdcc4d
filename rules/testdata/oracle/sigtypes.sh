#!/usr/bin/env bash
# Records Suricata's signature type (--engine-analysis rules.json "type") for
# every rule of rules/*.rules and sigtypes/et-sample.rules into
# sigtypes/<file>.types (one "sid type" per line). Needs the oracle (for its
# suricata.yaml) and /usr/bin/suricata; CI reads only the recorded files.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
cd "$HERE"
if [ -z "${ORACLE:-}" ]; then
  ROOT="$(git rev-parse --show-toplevel)"
  for d in "$ROOT/../shared" "$ROOT/../../shared"; do
    if [ -x "$d/oracle/oracle.sh" ]; then ORACLE="$d/oracle/oracle.sh"; break; fi
  done
fi
: "${ORACLE:?oracle.sh not found beside the repository; set ORACLE}"
SURICATA="${SURICATA:-/usr/bin/suricata}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
echo 'pass ip any any -> any any (sid:1;)' >"$tmp/dummy.rules"
echo '{"id":"x","src":"10.1.1.10","dst":"198.51.100.7","dport":80,"app":"none"}' >"$tmp/x.flows"
"$ORACLE" -order action -home-net 10.1.1.0/24 -rules "$tmp/dummy.rules" -flows "$tmp/x.flows" \
  -keep -workdir "$tmp/w" >/dev/null 2>&1
printf 'engine-analysis:\n  rules-fast-pattern: no\n  rules: yes\n' >>"$tmp/w/suricata.yaml"
for f in rules/*.rules sigtypes/et-sample.rules; do
  base="$(basename "$f" .rules)"
  rm -rf "$tmp/ea"; mkdir "$tmp/ea"
  grep -v '^\s*#' "$f" | grep -v '^\s*$' >"$tmp/in.rules"
  "$SURICATA" --engine-analysis -c "$tmp/w/suricata.yaml" -S "$tmp/in.rules" -l "$tmp/ea" >/dev/null 2>&1
  jq -r '"\(.id) \(.type)"' "$tmp/ea/rules.json" >"sigtypes/$base.types"
  echo "$base: $(wc -l <"sigtypes/$base.types") rules"
done
