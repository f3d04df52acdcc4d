// Package examples holds example topologies, one directory each, with a
// README.md that says what the example shows and which queries are worth
// asking. examples_test.go loads every directory and requires that it has
// no diagnostics, so the examples cannot rot.
package examples
