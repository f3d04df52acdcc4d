package main

import (
	"errors"
	"fmt"

	"github.com/vpcreach/vpcreach/analyzer"
)

// flagError names the flag a query error is about: an
// *analyzer.EndpointError becomes "--from: WHY" or "--to: WHY". Other
// errors are returned as they are.
func flagError(err error) error {
	var ee *analyzer.EndpointError
	if !errors.As(err, &ee) {
		return err
	}
	flag := "--from"
	if ee.End == analyzer.Destination {
		flag = "--to"
	}
	return fmt.Errorf("%s: %w", flag, ee.Err)
}
