package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// JSONFile is an input JSON file held in memory, for decoding with
// positions and for rendering diagnostics (as an hcl.File with Bytes).
type JSONFile struct {
	Name string
	Data []byte
	// lines holds the offset of each line start, built on first use.
	lines []int
}

// HCLFile returns the file as diagnostics render it.
func (f *JSONFile) HCLFile() *hcl.File { return &hcl.File{Bytes: f.Data} }

// Pos returns the line, column and byte of offset in the file.
func (f *JSONFile) Pos(offset int64) hcl.Pos {
	if f.lines == nil {
		f.lines = []int{0}
		for i, c := range f.Data {
			if c == '\n' {
				f.lines = append(f.lines, i+1)
			}
		}
	}
	off := int(min(max(offset, 0), int64(len(f.Data))))
	lo, hi := 0, len(f.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if f.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	col := utf8.RuneCount(f.Data[f.lines[lo]:off]) + 1
	return hcl.Pos{Line: lo + 1, Column: col, Byte: off}
}

// Range returns a range of one character at offset.
func (f *JSONFile) Range(offset int64) hcl.Range {
	start := f.Pos(offset)
	end := start
	if start.Byte < len(f.Data) {
		end = hcl.Pos{Line: start.Line, Column: start.Column + 1, Byte: start.Byte + 1}
	}
	return hcl.Range{Filename: f.Name, Start: start, End: end}
}

// Where returns "file:line:col" of offset, for the report.
func (f *JSONFile) Where(offset int64) string {
	p := f.Pos(offset)
	return fmt.Sprintf("%s:%d:%d", f.Name, p.Line, p.Column)
}

// Errorf returns an error diagnostic at offset.
func (f *JSONFile) Errorf(offset int64, summary, format string, args ...any) *hcl.Diagnostic {
	r := f.Range(offset)
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(format, args...), Subject: &r}
}

// DecodeError turns an encoding/json error found decoding the value at
// base into a located diagnostic.
func (f *JSONFile) DecodeError(base int64, err error) *hcl.Diagnostic {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return f.Errorf(base+se.Offset-1, "Invalid JSON", "%s is not valid JSON: %s.", f.Name, se.Error())
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = "a value"
		}
		return f.Errorf(base+te.Offset-1, "Unexpected JSON value",
			"%s: %s is a JSON %s, where %s was expected.", f.Name, field, te.Value, te.Type.String())
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		// Point at the last character the file holds.
		end := int64(len(bytes.TrimRight(f.Data, " \t\r\n"))) - 1
		return f.Errorf(end, "Truncated JSON", "%s ends before its JSON value does; the file is truncated after this.", f.Name)
	}
	return f.Errorf(base, "Invalid JSON", "%s cannot be read as JSON: %s.", f.Name, err.Error())
}

// Member is one member of a JSON object: its key and value, and where the
// value starts in the file.
type Member struct {
	Key    string
	Value  json.RawMessage
	Offset int64
}

// Members decodes the top-level JSON object of the file into its members,
// in file order. Anything else (not JSON, not an object, trailing data)
// is a located error.
func (f *JSONFile) Members() ([]Member, *hcl.Diagnostic) {
	dec := json.NewDecoder(bytes.NewReader(f.Data))
	tok, err := dec.Token()
	if err != nil {
		return nil, f.DecodeError(0, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, f.Errorf(skipSpace(f.Data, 0), "Not a JSON object",
			"%s does not hold a JSON object; expected the output of an AWS CLI call or of terraform show -json.", f.Name)
	}
	var out []Member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, f.DecodeError(0, err)
		}
		key, _ := tok.(string)
		start := skipSpace(f.Data, dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, f.DecodeError(0, err)
		}
		out = append(out, Member{Key: key, Value: raw, Offset: start})
	}
	if _, err := dec.Token(); err != nil {
		return nil, f.DecodeError(0, err)
	}
	end := skipSpace(f.Data, dec.InputOffset())
	if _, err := dec.Token(); err != io.EOF {
		return nil, f.Errorf(end, "Invalid JSON", "%s holds more than one JSON value.", f.Name)
	}
	return out, nil
}

// Elements decodes the JSON array raw, which starts at offset base of the
// file, into its elements with their offsets. A value that is not an
// array is a located error.
func (f *JSONFile) Elements(raw json.RawMessage, base int64, what string) ([]Member, *hcl.Diagnostic) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil {
		return nil, f.DecodeError(base, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		if tok == nil {
			return nil, nil // null: no elements
		}
		return nil, f.Errorf(base, "Unexpected JSON value", "%s: %s is not a JSON array.", f.Name, what)
	}
	var out []Member
	for dec.More() {
		start := base + skipSpace(raw, dec.InputOffset())
		var el json.RawMessage
		if err := dec.Decode(&el); err != nil {
			return nil, f.DecodeError(base, err)
		}
		out = append(out, Member{Value: el, Offset: start})
	}
	return out, nil
}

// Unmarshal decodes raw (at offset base of the file) into v, locating
// errors.
func (f *JSONFile) Unmarshal(raw json.RawMessage, base int64, v any) *hcl.Diagnostic {
	if err := json.Unmarshal(raw, v); err != nil {
		return f.DecodeError(base, err)
	}
	return nil
}

// skipSpace returns the offset of the first byte at or after off that is
// not JSON white space, a colon or a comma.
func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\n', '\r', ':', ',':
			off++
			continue
		}
		break
	}
	return off
}

// ObjectMembers decodes the JSON object raw, which starts at offset base
// of the file, into its members keyed by name (the last of duplicates).
func (f *JSONFile) ObjectMembers(raw json.RawMessage, base int64) (map[string]Member, *hcl.Diagnostic) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil {
		return nil, f.DecodeError(base, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, f.Errorf(base, "Unexpected JSON value", "%s: expected a JSON object here.", f.Name)
	}
	out := map[string]Member{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, f.DecodeError(base, err)
		}
		key, _ := tok.(string)
		start := base + skipSpace(raw, dec.InputOffset())
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, f.DecodeError(base, err)
		}
		out[key] = Member{Key: key, Value: v, Offset: start}
	}
	return out, nil
}
