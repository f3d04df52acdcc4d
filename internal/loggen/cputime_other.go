//go:build !unix

package loggen

import "time"

// ProcessCPU returns 0: the CPU time is not known on this system.
func ProcessCPU() time.Duration { return 0 }
