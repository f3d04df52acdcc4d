#!/usr/bin/env bash
# Writes the ET Open topology of issue 18 into OUT: a firewall whose
# STRICT_ORDER policy has one rule group per ET Open rules file (47 groups,
# 24,827 rules), each with rules_file and the ip_set/port_set variables ET
# Open uses (suricata.yaml's values: the server groups are HOME_NET). The
# rules files are copied into OUT, since a topology reads only inside its root;
# a file over AWS's quota of 2,000,000 bytes per rules string is split at line
# boundaries into groups of its own (NAME, NAME_2, ...).
# usage: bench/etopen-topology.sh CORPUS_RULES_DIR OUT
set -euo pipefail
src="$1"; out="$2"
mkdir -p "$out/rules"
home="10.0.0.0/16"
cat > "$out/network.hcl" <<HCL
vpc "inspection" {
  cidr_blocks = ["$home"]
}

subnet "firewall_a" {
  vpc               = vpc.inspection
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.firewall_a
}

route_table "firewall_a" {
  vpc = vpc.inspection
}

network_firewall "fw" {
  vpc             = vpc.inspection
  policy = firewall_policy.et
}

firewall_endpoint "fw_a" {
  firewall = network_firewall.fw
  subnet   = subnet.firewall_a
}
HCL
policy="$out/policy.hcl"
{
  echo 'firewall_policy "et" {'
  echo '  stateful_rule_order      = "STRICT_ORDER"'
  echo '  stateful_default_actions = ["aws:drop_established"]'
} > "$policy"
groups=""
prio=0
for f in "$src"/*.rules; do
  grep -qE '^(alert|drop|pass|reject)' "$f" || continue
  stem="$(basename "$f" .rules)"
  split -C 1900000 -d -a 2 "$f" "$out/rules/$stem.part"
  for part in "$out/rules/$stem".part*; do
    n="${part##*.part}"
    base="$stem"; [ "$n" = "00" ] || base="${stem}_$((10#$n + 1))"
    mv "$part" "$out/rules/$base.rules"
    name="et_$(echo "$base" | tr -c 'a-zA-Z0-9_\n' '_')"
    prio=$((prio + 10))
    printf '  stateful_rule_group {\n    rule_group = rule_group.%s\n    priority   = %d\n  }\n' "$name" "$prio" >> "$policy"
    groups+="$name:$base "
  done
done
echo '}' >> "$policy"
for g in $groups; do
  name="${g%%:*}"; base="${g#*:}"
  {
    printf '\nrule_group "%s" {\n  rule_order = "STRICT_ORDER"\n' "$name"
    for s in AIM_SERVERS DNS_SERVERS HTTP_SERVERS SMTP_SERVERS SQL_SERVERS TELNET_SERVERS; do
      printf '  ip_set "%s" {\n    definition = ["%s"]\n  }\n' "$s" "$home"
    done
    printf '  port_set "HTTP_PORTS" {\n    definition = ["80"]\n  }\n'
    printf '  port_set "ORACLE_PORTS" {\n    definition = ["1521"]\n  }\n'
    printf '  port_set "SHELLCODE_PORTS" {\n    definition = ["0:79", "81:65535"]\n  }\n'
    printf '  port_set "SSH_PORTS" {\n    definition = ["22"]\n  }\n'
    printf '  rules_file = "rules/%s.rules"\n}\n' "$base"
  } >> "$policy"
done
