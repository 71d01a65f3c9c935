package wire

import (
	"encoding/json"
	"math"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// jsonNoHTML encodes v as encoding/json does, without HTML escaping.
func jsonNoHTML(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var out []byte
	// encoding/json escapes <, > and & as \u003c, \u003e and \u0026; the
	// Encoder does not.
	for i := 0; i < len(b); i++ {
		if i+6 <= len(b) && b[i] == '\\' && b[i+1] == 'u' && b[i+2] == '0' && b[i+3] == '0' {
			switch string(b[i+4 : i+6]) {
			case "3c":
				out, i = append(out, '<'), i+5
				continue
			case "3e":
				out, i = append(out, '>'), i+5
				continue
			case "26":
				out, i = append(out, '&'), i+5
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

func TestEncoderStrings(t *testing.T) {
	for _, s := range []string{
		"", "abc", `a"b\c`, "line\nbreak\r\ttab", "\x00\x01\x1f\x7f", "é😀", "bad\xffutf8\xc3",
		"\u2028\u2029", "<a href=\"x\">&</a>", "s3://bucket/key with spaces/clip01.mp4",
	} {
		e := NewEncoder()
		e.String(s)
		got, err := e.Finish()
		require.NoError(t, err)
		if utf8.ValidString(s) {
			require.Equal(t, jsonNoHTML(t, s), string(got), "string %q", s)
		}
		var back, want string
		require.NoError(t, json.Unmarshal(got, &back))
		require.NoError(t, json.Unmarshal([]byte(jsonNoHTML(t, s)), &want))
		require.Equal(t, want, back, "string %q", s)
	}
}

func TestEncoderNumbers(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 0.5, 5, 90, 1e20, 1e21, 1e-6, 1e-7, 123456789.125, -2.5e-9, math.MaxFloat64, math.SmallestNonzeroFloat64} {
		e := NewEncoder()
		e.Float64(f)
		got, err := e.Finish()
		require.NoError(t, err)
		require.Equal(t, jsonNoHTML(t, f), string(got), "double %v", f)

		if f32 := float32(f); !math.IsInf(float64(f32), 0) {
			e = NewEncoder()
			e.Float32(f32)
			got, err = e.Finish()
			require.NoError(t, err)
			require.Equal(t, jsonNoHTML(t, f32), string(got), "float %v", f32)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		e := NewEncoder()
		e.Float64(f)
		_, err := e.Finish()
		require.ErrorIs(t, err, ErrNotFinite)
	}
	e := NewEncoder()
	e.BeginList()
	for _, v := range []int64{0, -1, math.MaxInt64, math.MinInt64} {
		e.Elem()
		e.Int(v)
	}
	e.Elem()
	e.Bool(true)
	e.Elem()
	e.Null()
	e.EndList()
	got, err := e.Finish()
	require.NoError(t, err)
	require.Equal(t, `[0,-1,9223372036854775807,-9223372036854775808,true,null]`, string(got))
}

func TestEncoderValues(t *testing.T) {
	e := NewEncoder()
	e.BeginObject()
	e.Key(`"a":`)
	e.Time(cloudtrail.Time{Time: time.Unix(1, 0), Raw: "1000"})
	e.Key(`"b":`)
	e.Time(cloudtrail.Time{Time: time.Date(2024, 4, 4, 17, 45, 26, 0, time.UTC)})
	e.KeyString("c\"")
	e.Blob([]byte("hi"))
	e.Key(`"d":`)
	e.Raw(nil)
	e.Key(`"e":`)
	e.BeginObject()
	e.EndObject()
	e.EndObject()
	got, err := e.Finish()
	require.NoError(t, err)
	require.Equal(t, `{"a":1000,"b":"2024-04-04T17:45:26Z","c\"":"aGk=","d":null,"e":{}}`, string(got))
}

func TestRaws(t *testing.T) {
	member := func(k string) int {
		switch k {
		case "a", "A":
			return 0
		case "b":
			return 1
		}
		return -1
	}
	kept := cloudtrail.RawMembers{raw("x", "1"), raw("A", `"***"`), raw("y", "null")}
	e := NewEncoder()
	e.BeginObject()
	r := MatchRaws(kept, member)
	r.Put(e, 0) // member 0 is not set: its kept value is written
	e.Key(`"b":`)
	e.Int(2) // member 1 is set and has no kept value
	r.Rest(e)
	e.EndObject()
	got, err := e.Finish()
	require.NoError(t, err)
	require.Equal(t, `{"A":"***","b":2,"x":1,"y":null}`, string(got))

	e = NewEncoder()
	none := MatchRaws(nil, member)
	none.Put(e, 0)
	none.Rest(e)
	require.Empty(t, e.Bytes())
}

func TestSortedKeys(t *testing.T) {
	type code string
	require.Equal(t, []code{"a", "b", "c"}, SortedKeys(map[code]int{"c": 1, "a": 2, "b": 3}))
}

func TestMarshal(t *testing.T) {
	enc := func(v *int, e *Encoder) { e.Int(int64(*v)) }
	got, err := Marshal[int](nil, enc)
	require.NoError(t, err)
	require.Equal(t, "null", string(got))
	n := 7
	got, err = Marshal(&n, enc)
	require.NoError(t, err)
	require.Equal(t, "7", string(got))
}
