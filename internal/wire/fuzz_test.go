package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"
)

// FuzzDecodeWire feeds arbitrary bytes to the Decoder through a structure
// of every member kind: it must not panic, must agree with encoding/json
// on what is valid JSON, and whatever it decodes must encode to valid JSON.
func FuzzDecodeWire(f *testing.F) {
	for _, seed := range []string{
		`{"s":"a","e":"X","i":5,"l":"6","f":1.5,"f32":2,"b":"true","t":1510714652436,"blob":"aGk=","doc":[1]}`,
		`{"sub":{"sub":"***"},"ints":[1,"2",3.0,null],"objs":[{"objs":[{}]},1],"map":{"a":"b","c":1}}`,
		`{"lists":[["a"],[1]],"u":{"A":1},"zz":{"deep":[[[{"x":null}]]]}}`,
		`{"u":{"A":1,"B":{}}}`, `{"t":"Nov 15, 2017 9:26:29 PM"}`, `null`, `"x"`, `{"s":"\ud83d\ude00\u0000"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, _, err := decodeObj(string(data))
		if err == nil && !json.Valid(data) && len(bytes.TrimSpace(data)) > 0 {
			t.Fatalf("decoded invalid JSON %q", data)
		}
		if Valid(data) != json.Valid(data) {
			t.Fatalf("Valid(%q) = %v, encoding/json says %v", data, Valid(data), json.Valid(data))
		}
		if v == nil {
			return
		}
		e := NewEncoder()
		encodeObj(e, v)
		out, err := e.Finish()
		if err != nil {
			return
		}
		if !json.Valid(out) {
			t.Fatalf("encoding of %q is not JSON: %q", data, out)
		}
	})
}

// encodeObj encodes an obj as generated code would, enough to check that
// the output is JSON.
func encodeObj(e *Encoder, v *obj) {
	e.BeginObject()
	r := MatchRaws(v.Raw, memberObj)
	if v.S != nil {
		e.Key(`"s":`)
		e.String(*v.S)
	} else {
		r.Put(e, 0)
	}
	if v.E != "" {
		e.Key(`"e":`)
		e.String(v.E)
	} else {
		r.Put(e, 1)
	}
	if v.I != nil {
		e.Key(`"i":`)
		e.Int(int64(*v.I))
	} else {
		r.Put(e, 2)
	}
	if v.L != nil {
		e.Key(`"l":`)
		e.Int(*v.L)
	} else {
		r.Put(e, 3)
	}
	if v.F != nil {
		e.Key(`"f":`)
		e.Float64(*v.F)
	} else {
		r.Put(e, 4)
	}
	if v.F32 != nil {
		e.Key(`"f32":`)
		e.Float32(*v.F32)
	} else {
		r.Put(e, 5)
	}
	if v.B != nil {
		e.Key(`"b":`)
		e.Bool(*v.B)
	} else {
		r.Put(e, 6)
	}
	if v.T != nil {
		e.Key(`"t":`)
		e.Time(*v.T)
	} else {
		r.Put(e, 7)
	}
	if v.Blob != nil {
		e.Key(`"blob":`)
		e.Blob(v.Blob)
	} else {
		r.Put(e, 8)
	}
	if v.Doc != nil {
		e.Key(`"doc":`)
		e.Raw(v.Doc)
	} else {
		r.Put(e, 9)
	}
	if v.Sub != nil {
		e.Key(`"sub":`)
		encodeObj(e, v.Sub)
	} else {
		r.Put(e, 10)
	}
	if v.Ints != nil {
		e.Key(`"ints":`)
		e.BeginList()
		for _, x := range v.Ints {
			e.Elem()
			e.Int(int64(x))
		}
		e.EndList()
	} else {
		r.Put(e, 11)
	}
	if v.Objs != nil {
		e.Key(`"objs":`)
		e.BeginList()
		for i := range v.Objs {
			e.Elem()
			encodeObj(e, &v.Objs[i])
		}
		e.EndList()
	} else {
		r.Put(e, 12)
	}
	if v.Map != nil {
		e.Key(`"map":`)
		e.BeginObject()
		for _, k := range SortedKeys(v.Map) {
			e.KeyString(k)
			e.String(v.Map[k])
		}
		e.EndObject()
	} else {
		r.Put(e, 13)
	}
	r.Rest(e)
	e.EndObject()
}

// FuzzParseInt checks the integer conversion of JSON numbers against exact
// rational arithmetic.
func FuzzParseInt(f *testing.F) {
	for _, s := range []string{"90", "90.0", "9e1", "-1.5e1", "90.5", "9223372036854775807.0", "1e400", "0e-7", "1152921504607615119.0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end, integer := scanNumber(text, 0)
		if end != len(text) || len(text) > 200 {
			return
		}
		got, err := parseInt(text, integer, math.MinInt64, math.MaxInt64)
		if i := strings.IndexAny(text, "eE"); i >= 0 && len(strings.TrimLeft(text[i+1:], "+-0")) > 4 {
			return // exponents big.Rat will not take; covered by TestParseInt
		}
		r, ok := new(big.Rat).SetString(text)
		if !ok {
			t.Fatalf("big.Rat cannot read %q", text)
		}
		switch {
		case !r.IsInt():
			if !errors.Is(err, ErrNotInteger) {
				t.Fatalf("%q is not integral: got %d, %v", text, got, err)
			}
		case !r.Num().IsInt64():
			if !errors.Is(err, ErrRange) {
				t.Fatalf("%q is out of range: got %d, %v", text, got, err)
			}
		case err != nil || got != r.Num().Int64():
			t.Fatalf("%q: got %d, %v, want %s", text, got, err, r.Num())
		}
	})
}
