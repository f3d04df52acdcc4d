//go:build unix

package loggen

import (
	"syscall"
	"time"
)

// ProcessCPU returns the CPU time (user + system) the process has used,
// 0 where it is not known. Benchmarks report it beside wall time because
// the wall time of a loaded machine says little.
func ProcessCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
