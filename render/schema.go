package render

import _ "embed" // the JSON Schema

// schemaJSON is schema/vpcreach-v1.json; a string, so it cannot be changed.
//
//go:embed schema/vpcreach-v1.json
var schemaJSON string

// SchemaID is the $id of the JSON Schema of schema_version 1.
const SchemaID = "https://github.com/vpcreach/vpcreach/render/schema/vpcreach-v1.json"

// JSONSchema returns the JSON Schema (draft 2020-12) of every JSON
// document vpcreach writes at schema_version 1: the path analysis, the
// matrix and the check report (package jsonwire). Each call returns a
// fresh copy.
func JSONSchema() []byte { return []byte(schemaJSON) }
