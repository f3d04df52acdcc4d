package main

import (
	"encoding/json"
	"io"
)

// writeJSON prints v as indented JSON without HTML escaping ("->" stays
// readable), followed by a newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
