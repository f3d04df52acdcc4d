#!/usr/bin/env python3
"""Wraps Suricata's eve.json in Network Firewall's log envelope.

Reads eve.json on stdin and writes, under the directory given as argument,
the alert and flow logs in S3's layout (AWSLogs/ACCOUNT/network-firewall/
{alert,flow}/REGION/FIREWALL/YYYY/MM/DD/HH/...log, plain JSON lines).
Alert events become alert log records and netflow events flow log records;
Network Firewall logs no drop or flow events, so those are left out. The
AZ is the client's: 10.1.10.0/24 is us-east-1a, 10.1.11.0/24 us-east-1b
(examples/egress-inspection). Times move from the oracle's 2024-01-01
00:00 to 2025-12-02 09:00 UTC.
"""
import json, os, sys

ACCOUNT, REGION, FIREWALL = "123456789012", "us-east-1", "fw"
EPOCH = 1764666000  # 2025-12-02T09:00:00Z


def az(ev):
    for ip in (ev.get("src_ip", ""), ev.get("dest_ip", "")):
        if ip.startswith("10.1.10."):
            return "us-east-1a"
        if ip.startswith("10.1.11."):
            return "us-east-1b"
    return REGION + "a"


def main(out):
    logs = {"alert": [], "flow": []}
    for line in sys.stdin:
        ev = json.loads(line)
        kind = {"alert": "alert", "netflow": "flow"}.get(ev.get("event_type"))
        if kind is None:
            continue
        ev["timestamp"] = ev["timestamp"].replace("2024-01-01T00:00:00", "2025-12-02T09:00:00")
        for k in ("start", "end"):
            if k in ev.get("netflow", {}):
                ev["netflow"][k] = ev["netflow"][k].replace("2024-01-01T00:00:00", "2025-12-02T09:00:00")
        env = {"firewall_name": FIREWALL, "availability_zone": az(ev), "event_timestamp": str(EPOCH), "event": ev}
        logs[kind].append(json.dumps(env, separators=(",", ":")))
    for kind, lines in logs.items():
        d = os.path.join(out, "AWSLogs", ACCOUNT, "network-firewall", kind, REGION, FIREWALL, "2025", "12", "02", "09")
        os.makedirs(d, exist_ok=True)
        name = f"{ACCOUNT}_network-firewall_{FIREWALL}_202512020900_{kind}.log"
        with open(os.path.join(d, name), "w") as f:
            f.write("\n".join(lines) + "\n")


main(sys.argv[1])
