package wire

import (
	"bytes"
	"encoding/json"
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
	if !r.Put(e, 0) && v.S != nil {
		e.Key(`"s":`)
		e.String(*v.S)
	}
	if !r.Put(e, 1) && v.E != "" {
		e.Key(`"e":`)
		e.String(v.E)
	}
	if !r.Put(e, 2) && v.I != nil {
		e.Key(`"i":`)
		e.Int(int64(*v.I))
	}
	if !r.Put(e, 3) && v.L != nil {
		e.Key(`"l":`)
		e.Int(*v.L)
	}
	if !r.Put(e, 4) && v.F != nil {
		e.Key(`"f":`)
		e.Float64(*v.F)
	}
	if !r.Put(e, 5) && v.F32 != nil {
		e.Key(`"f32":`)
		e.Float32(*v.F32)
	}
	if !r.Put(e, 6) && v.B != nil {
		e.Key(`"b":`)
		e.Bool(*v.B)
	}
	if !r.Put(e, 7) && v.T != nil {
		e.Key(`"t":`)
		e.Time(*v.T)
	}
	if !r.Put(e, 8) && v.Blob != nil {
		e.Key(`"blob":`)
		e.Blob(v.Blob)
	}
	if !r.Put(e, 9) && v.Doc != nil {
		e.Key(`"doc":`)
		e.Raw(v.Doc)
	}
	if !r.Put(e, 10) && v.Sub != nil {
		e.Key(`"sub":`)
		encodeObj(e, v.Sub)
	}
	if !r.Put(e, 11) && v.Ints != nil {
		e.Key(`"ints":`)
		e.BeginList()
		for _, x := range v.Ints {
			e.Elem()
			e.Int(int64(x))
		}
		e.EndList()
	}
	if !r.Put(e, 12) && v.Objs != nil {
		e.Key(`"objs":`)
		e.BeginList()
		for i := range v.Objs {
			e.Elem()
			encodeObj(e, &v.Objs[i])
		}
		e.EndList()
	}
	if !r.Put(e, 13) && v.Map != nil {
		e.Key(`"map":`)
		e.BeginObject()
		for _, k := range SortedKeys(v.Map) {
			e.KeyString(k)
			e.String(v.Map[k])
		}
		e.EndObject()
	}
	r.Rest(e)
	e.EndObject()
}
