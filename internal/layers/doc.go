// Package layers holds the test that keeps the package boundaries of
// ARCHITECTURE.md: which of the module's packages each package may import.
// It has no code of its own.
package layers
