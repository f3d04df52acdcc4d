// Package gen writes synthetic AWS organisations as vpcreach topologies, for
// benchmarks, scale tests and demonstrations (cmd/vpcgen is its command).
//
// The organisation is AWS's centralized-inspection design
// (examples/centralized-inspection) at scale, over three AZs:
//
//   - N spoke VPCs (10.0.32.0/20, 10.0.48.0/20, ...), each with an
//     application subnet (/22) and a TGW subnet (/28) per AZ, one instance
//     per application subnet, a security group, and, for about one spoke in
//     five, a network ACL; everything that leaves a spoke goes to the
//     transit gateway;
//   - an inspection VPC (10.0.0.0/20) with a firewall endpoint per AZ: its
//     TGW subnets send everything to their AZ's endpoint, its firewall
//     subnets back to the transit gateway; its attachment has appliance
//     mode (Config.ApplianceMode);
//   - an egress VPC (10.0.16.0/20) with a NAT gateway per AZ and the
//     internet gateway; its public subnets route 10.0.0.0/8 back to the
//     transit gateway;
//   - TGW route tables "spoke" (spokes and egress: 0.0.0.0/0 to the
//     inspection VPC) and "firewall" (inspection: the propagated routes of
//     every other VPC, and 0.0.0.0/0 to the egress VPC);
//   - a STRICT_ORDER firewall policy (aws:drop_established) with
//     Config.Rules rules: 5-tuple Suricata rules between spokes (a
//     rules_file), standard stateful_rule blocks (a blocklist and DNS),
//     a few inline (heredoc) TLS exceptions, TLS SNI and HTTP Host rules (a
//     rules_file), and a domain allow list; optionally the ET Open corpus
//     as a further rules_file group (Config.ETOpen).
//
// A few rules are fixed so that known queries have known answers (see
// InternetHost, AllowedSNI and the Port constants); the rest are drawn from
// a PRNG seeded by Config.Seed, so the output is a pure function of the
// Config (and of the ET Open files, when given). expect.hcl states the
// known answers, so `vpcreach check` can verify a generated organisation.
package gen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
)

// MaxSpokes is the largest number of spokes the address plan holds: one
// /20 per spoke in 10.0.0.0/8, after the inspection and egress VPCs.
const MaxSpokes = 4094

// MinRules is the smallest rule budget: the fixed rules and one rule of
// each generated kind.
const MinRules = 40

// NumAZs is the number of availability zones every VPC spans.
const NumAZs = 3

// AZ returns the name of availability zone k (0 <= k < NumAZs):
// "us-east-1a", "us-east-1b", "us-east-1c".
func AZ(k int) string { return "us-east-1" + azSuffix(k) }

// azSuffix returns "a", "b" or "c" for AZ k.
func azSuffix(k int) string { return string(rune('a' + k)) }

// Known facts of every generated organisation, for tests and benchmarks.
const (
	// InternetHost is an internet address no rule names.
	InternetHost = "93.184.216.34"
	// AllowedSNI is a TLS server name the policy passes to the internet
	// on port 443; any other name is dropped (by the domain allow list or
	// the default action).
	AllowedSNI = "updates.example.com"
	// EastWestPort is a TCP port every spoke may reach on every other
	// spoke (a header-only pass rule, latched on the whole flow).
	EastWestPort = 443
	// DeniedPort is a TCP port the firewall drops between spokes (SSH),
	// although every security group admits it.
	DeniedPort = 22
)

// Config describes the organisation to generate.
type Config struct {
	// Spokes is the number of spoke VPCs, 1..MaxSpokes.
	Spokes int
	// Rules is the number of synthetic stateful rules (as compiled, so a
	// domain list of T targets counts 2T+2), at least MinRules. The total
	// can exceed it by a few rules of rounding.
	Rules int
	// Seed selects the pseudo-random choices (rule pairs, ports, names,
	// which spokes have network ACLs).
	Seed uint64
	// ApplianceMode is set on the inspection VPC's TGW attachment. Without
	// it, a flow between spokes in different AZs is inspected by one
	// endpoint and its reply by another (FIREWALL_ASYMMETRIC_ROUTING).
	ApplianceMode bool
	// ETOpen, when not empty, is a directory of ET Open *.rules files,
	// added as STRICT_ORDER rule groups et_open_01, et_open_02, ... (rules
	// files "et-open-01.rules", ..., each under AWS's 2,000,000-byte rules
	// string quota; priorities from 50, before the synthetic groups) with
	// the Suricata variables it uses. Rules AWS Network Firewall refuses (threshold,
	// ftp-data) are commented out.
	ETOpen string
	// Endpoints adds VPC endpoints: in every spoke an SSM Interface
	// endpoint (a network interface per app subnet) and an S3 Gateway
	// endpoint on the app route table, and the S3 prefix list
	// (endpoints.hcl).
	Endpoints bool
}

// DefaultConfig returns the configuration of `vpcgen` without flags.
func DefaultConfig() Config {
	return Config{Spokes: 10, Rules: 1000, Seed: 1, ApplianceMode: true}
}

// Files is a generated topology: file contents by file name (no
// directories).
type Files map[string][]byte

// Generate builds the organisation cfg describes. It fails for an
// out-of-range Config or an unreadable ET Open directory.
func Generate(cfg Config) (Files, error) {
	if cfg.Spokes < 1 || cfg.Spokes > MaxSpokes {
		return nil, fmt.Errorf("spokes must be between 1 and %d, not %d", MaxSpokes, cfg.Spokes)
	}
	if cfg.Rules < MinRules {
		return nil, fmt.Errorf("rules must be at least %d, not %d", MinRules, cfg.Rules)
	}
	g := &generator{cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, 0x76706367656e)), files: Files{}}
	g.spokes()
	if cfg.Endpoints {
		g.s3PrefixList()
	}
	g.inspection()
	g.egress()
	g.transit()
	if cfg.ETOpen != "" {
		if err := g.etOpen(cfg.ETOpen); err != nil {
			return nil, err
		}
	}
	g.policy()
	g.expects()
	return g.files, nil
}

// Names returns the file names, sorted.
func (f Files) Names() []string {
	names := make([]string, 0, len(f))
	for n := range f {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Size returns the total number of bytes of the files.
func (f Files) Size() int {
	n := 0
	for _, b := range f {
		n += len(b)
	}
	return n
}

// WriteDir writes the files into dir, creating it. It refuses a directory
// that holds *.hcl or *.rules files, unless replace is set, in which case
// those files are removed first (so a smaller organisation leaves no
// stale spoke behind). Other files are left alone.
func (f Files) WriteDir(dir string, replace bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var old []string
	for _, pat := range []string{"*.hcl", "*.rules"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		if err != nil {
			return err
		}
		old = append(old, m...)
	}
	if len(old) > 0 && !replace {
		return fmt.Errorf("%s already holds a topology (%s, ...); choose an empty directory or replace it",
			dir, filepath.Base(old[0]))
	}
	for _, p := range old {
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	for _, n := range f.Names() {
		if err := os.WriteFile(filepath.Join(dir, n), f[n], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// generator holds the state of one Generate call.
type generator struct {
	cfg   Config
	rng   *rand.Rand
	files Files
	// etGroups are the names of the ET Open rule groups, in order.
	etGroups []string
}

// put makes b's contents file name.
func (g *generator) put(name string, b *bytes.Buffer) { g.files[name] = b.Bytes() }
