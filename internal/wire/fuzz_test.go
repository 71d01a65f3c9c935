package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/jsonscan"
	"math"
	"math/big"
	"strings"
	"testing"
)

// FuzzDecode feeds arbitrary bytes to the codec through a structure of
// every kind of field: it must not panic, must agree with encoding/json on
// what is valid JSON, whatever it decodes must encode to valid JSON, and
// decoding that encoding must give it back (a round trip).
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		`{"s":"a","e":"X","i":5,"l":"6","f":1.5,"f32":2,"b":"true","t":1510714652436,"blob":"aGk=","doc":[1]}`,
		`{"sub":{"sub":"***"},"ints":[1,"2",3.0,null],"objs":[{"objs":[{}]},1],"map":{"a":"b","c":1}}`,
		`{"lists":[["a"],[1]],"u":{"A":1},"zz":{"deep":[[[{"x":null}]]]}}`,
		`{"u":{"A":1,"B":{}}}`, `{"t":"Nov 15, 2017 9:26:29 PM"}`, `null`, `"x"`, `{"s":"\ud83d\ude00\u0000"}`,
		`{"enums":{"a":"b"},"u":{"C":{"x":1}},"S":"a","X-AMZN-I":"1"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, _, err := decodeObj(string(data))
		if err == nil && !json.Valid(data) && len(bytes.TrimSpace(data)) > 0 {
			t.Fatalf("decoded invalid JSON %q", data)
		}
		if v == nil || err != nil {
			return
		}
		out, err := Marshal(v)
		if err != nil {
			return // NaN cannot be decoded, so this is only a float32 overflow
		}
		if !json.Valid(out) {
			t.Fatalf("encoding of %q is not JSON: %q", data, out)
		}
		again, _, err := decodeObj(string(out))
		if err != nil {
			t.Fatalf("decoding the encoding %q: %v", out, err)
		}
		out2, err := Marshal(again)
		if err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("encoding is not stable:\n%s\n%s", out, out2)
		}
	})
}

// FuzzParseInt checks the integer conversion of JSON numbers against exact
// rational arithmetic.
func FuzzParseInt(f *testing.F) {
	for _, s := range []string{"90", "90.0", "9e1", "-1.5e1", "90.5", "9223372036854775807.0", "1e400", "0e-7", "1152921504607615119.0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end, integer, ok := jsonscan.Number(text, 0)
		if !ok || end != len(text) || len(text) > 200 {
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
			if !errors.Is(err, cloudtrail.ErrNotInteger) {
				t.Fatalf("%q is not integral: got %d, %v", text, got, err)
			}
		case !r.Num().IsInt64():
			if !errors.Is(err, cloudtrail.ErrOutOfRange) {
				t.Fatalf("%q is out of range: got %d, %v", text, got, err)
			}
		case err != nil || got != r.Num().Int64():
			t.Fatalf("%q: got %d, %v, want %s", text, got, err, r.Num())
		}
	})
}
