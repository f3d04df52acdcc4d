//go:build !unix

package awscli_test

import "time"

// processCPU is not measured off Unix.
func processCPU() time.Duration { return 0 }

// maxRSS is not measured off Unix.
func maxRSS() int64 { return 0 }
