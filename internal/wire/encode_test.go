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
	// codec does not.
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

// marshal encodes v, failing the test on an error.
func marshal(t *testing.T, v any) string {
	t.Helper()
	out, err := Marshal(v)
	require.NoError(t, err)
	return string(out)
}

func TestEncodeStrings(t *testing.T) {
	for _, s := range []string{
		"", "abc", `a"b\c`, "line\nbreak\r\ttab", "\x00\x01\x1f\x7f", "é😀", "bad\xffutf8\xc3",
		"\u2028\u2029", "<a href=\"x\">&</a>", "s3://bucket/key with spaces/clip01.mp4",
	} {
		got := marshal(t, &obj{S: &s})
		if utf8.ValidString(s) {
			require.Equal(t, `{"s":`+jsonNoHTML(t, s)+`}`, got, "string %q", s)
		}
		var back, want struct{ S string }
		require.NoError(t, json.Unmarshal([]byte(got), &back))
		require.NoError(t, json.Unmarshal([]byte(`{"s":`+jsonNoHTML(t, s)+`}`), &want))
		require.Equal(t, want, back, "string %q", s)
	}
}

func TestEncodeNumbers(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 0.5, 5, 90, 1e20, 1e21, 1e-6, 1e-7, 123456789.125, -2.5e-9, math.MaxFloat64, math.SmallestNonzeroFloat64} {
		require.Equal(t, `{"f":`+jsonNoHTML(t, f)+`}`, marshal(t, &obj{F: &f}), "double %v", f)
		if f32 := float32(f); !math.IsInf(float64(f32), 0) {
			require.Equal(t, `{"f32":`+jsonNoHTML(t, f32)+`}`, marshal(t, &obj{F32: &f32}), "float %v", f32)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		_, err := Marshal(&obj{F: &f})
		require.ErrorIs(t, err, ErrNotFinite)
	}
	l := int64(math.MinInt64)
	i := int32(math.MaxInt32)
	b := false
	require.Equal(t, `{"i":2147483647,"l":-9223372036854775808,"b":false,"ints":[0,-1]}`,
		marshal(t, &obj{I: &i, L: &l, B: &b, Ints: []int32{0, -1}}))
}

func TestEncodeValues(t *testing.T) {
	v := &obj{
		T:     &cloudtrail.Time{Time: time.Unix(1, 0), Raw: "1000"},
		Blob:  []byte("hi"),
		Sub:   &obj{T: &cloudtrail.Time{Time: time.Date(2024, 4, 4, 17, 45, 26, 0, time.UTC)}, Objs: []obj{}},
		Map:   map[string]string{"b": "2", "a": "1"},
		Enums: map[testEnum]testEnum{"z": "Z", "y": "Y"},
		Lists: [][]string{{"a"}, nil, {}},
		U:     &testUnionA{5},
	}
	require.Equal(t, `{"t":1000,"blob":"aGk=","sub":{"t":"2024-04-04T17:45:26Z","objs":[]},"map":{"a":"1","b":"2"},`+
		`"enums":{"y":"Y","z":"Z"},"lists":[["a"],null,[]],"u":{"A":5}}`, marshal(t, v))

	require.Equal(t, `{"u":{"B":{"s":"x"}}}`, marshal(t, &obj{U: &testUnionB{obj{S: ptr("x")}}}))
	require.Equal(t, `{"u":{"C":[1]}}`, marshal(t, &obj{U: &testUnknownMember{"C", json.RawMessage(`[1]`)}}))
	require.Equal(t, `{"u":null}`, marshal(t, &obj{U: (*testUnionA)(nil)}))
	require.Equal(t, `{"C":[1]}`, marshal(t, &testUnknownMember{"C", json.RawMessage(`[1]`)}))
	require.Equal(t, `{"C":null}`, marshal(t, &testUnknownMember{Tag: "C"}))
	require.Equal(t, `{"A":5}`, marshal(t, &testUnionA{5}))
	require.Equal(t, "null", marshal(t, (*obj)(nil)))
	_, err := Marshal(obj{})
	require.Error(t, err)
}

func TestEncodeKeptMembers(t *testing.T) {
	// Kept members stand in for their fields where those are not set, in
	// the fields' places; the others follow the fields in their order.
	v := &obj{S: ptr("a"), UnknownMembers: cloudtrail.RawMembers{raw("x", "1"), raw("I", `"***"`), raw("S", `"old"`), raw("y", "")}}
	require.Equal(t, `{"s":"a","I":"***","x":1,"y":null}`, marshal(t, v))
	require.Equal(t, `{}`, marshal(t, &obj{}))
	// Later members of a name given twice are not written, whether their
	// field is set or not, and whatever their value.
	v = &obj{S: ptr("first"), UnknownMembers: cloudtrail.RawMembers{dup("s", `"first"`), dup("S", `"second"`), dup("i", "5")}}
	require.Equal(t, `{"s":"first"}`, marshal(t, v))
}

// TestRoundTripAsWritten checks that values that convert but are written
// otherwise than the encoder writes them come back as written, unless the
// field has been changed since.
func TestRoundTripAsWritten(t *testing.T) {
	for _, in := range []string{
		`{"i":"90"}`, `{"i":90.0}`, `{"i":9e1}`, `{"i":-0}`, `{"l":"-9223372036854775808"}`,
		`{"f":123456789012345678901}`, `{"f":1.50}`, `{"f":"2.5"}`, `{"f32":0.10000000000000001}`,
		`{"b":"true"}`, `{"b":"FALSE"}`, `{"ints":[1,"2",3.0]}`, `{"t":"1510714652428"}`,
		`{"sub":{"s":"x","i":"5"},"objs":[{"f":1e2}]}`, `{"map":{"a":"b"},"u":{"A":"7"}}`,
		`{"s":"first","s":"second"}`,
	} {
		v, _, err := decodeObj(in)
		require.NoError(t, err, in)
		out := marshal(t, v)
		if in == `{"s":"first","s":"second"}` {
			// The first member counts; a later one is reported, not
			// written twice.
			require.Equal(t, `{"s":"first"}`, out)
			continue
		}
		require.Equal(t, in, out)
	}
	// A field changed since decoding is written with its new value.
	v, _, err := decodeObj(`{"i":"90","s":"x"}`)
	require.NoError(t, err)
	*v.I = 91
	require.Equal(t, `{"s":"x","i":91}`, marshal(t, v))
}
