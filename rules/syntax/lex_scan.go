package syntax

// Word-at-a-time scans of rule text (SWAR): rules are mostly printable
// ASCII, so checking 8 bytes per step keeps these passes cheap.

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// load64 reads 8 bytes of s at i, little-endian.
func load64(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// isControl reports whether c is a control character Suricata refuses in
// a rule (tabs are allowed).
func isControl(c byte) bool { return (c < 0x20 && c != '\t') || c == 0x7f }

// scanText returns the offset of the first control character of s (see
// isControl), or -1, and whether s is ASCII.
func scanText(s string) (ctrl int, ascii bool) {
	var high uint64
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := load64(s, i)
		high |= w
		del := w ^ (ones * 0x7f)
		if (w-ones*0x20)&^w&highs == 0 && (del-ones)&^del&highs == 0 {
			continue
		}
		for j := i; j < i+8; j++ {
			if isControl(s[j]) {
				return j, false
			}
		}
	}
	for ; i < len(s); i++ {
		high |= uint64(s[i])
		if isControl(s[i]) {
			return i, false
		}
	}
	return -1, high&highs == 0
}

// IsASCII reports whether s holds only ASCII bytes.
func IsASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if load64(s, i)&highs != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
