// Package ports models sets of TCP/UDP port numbers as sorted, disjoint,
// non-adjacent ranges. It mirrors go4.org/netipx's IPSet for ports: values
// are immutable once built and safe for concurrent use.
package ports

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Max is the largest port number.
const Max = 65535

// Range is the inclusive port interval [Lo, Hi]. The zero Range is port 0
// alone.
type Range struct {
	Lo, Hi uint16
}

// Single returns the range holding only p.
func Single(p uint16) Range { return Range{p, p} }

// All is the range of every port, 0-65535.
func All() Range { return Range{0, Max} }

// Contains reports whether p lies in r.
func (r Range) Contains(p uint16) bool { return r.Lo <= p && p <= r.Hi }

// IsAll reports whether r covers every port.
func (r Range) IsAll() bool { return r.Lo == 0 && r.Hi == Max }

// String renders r as "443" or "1024-65535".
func (r Range) String() string { return r.Format("-") }

// Format renders r with sep between the bounds ("1024:65535" for Suricata).
func (r Range) Format(sep string) string {
	if r.Lo == r.Hi {
		return strconv.Itoa(int(r.Lo))
	}
	return strconv.Itoa(int(r.Lo)) + sep + strconv.Itoa(int(r.Hi))
}

// Set is an immutable set of ports. The zero Set is empty: it means no
// port, never "any" (which is AllSet), as a nil or empty netipx.IPSet
// means no address.
type Set struct {
	rs []Range // sorted, disjoint, non-adjacent
}

// NewSet returns the union of the given ranges. A range with Lo > Hi is
// taken as empty.
func NewSet(rs ...Range) Set {
	in := make([]Range, 0, len(rs))
	for _, r := range rs {
		if r.Lo <= r.Hi {
			in = append(in, r)
		}
	}
	return Set{rs: normalize(in)}
}

// AllSet returns the set of every port.
func AllSet() Set { return Set{rs: []Range{All()}} }

func normalize(in []Range) []Range {
	if len(in) == 0 {
		return nil
	}
	sort.Slice(in, func(i, j int) bool { return in[i].Lo < in[j].Lo })
	out := []Range{in[0]}
	for _, r := range in[1:] {
		last := &out[len(out)-1]
		if uint32(r.Lo) <= uint32(last.Hi)+1 {
			if r.Hi > last.Hi {
				last.Hi = r.Hi
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

// Ranges returns the set's ranges in ascending order. The caller must not
// modify the result.
func (s Set) Ranges() []Range { return s.rs }

// IsEmpty reports whether s holds no port.
func (s Set) IsEmpty() bool { return len(s.rs) == 0 }

// IsAll reports whether s holds every port.
func (s Set) IsAll() bool { return len(s.rs) == 1 && s.rs[0].IsAll() }

// Contains reports whether p is in s.
func (s Set) Contains(p uint16) bool {
	i := sort.Search(len(s.rs), func(i int) bool { return s.rs[i].Hi >= p })
	return i < len(s.rs) && s.rs[i].Lo <= p
}

// Union returns s ∪ o.
func (s Set) Union(o Set) Set {
	all := make([]Range, 0, len(s.rs)+len(o.rs))
	all = append(all, s.rs...)
	all = append(all, o.rs...)
	return Set{rs: normalize(all)}
}

// Complement returns every port not in s.
func (s Set) Complement() Set {
	var out []Range
	next := uint32(0)
	for _, r := range s.rs {
		if uint32(r.Lo) > next {
			out = append(out, Range{uint16(next), r.Lo - 1})
		}
		next = uint32(r.Hi) + 1
	}
	if next <= Max {
		out = append(out, Range{uint16(next), Max})
	}
	return Set{rs: out}
}

// Intersect returns s ∩ o.
func (s Set) Intersect(o Set) Set {
	var out []Range
	i, j := 0, 0
	for i < len(s.rs) && j < len(o.rs) {
		a, b := s.rs[i], o.rs[j]
		lo, hi := max(a.Lo, b.Lo), min(a.Hi, b.Hi)
		if lo <= hi {
			out = append(out, Range{lo, hi})
		}
		if a.Hi < b.Hi {
			i++
		} else {
			j++
		}
	}
	return Set{rs: out}
}

// Equal reports whether s and o hold the same ports.
func (s Set) Equal(o Set) bool {
	if len(s.rs) != len(o.rs) {
		return false
	}
	for i := range s.rs {
		if s.rs[i] != o.rs[i] {
			return false
		}
	}
	return true
}

// String renders s as "any" (every port), "none" (empty), or a comma list
// such as "80,443,1024-65535".
func (s Set) String() string { return s.Format("-") }

// Format renders s like String with sep between range bounds.
func (s Set) Format(sep string) string {
	switch {
	case s.IsAll():
		return "any"
	case s.IsEmpty():
		return "none"
	}
	parts := make([]string, len(s.rs))
	for i, r := range s.rs {
		parts[i] = r.Format(sep)
	}
	return strings.Join(parts, ",")
}

// Strings renders each range of s ("any" for the full set), for JSON output.
func (s Set) Strings() []string {
	if s.IsAll() {
		return []string{"any"}
	}
	out := make([]string, len(s.rs))
	for i, r := range s.rs {
		out[i] = r.String()
	}
	return out
}

// ParseRange parses "443", "1024-65535" or "1024:65535". Bounds must be in
// 0-65535 and ordered.
func ParseRange(s string) (Range, error) {
	s = strings.TrimSpace(s)
	sep := strings.IndexAny(s, "-:")
	if sep < 0 {
		p, err := parsePort(s)
		return Range{p, p}, err
	}
	lo, err := parsePort(s[:sep])
	if err != nil {
		return Range{}, err
	}
	hi, err := parsePort(s[sep+1:])
	if err != nil {
		return Range{}, err
	}
	if lo > hi {
		return Range{}, fmt.Errorf("port range %q: %d is greater than %d", s, lo, hi)
	}
	return Range{lo, hi}, nil
}

func parsePort(s string) (uint16, error) {
	s = strings.TrimSpace(s)
	n, err := strconv.Atoi(s)
	if err != nil || s == "" || s[0] == '+' || s[0] == '-' {
		return 0, fmt.Errorf("%q is not a port number", s)
	}
	if n < 0 || n > Max {
		return 0, fmt.Errorf("port %d is outside 0-65535", n)
	}
	return uint16(n), nil
}

// ParseList parses a comma-separated list of ports and ranges, such as
// "443,8443" or "80,1024-65535", into a Set.
func ParseList(s string) (Set, error) {
	var rs []Range
	for _, part := range strings.Split(s, ",") {
		r, err := ParseRange(part)
		if err != nil {
			return Set{}, err
		}
		rs = append(rs, r)
	}
	return NewSet(rs...), nil
}
