package typedtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/google/go-cmp/cmp"
)

// Normalize decodes a JSON value into a form for comparing values as
// written: object keys are lower-cased (keys are matched without regard to
// case, and a record may write Tags where the model's name is tags), and
// numbers are kept as their text (json.Number), so that 90, 90.0 and "90"
// are three values, as they are in a record.
//
// Empty data is null. Two keys of one object that differ only in case are
// an error.
func Normalize(data []byte) (any, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return normalize(v)
}

func normalize(v any) (any, error) {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			lk := strings.ToLower(k)
			if _, dup := out[lk]; dup {
				return nil, fmt.Errorf("object has two keys %q without regard to case", lk)
			}
			n, err := normalize(x)
			if err != nil {
				return nil, err
			}
			out[lk] = n
		}
		return out, nil
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			n, err := normalize(x)
			if err != nil {
				return nil, err
			}
			out[i] = n
		}
		return out, nil
	}
	return v, nil
}

// JSONDiff compares two JSON values after Normalize and returns their
// differences, empty when they are equal.
func JSONDiff(want, got []byte) (string, error) {
	w, err := Normalize(want)
	if err != nil {
		return "", fmt.Errorf("want: %w", err)
	}
	g, err := Normalize(got)
	if err != nil {
		return "", fmt.Errorf("got: %w", err)
	}
	return cmp.Diff(w, g), nil
}
