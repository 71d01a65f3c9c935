package wire

import (
	"encoding/json"
	"github.com/mediatrail/mediatrail/internal/jsonscan"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// obj is a structure with a field of every kind the codec knows, tagged
// as the generator tags them.
type obj struct {
	S              *string               `json:"s,omitempty"`
	E              testEnum              `json:"e,omitempty"`
	I              *int32                `json:"i,omitempty" cloudtrail:"x-amzn-i"`
	L              *int64                `json:"l,omitempty"`
	F              *float64              `json:"f,omitempty"`
	F32            *float32              `json:"f32,omitempty"`
	B              *bool                 `json:"b,omitempty"`
	T              *cloudtrail.Time      `json:"t,omitempty"`
	Blob           []byte                `json:"blob,omitempty"`
	Doc            json.RawMessage       `json:"doc,omitempty"`
	Sub            *obj                  `json:"sub,omitempty"`
	Ints           []int32               `json:"ints,omitempty"`
	Objs           []obj                 `json:"objs,omitempty"`
	Map            map[string]string     `json:"map,omitempty"`
	Enums          map[testEnum]testEnum `json:"enums,omitempty"`
	Lists          [][]string            `json:"lists,omitempty"`
	U              testUnion             `json:"u,omitempty"`
	UnknownMembers cloudtrail.RawMembers `json:"-"`
}

type testEnum string

// testUnion is a union of an integer member A and a structure member B.
type testUnion interface{ isTestUnion() }

type testUnionA struct {
	Value int32 `json:"A"`
}

type testUnionB struct {
	Value obj `json:"B"`
}

type testUnknownMember struct {
	Tag   string
	Value json.RawMessage
}

func (*testUnionA) isTestUnion()        {}
func (*testUnionB) isTestUnion()        {}
func (*testUnknownMember) isTestUnion() {}

func init() {
	registerUnions([]any{(*testUnionA)(nil), (*testUnionB)(nil)}, (*testUnknownMember)(nil))
}

// decodeObj decodes data as a requestParameters.
func decodeObj(data string) (*obj, cloudtrail.FieldErrors, error) {
	d := newDecoder()
	defer d.release()
	p := d.document(data, "requestParameters", infoOf(reflect.TypeFor[obj]()), nil)
	if d.err != nil {
		return (*obj)(p), d.errs, d.syntaxError()
	}
	return (*obj)(p), d.errs, nil
}

func ptr[T any](v T) *T { return &v }

func raw(name, value string) cloudtrail.RawMember {
	return cloudtrail.RawMember{Name: name, Value: json.RawMessage(value)}
}

// dup is a kept later member of a name given before.
func dup(name, value string) cloudtrail.RawMember {
	return cloudtrail.RawMember{Name: name, Value: json.RawMessage(value), Duplicate: true}
}

var cmpObj = cmp.Options{
	cmp.Comparer(func(a, b cloudtrail.Time) bool { return a.Time.Equal(b.Time) && a.Raw == b.Raw }),
	cmp.Comparer(func(a, b json.RawMessage) bool { return string(a) == string(b) }),
}

// fieldError is a FieldError without its cause, for comparing.
type fieldError struct{ Path, Raw, Want string }

func plainErrors(errs cloudtrail.FieldErrors) []fieldError {
	var out []fieldError
	for _, e := range errs {
		out = append(out, fieldError{e.Path, e.Raw, e.Want})
	}
	return out
}

func TestConversions(t *testing.T) {
	tm := func(sec, nsec int64, raw string) *cloudtrail.Time {
		return &cloudtrail.Time{Time: time.Unix(sec, nsec).UTC(), Raw: raw}
	}
	tests := []struct {
		name string
		in   string
		want *obj
		errs []fieldError
		is   error // the cause of the only error, if any
	}{
		{name: "string", in: `{"s":"abc"}`, want: &obj{S: ptr("abc")}},
		{name: "string escapes", in: `{"s":"a\"b\\c\/d\n\u00e9\ud83d\ude00"}`, want: &obj{S: ptr("a\"b\\c/d\né😀")}},
		{name: "string lone surrogate", in: `{"s":"\ud83dx"}`, want: &obj{S: ptr("\ufffdx")}},
		{name: "string hidden", in: `{"s":"HIDDEN_DUE_TO_SECURITY_REASONS"}`, want: &obj{S: ptr("HIDDEN_DUE_TO_SECURITY_REASONS")}},
		{name: "string from number", in: `{"s":5}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("s", "5")}},
			errs: []fieldError{{"requestParameters.s", "5", "string"}}, is: cloudtrail.ErrConvert},
		{name: "null kept", in: `{"s":null,"I":null}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("s", "null"), raw("I", "null")}}},
		{name: "enum", in: `{"e":"H_264"}`, want: &obj{E: "H_264"}},
		{name: "enum empty kept", in: `{"e":""}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("e", `""`)}}},
		{name: "enum from object", in: `{"e":{}}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("e", "{}")}},
			errs: []fieldError{{"requestParameters.e", "{}", "enum"}}},
		{name: "int", in: `{"i":5000000}`, want: &obj{I: ptr[int32](5000000)}},
		{name: "int negative", in: `{"i":-7}`, want: &obj{I: ptr[int32](-7)}},
		{name: "int from string", in: `{"i":"5000000"}`, want: &obj{I: ptr[int32](5000000), UnknownMembers: cloudtrail.RawMembers{raw("i", `"5000000"`)}}},
		{name: "int from integral float", in: `{"i":90.0}`, want: &obj{I: ptr[int32](90), UnknownMembers: cloudtrail.RawMembers{raw("i", "90.0")}}},
		{name: "int from exponent", in: `{"i":9e1}`, want: &obj{I: ptr[int32](90), UnknownMembers: cloudtrail.RawMembers{raw("i", "9e1")}}},
		{name: "int minus zero", in: `{"i":-0}`, want: &obj{I: ptr[int32](0), UnknownMembers: cloudtrail.RawMembers{raw("i", "-0")}}},
		{name: "int from fraction", in: `{"i":90.5}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("i", "90.5")}},
			errs: []fieldError{{"requestParameters.i", "90.5", "integer"}}, is: cloudtrail.ErrNotInteger},
		{name: "int overflow", in: `{"i":2147483648}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("i", "2147483648")}},
			errs: []fieldError{{"requestParameters.i", "2147483648", "integer"}}, is: cloudtrail.ErrOutOfRange},
		{name: "int from word", in: `{"i":"high"}`,
			want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("i", `"high"`)}},
			errs: []fieldError{{"requestParameters.i", `"high"`, "integer"}}, is: cloudtrail.ErrNotNumber},
		{name: "int redacted", in: `{"i":"HIDDEN_DUE_TO_SECURITY_REASONS"}`,
			want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("i", `"HIDDEN_DUE_TO_SECURITY_REASONS"`)}},
			errs: []fieldError{{"requestParameters.i", `"HIDDEN_DUE_TO_SECURITY_REASONS"`, "integer"}}, is: cloudtrail.ErrRedacted},
		{name: "structure redacted", in: `{"sub":"***"}`,
			want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("sub", `"***"`)}},
			errs: []fieldError{{"requestParameters.sub", `"***"`, "structure"}}, is: cloudtrail.ErrRedacted},
		{name: "int from bool", in: `{"i":true}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("i", "true")}},
			errs: []fieldError{{"requestParameters.i", "true", "integer"}}, is: cloudtrail.ErrConvert},
		{name: "long", in: `{"l":9223372036854775807}`, want: &obj{L: ptr[int64](math.MaxInt64)}},
		{name: "long min", in: `{"l":"-9223372036854775808"}`, want: &obj{L: ptr[int64](math.MinInt64), UnknownMembers: cloudtrail.RawMembers{raw("l", `"-9223372036854775808"`)}}},
		{name: "long overflow", in: `{"l":9223372036854775808}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("l", "9223372036854775808")}},
			errs: []fieldError{{"requestParameters.l", "9223372036854775808", "long"}}, is: cloudtrail.ErrOutOfRange},
		{name: "long float overflow", in: `{"l":1e19}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("l", "1e19")}},
			errs: []fieldError{{"requestParameters.l", "1e19", "long"}}, is: cloudtrail.ErrOutOfRange},
		{name: "double", in: `{"f":2.5}`, want: &obj{F: ptr(2.5)}},
		{name: "double from integer", in: `{"f":5}`, want: &obj{F: ptr(5.0)}},
		{name: "double from string", in: `{"f":"-1.5e3"}`, want: &obj{F: ptr(-1500.0), UnknownMembers: cloudtrail.RawMembers{raw("f", `"-1.5e3"`)}}},
		{name: "double with more digits than a float64 keeps", in: `{"f":123456789012345678901}`, want: &obj{F: ptr(123456789012345678901.0), UnknownMembers: cloudtrail.RawMembers{raw("f", "123456789012345678901")}}},
		{name: "double with a trailing zero", in: `{"f":1.50}`, want: &obj{F: ptr(1.5), UnknownMembers: cloudtrail.RawMembers{raw("f", "1.50")}}},
		{name: "double NaN string", in: `{"f":"NaN"}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("f", `"NaN"`)}},
			errs: []fieldError{{"requestParameters.f", `"NaN"`, "double"}}, is: cloudtrail.ErrNotNumber},
		{name: "double overflow", in: `{"f":1e400}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("f", "1e400")}},
			errs: []fieldError{{"requestParameters.f", "1e400", "double"}}, is: cloudtrail.ErrOutOfRange},
		{name: "float", in: `{"f32":0.5}`, want: &obj{F32: ptr[float32](0.5)}},
		{name: "float overflow", in: `{"f32":1e39}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("f32", "1e39")}},
			errs: []fieldError{{"requestParameters.f32", "1e39", "float"}}, is: cloudtrail.ErrOutOfRange},
		{name: "bool", in: `{"b":true}`, want: &obj{B: ptr(true)}},
		{name: "bool false", in: `{"b":false}`, want: &obj{B: ptr(false)}},
		{name: "bool from string", in: `{"b":"true"}`, want: &obj{B: ptr(true), UnknownMembers: cloudtrail.RawMembers{raw("b", `"true"`)}}},
		{name: "bool from upper string", in: `{"b":"FALSE"}`, want: &obj{B: ptr(false), UnknownMembers: cloudtrail.RawMembers{raw("b", `"FALSE"`)}}},
		{name: "bool from word", in: `{"b":"yes"}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("b", `"yes"`)}},
			errs: []fieldError{{"requestParameters.b", `"yes"`, "boolean"}}, is: cloudtrail.ErrNotBoolean},
		{name: "bool from number", in: `{"b":1}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("b", "1")}},
			errs: []fieldError{{"requestParameters.b", "1", "boolean"}}, is: cloudtrail.ErrConvert},
		{name: "time seconds", in: `{"t":1510714652}`, want: &obj{T: tm(1510714652, 0, "1510714652")}},
		{name: "time milliseconds", in: `{"t":1510714652436}`, want: &obj{T: tm(1510714652, 436e6, "1510714652436")}},
		{name: "time fractional seconds", in: `{"t":1571956406.5}`, want: &obj{T: tm(1571956406, 5e8, "1571956406.5")}},
		{name: "time numeric string", in: `{"t":"1510714652428"}`, want: &obj{T: tm(1510714652, 428e6, `"1510714652428"`)}},
		{name: "time RFC 3339", in: `{"t":"2017-11-15T02:57:32Z"}`, want: &obj{T: tm(1510714652, 0, `"2017-11-15T02:57:32Z"`)}},
		{name: "time Java", in: `{"t":"Nov 15, 2017 9:26:29 PM"}`, want: &obj{T: tm(1510781189, 0, `"Nov 15, 2017 9:26:29 PM"`)}},
		{name: "time placeholder", in: `{"t":"timestamp"}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("t", `"timestamp"`)}},
			errs: []fieldError{{"requestParameters.t", `"timestamp"`, "timestamp"}}, is: cloudtrail.ErrNotATime},
		{name: "time from bool", in: `{"t":false}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("t", "false")}},
			errs: []fieldError{{"requestParameters.t", "false", "timestamp"}}, is: cloudtrail.ErrConvert},
		{name: "blob", in: `{"blob":"aGk="}`, want: &obj{Blob: []byte("hi")}},
		{name: "blob invalid", in: `{"blob":"!!"}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("blob", `"!!"`)}},
			errs: []fieldError{{"requestParameters.blob", `"!!"`, "blob"}}},
		{name: "document", in: `{"doc":{"a":[1,{"b":null}]}}`, want: &obj{Doc: json.RawMessage(`{"a":[1,{"b":null}]}`)}},
		{name: "structure", in: `{"sub":{"s":"x","sub":{"i":1}}}`, want: &obj{Sub: &obj{S: ptr("x"), Sub: &obj{I: ptr[int32](1)}}}},
		{name: "structure redacted", in: `{"sub":{"sub":"***","s":"kept"}}`,
			want: &obj{Sub: &obj{S: ptr("kept"), UnknownMembers: cloudtrail.RawMembers{raw("sub", `"***"`)}}},
			errs: []fieldError{{"requestParameters.sub.sub", `"***"`, "structure"}}, is: cloudtrail.ErrConvert},
		{name: "keys fold", in: `{"S":"a","SUB":{"E":"x"}}`, want: &obj{S: ptr("a"), Sub: &obj{E: "x"}}},
		{name: "key from the cloudtrail tag", in: `{"X-Amzn-I":"7"}`, want: &obj{I: ptr[int32](7), UnknownMembers: cloudtrail.RawMembers{raw("X-Amzn-I", `"7"`)}}},
		{name: "duplicate member", in: `{"s":"first","i":1,"s":"second"}`, want: &obj{S: ptr("first"), I: ptr[int32](1), UnknownMembers: cloudtrail.RawMembers{dup("s", `"second"`)}},
			errs: []fieldError{{"requestParameters.s", `"second"`, ""}}, is: cloudtrail.ErrDuplicateMember},
		{name: "duplicate member in another case", in: `{"S":"first","s":"second"}`, want: &obj{S: ptr("first"), UnknownMembers: cloudtrail.RawMembers{dup("s", `"second"`)}},
			errs: []fieldError{{"requestParameters.s", `"second"`, ""}}, is: cloudtrail.ErrDuplicateMember},
		{name: "map with enum keys", in: `{"enums":{"a":"b"}}`, want: &obj{Enums: map[testEnum]testEnum{"a": "b"}}},
		{name: "map with empty enum value", in: `{"enums":{"a":""}}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("enums", `{"a":""}`)}}},
		{name: "escaped key", in: `{"\u0073":"a"}`, want: &obj{S: ptr("a")}},
		{name: "unknown members in order", in: `{"zz":[1,{"a":2}],"s":"a","yy":null}`,
			want: &obj{S: ptr("a"), UnknownMembers: cloudtrail.RawMembers{raw("zz", `[1,{"a":2}]`), raw("yy", "null")}}},
		{name: "list", in: `{"ints":[1,2,3]}`, want: &obj{Ints: []int32{1, 2, 3}}},
		{name: "list as written", in: `{"ints":[1,"2",3.0]}`, want: &obj{Ints: []int32{1, 2, 3}, UnknownMembers: cloudtrail.RawMembers{raw("ints", `[1,"2",3.0]`)}}},
		{name: "empty list", in: `{"ints":[]}`, want: &obj{Ints: []int32{}}},
		{name: "list bad element kept whole", in: `{"ints":[1,"x",3]}`,
			want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("ints", `[1,"x",3]`)}},
			errs: []fieldError{{"requestParameters.ints[1]", `"x"`, "integer"}}},
		{name: "list null element kept whole", in: `{"ints":[null]}`,
			want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("ints", `[null]`)}}},
		{name: "list of objects", in: `{"objs":[{"s":"a"},{"objs":[{"i":"x"}]}]}`,
			want: &obj{Objs: []obj{{S: ptr("a")}, {Objs: []obj{{UnknownMembers: cloudtrail.RawMembers{raw("i", `"x"`)}}}}}},
			errs: []fieldError{{"requestParameters.objs[1].objs[0].i", `"x"`, "integer"}}},
		{name: "list of objects bad element", in: `{"objs":[1]}`,
			want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("objs", `[1]`)}},
			errs: []fieldError{{"requestParameters.objs[0]", "1", "structure"}}},
		{name: "list from object", in: `{"ints":{}}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("ints", `{}`)}},
			errs: []fieldError{{"requestParameters.ints", "{}", "list"}}},
		{name: "nested list bad element", in: `{"lists":[["a"],["b",2]]}`,
			want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("lists", `[["a"],["b",2]]`)}},
			errs: []fieldError{{"requestParameters.lists[1][1]", "2", "string"}}},
		{name: "map", in: `{"map":{"Name":"Prod","k":"v"}}`, want: &obj{Map: map[string]string{"Name": "Prod", "k": "v"}}},
		{name: "map bad value", in: `{"map":{"a":"x","b":1}}`,
			want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("map", `{"a":"x","b":1}`)}},
			errs: []fieldError{{"requestParameters.map.b", "1", "string"}}},
		{name: "map from string", in: `{"map":"***"}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("map", `"***"`)}},
			errs: []fieldError{{"requestParameters.map", `"***"`, "map"}}},
		{name: "union", in: `{"u":{"A":5}}`, want: &obj{U: &testUnionA{5}}},
		{name: "union with null members", in: `{"u":{"A":null,"B":{"s":"x"}}}`, want: &obj{U: &testUnionB{obj{S: ptr("x")}}}},
		{name: "union unknown member", in: `{"u":{"C":[1]}}`, want: &obj{U: &testUnknownMember{"C", json.RawMessage(`[1]`)}}},
		{name: "union two members", in: `{"u":{"A":1,"B":{}}}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("u", `{"A":1,"B":{}}`)}},
			errs: []fieldError{{"requestParameters.u.B", "{}", "union"}}, is: cloudtrail.ErrUnionMembers},
		{name: "union empty", in: `{"u":{}}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("u", `{}`)}}},
		{name: "union bad member", in: `{"u":{"A":"x"}}`, want: &obj{UnknownMembers: cloudtrail.RawMembers{raw("u", `{"A":"x"}`)}},
			errs: []fieldError{{"requestParameters.u.A", `"x"`, "integer"}}},
		{name: "spaces", in: " {\n\t\"s\" : \"a\" ,\r\n \"ints\" : [ 1 , 2 ] } \n", want: &obj{S: ptr("a"), Ints: []int32{1, 2}}},
		{name: "null document", in: `null`, want: nil},
		{name: "empty document", in: ``, want: nil},
		{name: "not an object", in: `"***"`, want: nil, errs: []fieldError{{"requestParameters", `"***"`, "structure"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs, err := decodeObj(tt.in)
			require.NoError(t, err)
			if diff := cmp.Diff(tt.want, got, cmpObj); diff != "" {
				t.Fatalf("value (-want +got):\n%s", diff)
			}
			require.Equal(t, tt.errs, plainErrors(errs))
			if tt.is != nil {
				require.Len(t, errs, 1)
				require.ErrorIs(t, errs[0], tt.is)
				require.Contains(t, errs[0].Error(), errs[0].Path)
			}
		})
	}
}

func TestSyntaxErrors(t *testing.T) {
	for _, in := range []string{
		`{`, `{"s"}`, `{"s":}`, `{"s":"a",}`, `{,"s":"a"}`, `{"s":"a"}}`, `{"s":"a"} x`,
		`{"s":"a" "e":"b"}`, `{"ints":[1,]}`, `{"ints":[1 2]}`, `{"zz":[1,}`, `{"zz":{"a" 1}}`,
		`{"zz":tru}`, `{"zz":nul}`, `{"s":nul}`, `{"zz":01}`, `{"zz":1.}`, `{"zz":-}`, `{"zz":1e}`,
		`{"zz":"\x"}`, `{"zz":"\u12"}`, "{\"zz\":\"a\x01\"}", `{"zz":"abc`, `{"zz":[}`,
		`{"i":1.5.5}`, `{"b":tru}`, `{"t":-}`, `{1:2}`, `[`, `{"zz":]}`, `{"zz":{]}`,
		`{"sub":{"s":1,}}`, `{"map":{"a":"b",}}`, `{"u":{"A":1,}}`,
	} {
		t.Run(in, func(t *testing.T) {
			_, _, err := decodeObj(in)
			require.NotNil(t, err, "input %q", in)
			require.False(t, json.Valid([]byte(in)), "encoding/json accepts %q", in)
		})
	}
}

func TestDepth(t *testing.T) {
	// Values that no field types are skipped at any depth and kept.
	for _, in := range []string{
		strings.Repeat("[", 100000) + strings.Repeat("]", 100000),
		strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000),
	} {
		v, errs, err := decodeObj(`{"s":"a","zz":` + in + `,"i":1}`)
		require.NoError(t, err)
		require.Empty(t, errs)
		require.Equal(t, "a", *v.S)
		require.EqualValues(t, 1, *v.I)
		require.Equal(t, in, string(v.UnknownMembers[0].Value))
	}
	// Typed values nested deeper than maxDepth do not convert: the deep
	// value is a FieldError at its path and is kept; the rest decodes.
	n := maxDepth + 5
	deep := strings.Repeat(`{"sub":`, n) + "{}" + strings.Repeat("}", n)
	v, errs, err := decodeObj(`{"sub":` + deep + `,"s":"after"}`)
	require.NoError(t, err)
	require.Equal(t, "after", *v.S)
	require.Len(t, errs, 1)
	require.ErrorIs(t, errs[0], cloudtrail.ErrNestedTooDeep)
	require.Equal(t, "requestParameters"+strings.Repeat(".sub", maxDepth), errs[0].Path)
}

func TestKeyAndPathOfEscapedKey(t *testing.T) {
	_, errs, err := decodeObj(`{"objs":[{},{"\u0049":"no"}]}`)
	require.NoError(t, err)
	require.Equal(t, []fieldError{{"requestParameters.objs[1].I", `"no"`, "integer"}}, plainErrors(errs))
}

func TestKeyTable(t *testing.T) {
	keys := []tableKey{{"outputGroups", 0}, {"OutputGroupSettings", 1}, {"a", 2}, {"x-amzn-transcribe-language-code", 3}, {"", 4}}
	kt, blob := newKeyTable(keys, nil)
	for _, tt := range []struct {
		key string
		n   int
		ok  bool
	}{
		{"outputGroups", 0, true},
		{"OUTPUTGROUPS", 0, true},
		{"outputgroups", 0, true},
		{"outputGroupSettings", 1, true},
		{"A", 2, true},
		{"X-Amzn-Transcribe-Language-Code", 3, true},
		{"outputGroup", 0, false},
		{"outputGroupsX", 0, false},
		{"", 0, false},
		{"_", 0, false},
		{"outputGroups\x00", 0, false},
		{"OUTPUT\x7fROUPS", 0, false},
	} {
		n, ok := kt.lookup(blob, tt.key)
		require.Equal(t, tt.ok, ok, tt.key)
		if ok {
			require.Equal(t, tt.n, n, tt.key)
		}
	}
	// Keys that differ only in bytes that setting bit 5 maps to one hash
	// alike ('_' and DEL, '@' and '`') are told apart by the comparison.
	kt, blob = newKeyTable([]tableKey{{"a_b", 0}}, nil)
	_, ok := kt.lookup(blob, "a\x7fb")
	require.False(t, ok)
	var empty keyTable
	_, ok = empty.lookup("", "a")
	require.False(t, ok)
}

func TestSkipDoesNotAllocate(t *testing.T) {
	data := `{"a":[1,2.5e3,"x\"y",{"b":null,"c":[true,false,[[[[]]]]]}],"d":"` + strings.Repeat("x", 100) + `"}`
	d := newDecoder()
	defer d.release()
	run := func() {
		d.s, d.pos = data, 0
		d.skip()
	}
	run()
	require.Nil(t, d.err)
	require.Equal(t, len(data), d.pos)
	require.Zero(t, testing.AllocsPerRun(100, run))
}

func TestUnmarshal(t *testing.T) {
	var v obj
	require.NoError(t, Unmarshal([]byte(`{"s":"a"}`), &v))
	require.Equal(t, "a", *v.S)

	err := Unmarshal([]byte(`{"i":"x","sub":{"i":1.5}}`), &v)
	var fe cloudtrail.FieldErrors
	require.ErrorAs(t, err, &fe)
	require.Equal(t, []fieldError{{"i", `"x"`, "integer"}, {"sub.i", "1.5", "integer"}}, plainErrors(fe))
	require.Nil(t, v.S, "Unmarshal replaces the value")

	err = Unmarshal([]byte(`{"s":`), &v)
	require.ErrorIs(t, err, cloudtrail.ErrSyntax)
	require.Equal(t, "cloudtrail: invalid JSON: the text ends early at offset 5 of the object", err.Error())

	require.Error(t, Unmarshal([]byte(`{}`), v))
	require.Error(t, Unmarshal([]byte(`{}`), (*obj)(nil)))
}

// event is an operation's typed event, as the service packages define
// them.
type event = cloudtrail.Typed[obj, obj]

func TestOperationDecode(t *testing.T) {
	op := newOperation((*event)(nil))
	_, err := op.decode(nil)
	require.ErrorIs(t, err, ErrNilEvent)

	e := &cloudtrail.Event{
		RequestParameters: json.RawMessage(`{"s":"a","i":"x"}`),
		ResponseElements:  json.RawMessage(`{"sub":"***"}`),
	}
	v, err := op.decode(e)
	require.NoError(t, err)
	ev := v.(*event)
	require.Same(t, e, ev.Event)
	require.Equal(t, "a", *ev.Request.S)
	require.NotNil(t, ev.Response)
	require.Equal(t, []fieldError{
		{"requestParameters.i", `"x"`, "integer"},
		{"responseElements.sub", `"***"`, "structure"},
	}, plainErrors(ev.Errors))

	e.RequestParameters, e.ResponseElements = nil, json.RawMessage(`null`)
	v, err = op.decode(e)
	require.NoError(t, err)
	ev = v.(*event)
	require.Nil(t, ev.Request)
	require.Nil(t, ev.Response)
	require.Empty(t, ev.Errors)

	e.ResponseElements = json.RawMessage(`{"s":`)
	v, err = op.decode(e)
	require.ErrorIs(t, err, cloudtrail.ErrSyntax)
	require.Contains(t, err.Error(), "at offset 5 of responseElements")
	require.Nil(t, v, "a failed decode returns a nil interface")

	require.Panics(t, func() { newOperation(obj{}) })
	require.Panics(t, func() { newOperation((*obj)(nil)) })
}

func TestParseInt(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
		err  error
	}{
		{"0", 0, nil},
		{"-0", 0, nil},
		{"90", 90, nil},
		{"90.0", 90, nil},
		{"90.000", 90, nil},
		{"9e1", 90, nil},
		{"9E+1", 90, nil},
		{"900e-1", 90, nil},
		{"0.9e2", 90, nil},
		{"-1.5e1", -15, nil},
		{"0e999999999999999", 0, nil},
		{"0.0", 0, nil},
		{"-0.0e-5", 0, nil},
		{"90.5", 0, cloudtrail.ErrNotInteger},
		{"0.5", 0, cloudtrail.ErrNotInteger},
		{"1e-400", 0, cloudtrail.ErrNotInteger},
		{"1e-99999999999999999999", 0, cloudtrail.ErrNotInteger},
		{"1e400", 0, cloudtrail.ErrOutOfRange},
		{"1e99999999999999999999", 0, cloudtrail.ErrOutOfRange},
		{"9223372036854775807", math.MaxInt64, nil},
		{"9223372036854775807.0", math.MaxInt64, nil},
		{"-9223372036854775808.00", math.MinInt64, nil},
		{"9223372036854775808.0", 0, cloudtrail.ErrOutOfRange},
		{"1152921504607615119.0", 1152921504607615119, nil},
		{"1.152921504607615119e18", 1152921504607615119, nil},
		{"11529215046076151190e-1", 1152921504607615119, nil},
		{"1.1529215046076151195e18", 0, cloudtrail.ErrNotInteger},
		{"123456789012345678901234567890", 0, cloudtrail.ErrOutOfRange},
	} {
		text := tt.in
		end, integer, _ := jsonscan.Number(text, 0)
		require.Equal(t, len(text), end, tt.in)
		got, err := parseInt(text, integer, math.MinInt64, math.MaxInt64)
		if tt.err != nil {
			require.ErrorIs(t, err, tt.err, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		require.Equal(t, tt.want, got, tt.in)
	}
	_, err := parseInt("2147483648.0", false, math.MinInt32, math.MaxInt32)
	require.ErrorIs(t, err, cloudtrail.ErrOutOfRange)
}
