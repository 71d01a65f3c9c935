package typedtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"

	"github.com/google/go-cmp/cmp"
)

// Number is a JSON number in a normalized form, its exact value as a
// fraction, so that 90, 90.0 and 9e1 are the same Number.
type Number string

// Normalize decodes a JSON value into a form in which the values that
// records write in different ways but that mean the same are equal:
//
//   - object keys are lower-cased (keys are matched without regard to case,
//     and a record may write Tags where the model's name is tags);
//   - numbers become Numbers, compared by value;
//   - strings that hold a JSON number become Numbers too, and the strings
//     "true" and "false" (in any case) become booleans, because the typed
//     decoders convert such strings where the model has a number or a
//     boolean, and encode the converted value.
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
	case json.Number:
		return number(string(v)), nil
	case string:
		if strings.EqualFold(v, "true") {
			return true, nil
		}
		if strings.EqualFold(v, "false") {
			return false, nil
		}
		if json.Valid([]byte(v)) && v != "" && (v[0] == '-' || '0' <= v[0] && v[0] <= '9') {
			return number(v), nil
		}
	}
	return v, nil
}

func number(s string) Number {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return Number(s)
	}
	return Number(r.RatString())
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
