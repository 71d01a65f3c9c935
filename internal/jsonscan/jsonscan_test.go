package jsonscan

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

func TestValueMatchesEncodingJSON(t *testing.T) {
	for _, in := range []string{
		`0`, `-0`, `1.5e+3`, `"a"`, `[]`, `{}`, `[1,"a",{"b":[null,true,false]}]`, ` { "a" : 1 } `,
		`01`, `+1`, `.5`, `1.`, `"\u00zz"`, `[1,]`, `{"a":1,}`, `{"a"}`, `tru`, `nulll`, `[`, ``, ` `,
		`"a" "b"`, "\"\t\"", `{"a":{"b":[1,2,{"c":"d"}]}}`, `1e5`, `1E-5`, `-`, `--1`, `[-]`, `"\/"`,
		`{"a":1 "b":2}`, `{,}`, `{"a":}`, `[1 2]`, `"\x"`, `"abc`, "\"a\x01\"", `{"a":1}}`, `[[[[]]]]`,
		`"\ud83d\ude00"`, `{"":""}`, `[1e]`, `[1.5.5]`, `{1:2}`,
	} {
		require.Equal(t, json.Valid([]byte(in)), Valid(in), "input %q", in)
		require.Equal(t, json.Valid([]byte(in)), Valid([]byte(in)), "input %q as bytes", in)
	}
}

func TestValueErrors(t *testing.T) {
	for _, tt := range []struct {
		in     string
		offset int
		msg    string
	}{
		{`{"a":1 "b":2}`, 7, "expected , or } after object member"},
		{`[1 2]`, 3, "expected , or ] after array element"},
		{`{"a"}`, 4, "expected : after a member name"},
		{`{1:2}`, 1, "expected a member name in quotes"},
		{`{"a":1`, 6, "the text ends inside an object"},
		{`[1,`, 3, "the text ends where a value should start"},
		{`"abc`, 4, "the text ends inside a string"},
		{`"a\x"`, 3, "invalid escape"},
		{`"\u12x4"`, 5, `invalid \u escape`},
		{"\"a\x01\"", 2, "control character in a string"},
		{`tru`, 0, "invalid literal"},
		{`[1.]`, 3, "invalid number"},
		{`@`, 0, "invalid character where a value should start"},
		{`{"a":1}}`, 7, "data after the JSON value"},
	} {
		_, err := Check(tt.in)
		require.NotNil(t, err, tt.in)
		require.Equal(t, tt.offset, err.Offset, tt.in)
		require.Equal(t, tt.msg, err.Msg, tt.in)
	}
}

func TestDeepNesting(t *testing.T) {
	for _, n := range []int{63, 64, 65, 1000, 1_000_000} {
		in := strings.Repeat(`{"a":[`, n) + "1" + strings.Repeat(`]}`, n)
		end, err := Value(in, 0)
		require.Nil(t, err, n)
		require.Equal(t, len(in), end, n)
		require.Equal(t, len(in), Skip(in, 0), n)
		bad := strings.Repeat(`{"a":[`, n) + "1" + strings.Repeat(`]}`, n-1) + "]"
		_, err = Check(bad)
		require.NotNil(t, err, n)
	}
}

func TestStringAndUnescape(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`"abc"`, "abc"},
		{`"a\"b\\c\/d\n\r\t\b\f"`, "a\"b\\c/d\n\r\t\b\f"},
		{`"\u00e9\ud83d\ude00"`, "é😀"},
		{`"\ud83dx"`, "\ufffdx"},
		{`"\ude00"`, "\ufffd"},
		{`"\ud83d\u0041"`, "\ufffdA"},
		{`"long string with no escapes at all, longer than eight bytes"`, "long string with no escapes at all, longer than eight bytes"},
	} {
		end, esc, err := String(tt.in, 0)
		require.Nil(t, err, tt.in)
		require.Equal(t, len(tt.in), end, tt.in)
		e2, esc2 := StringEnd(tt.in, 0)
		require.Equal(t, end, e2, tt.in)
		require.Equal(t, esc, esc2, tt.in)
		got := tt.in[1 : end-1]
		if esc {
			got = Unescape(got)
		}
		require.Equal(t, tt.want, got, tt.in)
		var viaJSON string
		require.NoError(t, json.Unmarshal([]byte(tt.in), &viaJSON))
		require.Equal(t, viaJSON, got, tt.in)
	}
}

func TestNumber(t *testing.T) {
	for _, tt := range []struct {
		in      string
		end     int
		integer bool
		ok      bool
	}{
		{"0", 1, true, true}, {"-12,", 3, true, true}, {"1.5", 3, false, true}, {"1e9]", 3, false, true},
		{"-", 1, false, false}, {"1.", 2, false, false}, {"1e+", 3, false, false}, {"01", 1, true, true},
		{".5", 0, false, false},
	} {
		end, integer, ok := Number(tt.in, 0)
		require.Equal(t, tt.ok, ok, tt.in)
		if ok {
			require.Equal(t, tt.end, end, tt.in)
			require.Equal(t, tt.integer, integer, tt.in)
		}
	}
}

func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{
		"", "abc", `a"b\c`, "line\nbreak\r\ttab", "\x00\x01\x1f\x7f", "é😀", "\u2028\u2029",
		"s3://bucket/key with spaces/clip01.mp4",
	} {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		require.Equal(t, string(want), string(AppendString(nil, s)), "%q", s)
	}
	// HTML characters are written as they are; invalid UTF-8 as U+FFFD.
	require.Equal(t, `"<a>&"`, string(AppendString(nil, "<a>&")))
	require.Equal(t, "\"bad\ufffd\"", string(AppendString(nil, "bad\xff")))
}

func TestLoad64AndSpecialMask(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			b := []byte("abcdefgh")
			b[pos] = byte(c)
			want := c == '"' || c == '\\' || c < 0x20
			m := SpecialMask(Load64(b, 0))
			require.Equal(t, want, m != 0, "byte %#x at %d", c, pos)
		}
	}
}

// FuzzValue checks the scanner against encoding/json on any text: the same
// verdict, an error offset within the text, a Skip that agrees with Value
// on valid text, and unescaped strings equal to encoding/json's.
func FuzzValue(f *testing.F) {
	for _, s := range []string{`{"a":[1,"b",{"c":null}]}`, `"\ud83d\ude00"`, `[1e5,-0.5]`, `{"a" 1}`, `"abc`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// StringRest's one-pass scan agrees with the scan that looks at
		// every backslash, from every start.
		for from := 0; from <= len(s) && from < 64; from++ {
			end, closed := StringRest(s, from)
			wend, _, wclosed := stringRest(s, from)
			if end != wend || closed != wclosed {
				t.Fatalf("StringRest(%q, %d) = %d, %v; want %d, %v", s, from, end, closed, wend, wclosed)
			}
		}
		if i := SkipSpace(s, 0); i < len(s) && s[i] == '{' {
			// ScanMember validates exactly as Value does, and finds the
			// members NextMember finds in valid text.
			vend, verr := Value(s, i)
			_, found, oend, oerr := scanObject(s)
			if (verr == nil) != (oerr == nil) || verr == nil && vend != oend {
				t.Fatalf("ScanMember on %q = %d, %v; Value = %d, %v", s, oend, oerr, vend, verr)
			}
			if verr == nil {
				_, walked := nextMembers(s)
				require.Equal(t, found, walked, s)
			}
		}
		start, err := Check(s)
		if (err == nil) != json.Valid([]byte(s)) {
			t.Fatalf("Check(%q) = %v, encoding/json says valid %v", s, err, json.Valid([]byte(s)))
		}
		if err != nil {
			if err.Offset < 0 || err.Offset > len(s) {
				t.Fatalf("Check(%q): offset %d out of the text", s, err.Offset)
			}
			return
		}
		end, _ := Value(s, start)
		if got := Skip(s, start); got != end && SkipSpace(s, got) != end {
			t.Fatalf("Skip(%q) = %d, Value = %d", s, got, end)
		}
		if s[start] == '"' {
			e, esc, _ := String(s, start)
			text := s[start+1 : e-1]
			if esc {
				text = Unescape(text)
			}
			var want string
			if json.Unmarshal([]byte(s), &want) == nil && utf8.ValidString(s) && text != want {
				t.Fatalf("Unescape of %q = %q, encoding/json %q", s, text, want)
			}
		}
	})
}

// member is a Member as names and texts, for comparing.
type member struct{ Key, Value string }

// scanObject validates the object in in with ScanMember.
func scanObject(in string) (got []member, found []Member, end int, err *Error) {
	for i, first := SkipSpace(in, 0), true; ; first = false {
		m, next, ok, err := ScanMember(in, i, first)
		if err != nil || !ok {
			return got, found, next, err
		}
		got = append(got, member{Key(in, m), in[m.ValueStart:m.ValueEnd]})
		found = append(found, m)
		i = m.ValueEnd
	}
}

// nextMembers walks the valid object in in with NextMember.
func nextMembers(in string) (got []member, found []Member) {
	for i := SkipSpace(in, 0); ; {
		m, ok := NextMember(in, i)
		if !ok {
			return got, found
		}
		got = append(got, member{Key(in, m), in[m.ValueStart:m.ValueEnd]})
		found = append(found, m)
		i = m.ValueEnd
	}
}

func TestScanMember(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []member
		err  string
	}{
		{in: `{}`},
		{in: ` { } `},
		{in: `{"a":1}`, want: []member{{"a", "1"}}},
		{in: `{ "a" : "x\"y" , "b\u0041" : [1, {"c":2}] , "d":null}`, want: []member{{"a", `"x\"y"`}, {"bA", `[1, {"c":2}]`}, {"d", "null"}}},
		{in: `{"a":1 "b":2}`, want: []member{{"a", "1"}}, err: "expected , or } after object member"},
		{in: `{"a":1,}`, want: []member{{"a", "1"}}, err: "expected a member name in quotes"},
		{in: `{,"a":1}`, err: "expected a member name in quotes"},
		{in: `{"a"}`, err: "expected : after a member name"},
		{in: `{"a":[1,}`, err: "invalid character where a value should start"},
		{in: `{"a":1`, want: []member{{"a", "1"}}, err: "the text ends inside an object"},
		{in: `{"a":1,`, want: []member{{"a", "1"}}, err: "the text ends inside an object"},
		{in: `{"a":1{"b":2}}`, want: []member{{"a", "1"}}, err: "expected , or } after object member"},
		{in: `{"a":{"b":1}{"c":2}}`, want: []member{{"a", `{"b":1}`}}, err: "expected , or } after object member"},
	} {
		got, _, end, err := scanObject(tt.in)
		require.Equal(t, tt.want, got, tt.in)
		if tt.err == "" {
			require.Nil(t, err, tt.in)
			require.Equal(t, len(strings.TrimRight(tt.in, " ")), end, tt.in)
			walked, _ := nextMembers(tt.in)
			require.Equal(t, tt.want, walked, tt.in)
			continue
		}
		require.NotNil(t, err, tt.in)
		require.Equal(t, tt.err, err.Msg, tt.in)
	}
}

func TestNextElement(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{`[]`, nil},
		{` [ ] `, nil},
		{` [ 1 , "a,]" , {"b":[2]} , null ] `, []string{"1", `"a,]"`, `{"b":[2]}`, "null"}},
	} {
		var got []string
		for i := SkipSpace(tt.in, 0); ; {
			s, e, ok := NextElement(tt.in, i)
			if !ok {
				break
			}
			got = append(got, tt.in[s:e])
			i = e
		}
		require.Equal(t, tt.want, got, tt.in)
	}
}

func TestAppendStringVerbatim(t *testing.T) {
	require.Equal(t, "\"a\xffb\\\"\\n\u00e9\"", string(AppendStringVerbatim(nil, "a\xffb\"\n\u00e9")))
	require.Equal(t, "\"a\ufffdb\\\"\\n\u00e9\"", string(AppendString(nil, "a\xffb\"\n\u00e9")))
}

func TestStringRest(t *testing.T) {
	long := strings.Repeat("abcdefgh", 10)
	for _, tt := range []struct {
		in     string
		from   int
		end    int
		closed bool
	}{
		{`"abc"`, 1, 5, true},
		{`"a\"b"x`, 1, 6, true},
		{`"` + long + `"`, 1, len(long) + 2, true},
		{`"` + long + `\"` + long + `"`, 1, 2*len(long) + 4, true},
		{`"` + long + `\\"`, 1, len(long) + 4, true},
		{`"` + long, 1, len(long) + 1, false},
		{`"` + long + `\`, 1, len(long) + 1, false},   // resumes at the backslash
		{`"` + long + `\\`, 1, len(long) + 3, false},  // a whole escape: resumes at the end
		{`"` + long + `\\\`, 1, len(long) + 3, false}, // resumes at the last backslash
	} {
		for _, text := range []any{tt.in, []byte(tt.in)} {
			var end int
			var closed bool
			switch v := text.(type) {
			case string:
				end, closed = StringRest(v, tt.from)
			case []byte:
				end, closed = StringRest(v, tt.from)
			}
			require.Equal(t, tt.end, end, "%q", tt.in)
			require.Equal(t, tt.closed, closed, "%q", tt.in)
		}
	}
}
