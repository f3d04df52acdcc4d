package rules

import (
	"strconv"
	"strings"
)

// classificationConfig is Suricata 7.0.10's etc/classification.config:
// "config classification: NAME,DESCRIPTION,PRIORITY" lines. A rule's
// classtype gives its priority when it has no priority keyword; only
// DEFAULT_ACTION_ORDER uses it.
const classificationConfig = `
config classification: not-suspicious,Not Suspicious Traffic,3
config classification: unknown,Unknown Traffic,3
config classification: bad-unknown,Potentially Bad Traffic, 2
config classification: attempted-recon,Attempted Information Leak,2
config classification: successful-recon-limited,Information Leak,2
config classification: successful-recon-largescale,Large Scale Information Leak,2
config classification: attempted-dos,Attempted Denial of Service,2
config classification: successful-dos,Denial of Service,2
config classification: attempted-user,Attempted User Privilege Gain,1
config classification: unsuccessful-user,Unsuccessful User Privilege Gain,1
config classification: successful-user,Successful User Privilege Gain,1
config classification: attempted-admin,Attempted Administrator Privilege Gain,1
config classification: successful-admin,Successful Administrator Privilege Gain,1
config classification: rpc-portmap-decode,Decode of an RPC Query,2
config classification: shellcode-detect,Executable code was detected,1
config classification: string-detect,A suspicious string was detected,3
config classification: suspicious-filename-detect,A suspicious filename was detected,2
config classification: suspicious-login,An attempted login using a suspicious username was detected,2
config classification: system-call-detect,A system call was detected,2
config classification: tcp-connection,A TCP connection was detected,4
config classification: trojan-activity,A Network Trojan was detected, 1
config classification: unusual-client-port-connection,A client was using an unusual port,2
config classification: network-scan,Detection of a Network Scan,3
config classification: denial-of-service,Detection of a Denial of Service Attack,2
config classification: non-standard-protocol,Detection of a non-standard protocol or event,2
config classification: protocol-command-decode,Generic Protocol Command Decode,3
config classification: web-application-activity,access to a potentially vulnerable web application,2
config classification: web-application-attack,Web Application Attack,1
config classification: misc-activity,Misc activity,3
config classification: misc-attack,Misc Attack,2
config classification: icmp-event,Generic ICMP event,3
config classification: inappropriate-content,Inappropriate Content was Detected,1
config classification: policy-violation,Potential Corporate Privacy Violation,1
config classification: default-login-attempt,Attempt to login by a default username and password,2
config classification: targeted-activity,Targeted Malicious Activity was Detected,1
config classification: exploit-kit,Exploit Kit Activity Detected,1
config classification: external-ip-check,Device Retrieving External IP Address Detected,2
config classification: domain-c2,Domain Observed Used for C2 Detected,1
config classification: pup-activity,Possibly Unwanted Program Detected,2
config classification: credential-theft,Successful Credential Theft Detected,1
config classification: social-engineering,Possible Social Engineering Attempted,2
config classification: coin-mining,Crypto Currency Mining Activity Detected,2
config classification: command-and-control,Malware Command and Control Activity Detected,1
`

// defaultPriority is Suricata's priority for a rule with neither a
// priority keyword nor a known classtype.
const defaultPriority = 3

// classtypePriorities maps each classtype of classificationConfig to its
// priority. It is built once, at package initialisation, and only read.
var classtypePriorities = parseClassification(classificationConfig)

// parseClassification reads "config classification: NAME,DESCRIPTION,
// PRIORITY" lines; a line whose priority is not a number is left out.
func parseClassification(config string) map[string]int {
	out := map[string]int{}
	for _, line := range strings.Split(config, "\n") {
		rest, ok := strings.CutPrefix(line, "config classification:")
		if !ok {
			continue
		}
		fields := strings.Split(rest, ",")
		if len(fields) < 3 {
			continue
		}
		if p, err := strconv.Atoi(strings.TrimSpace(fields[len(fields)-1])); err == nil {
			out[strings.TrimSpace(fields[0])] = p
		}
	}
	return out
}

// classtypePriority returns the priority Suricata assigns to classtype
// name, and whether the name is known.
func classtypePriority(name string) (int, bool) {
	p, ok := classtypePriorities[strings.TrimSpace(name)]
	return p, ok
}
