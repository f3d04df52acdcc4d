#!/usr/bin/env bash
# Regenerates examples/egress-inspection/logs/ from real Suricata output: runs
# the flows of traffic.flows through the rules of deployed.rules (the example's
# policy as "deployed": its rules plus one added outside the model, sid 2000010)
# with the patched Suricata 7.0.10 of the oracle (../shared/oracle beside the
# repository), with alert metadata and netflow enabled in eve.json, and wraps
# the events in Network Firewall's envelope (wrap.py). CI does not run it.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(git -C "$HERE" rev-parse --show-toplevel)"
if [ -z "${ORACLE:-}" ]; then
  for d in "$ROOT/../shared" "$ROOT/../../shared"; do
    if [ -x "$d/oracle/oracle.sh" ]; then ORACLE="$d/oracle/oracle.sh"; break; fi
  done
fi
: "${ORACLE:?oracle.sh not found beside the repository; set ORACLE}"
SURICATA="${SURICATA_BIN:-/tmp/suricata-strict/bin/suricata}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$ORACLE" -rules "$HERE/deployed.rules" -flows "$HERE/traffic.flows" -home-net 10.1.0.0/16 \
  -default-actions aws:drop_established,aws:alert_established -log-pass=false -keep -workdir "$WORK/oracle" >/dev/null
mkdir -p "$WORK/run"
sed -e 's/metadata: no/metadata: yes/' -e 's|        - flow$|        - flow\n        - netflow|' \
  -e "s|default-log-dir: .*|default-log-dir: $WORK/run|" "$WORK/oracle/suricata.yaml" >"$WORK/run/suricata.yaml"
"$SURICATA" --simulate-ips -k none --runmode single -r "$WORK/oracle/input.pcap" \
  -c "$WORK/run/suricata.yaml" -l "$WORK/run" >"$WORK/run/out.txt" 2>&1
OUT="$ROOT/examples/egress-inspection/logs"
rm -rf "$OUT/AWSLogs"
python3 "$HERE/wrap.py" "$OUT" <"$WORK/run/eve.json"
