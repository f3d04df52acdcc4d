package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/agext/levenshtein"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/topology"
)

// checkChoice returns nil when v is one of choices, else an error that
// lists them and names the nearest (a likely typo).
func checkChoice(flag, v string, choices ...string) error {
	for _, c := range choices {
		if v == c {
			return nil
		}
	}
	hint := ""
	if n := nearest(v, choices); n != "" {
		hint = fmt.Sprintf("; did you mean %q?", n)
	}
	return fmt.Errorf("%s %q: use one of %s%s", flag, v, strings.Join(choices, ", "), hint)
}

// nearest returns the candidate nearest to s: equal but for case, the same
// letters in another order ("tpc"), or at most 1 edit away (2 for words of
// more than 4 characters); "" when none is. "sctp" suggests nothing:
// a real protocol is not a typo of tcp.
func nearest(s string, candidates []string) string {
	ls := strings.ToLower(s)
	best, bestDist := "", 2
	if len(s) > 4 {
		bestDist = 3
	}
	for _, c := range candidates {
		if ls == c || sortedLetters(ls) == sortedLetters(c) {
			return c
		}
		if d := levenshtein.Distance(ls, c, nil); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

func sortedLetters(s string) string {
	b := []byte(s)
	slices.Sort(b)
	return string(b)
}

// didYouMean is "; did you mean PREFIX+X?" for the candidate nearest to
// s, or "".
func didYouMean(s string, candidates []string, prefix string) string {
	if n := nearest(s, candidates); n != "" {
		return fmt.Sprintf("; did you mean %s%s?", prefix, n)
	}
	return ""
}

// parseProtocol parses --protocol (any case), suggesting the nearest
// protocol for a typo.
func parseProtocol(s string) (topology.Protocol, error) {
	p, err := analyzer.ParseProtocol(s)
	if err != nil {
		hint := ""
		if n := nearest(s, []string{"tcp", "udp", "icmp"}); n != "" {
			hint = fmt.Sprintf("; did you mean %q?", n)
		}
		return 0, fmt.Errorf("--protocol: %w%s", err, hint)
	}
	return p, nil
}

// parseApp checks --app (any case, aliases taken) against the known
// application protocols.
func parseApp(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	app, ok := topology.CanonicalAppProtocol(s)
	if ok {
		return app, nil
	}
	hint := ""
	if app != "" {
		hint = fmt.Sprintf("; did you mean %q?", app)
	}
	return "", fmt.Errorf("--app %q: unknown application protocol%s (known: %s)", s, hint,
		strings.Join(topology.AppProtocols(), ", "))
}

// notForICMP returns an error naming the first of flags that was given:
// ICMP has no ports and carries no application protocol, so these flags
// would be ignored, and an ignored flag is a silently different question.
func notForICMP(cmd *cobra.Command, flags ...string) error {
	for _, f := range flags {
		if cmd.Flags().Changed(f) {
			return fmt.Errorf("--%s does not apply to --protocol icmp, which has no ports or application protocol; "+
				"remove it, or use --protocol tcp or udp", f)
		}
	}
	return nil
}

// noArgs is cobra.NoArgs with a did-you-mean among the subcommands, for a
// mistyped command ("anaylze").
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2
	}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += "; did you mean " + cmd.CommandPath() + " " + s[0] + "?"
	}
	return errors.New(msg)
}

// flagErrorFunc rewrites pflag's errors for people: an unknown flag gets the
// nearest flag of the command, and a number flag given a word (--port
// https) says what to write instead of quoting strconv.
func flagErrorFunc(cmd *cobra.Command, err error) error {
	var ne *pflag.NotExistError
	if errors.As(err, &ne) && ne.GetSpecifiedShortnames() == "" {
		var names []string
		cmd.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
		return fmt.Errorf("%w%s", err, didYouMean(ne.GetSpecifiedName(), names, "--"))
	}
	var ve *pflag.InvalidValueError
	if errors.As(err, &ve) && ve.GetFlag().Value.Type() == "int" {
		return fmt.Errorf("--%s %q: %s", ve.GetFlag().Name, ve.GetValue(), numberHint(ve.GetFlag().Name, ve.GetValue()))
	}
	return err
}

// wellKnownPorts maps service names a user may write for a port to the
// port. Read-only.
var wellKnownPorts = map[string]int{
	"ftp": 21, "ssh": 22, "telnet": 23, "smtp": 25, "dns": 53, "domain": 53, "http": 80, "pop3": 110,
	"ntp": 123, "imap": 143, "snmp": 161, "ldap": 389, "https": 443, "smb": 445, "imaps": 993,
	"mysql": 3306, "rdp": 3389, "postgres": 5432, "postgresql": 5432,
}

// numberHint says what a number flag wants, and for a port given by
// service name, which number to write.
func numberHint(flag, v string) string {
	if !strings.Contains(flag, "port") {
		return "not a number"
	}
	hint := "a port is a number from 0 to 65535"
	if p, ok := wellKnownPorts[strings.ToLower(v)]; ok {
		hint += fmt.Sprintf("; %s is port %d: write --%s %d", strings.ToLower(v), p, flag, p)
		if flag == "port" {
			hint += " (--app chooses the application protocol when it is not the port's usual one)"
		}
	}
	return hint
}
