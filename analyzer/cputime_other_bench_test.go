//go:build !unix

package analyzer_test

import "time"

// processCPU is not measured on this system: the cpu-ms metric reads 0.
func processCPU() time.Duration { return 0 }
