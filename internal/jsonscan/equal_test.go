package jsonscan

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestEqual(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{`{"a":1,"b":[true,null,"x"]}`, "{\n  \"b\": [ true, null, \"x\" ],\n  \"a\": 1\n}", true},
		{`{"a":1}`, `{"a":2}`, false},
		{`{"a":1}`, `{"a":1,"b":2}`, false},
		{`{"a":1,"a":2}`, `{"a":1}`, true}, // the first member of a name counts
		{`90`, `90.0`, true},
		{`90`, `9e1`, true},
		{`-0`, `0`, true},
		{`123456789012345678901`, `123456789012345678902`, false},
		{`0.1`, `1e-1`, true},
		{`1500`, `1.5e3`, true},
		{`1500`, `1.5e+3`, true},
		{`0.0015`, `15e-4`, true},
		{`0.00`, `-0e5`, true},
		{`100`, `10`, false},
		{`-1`, `1`, false},
		{`1e1000000000`, `1e1000000000`, true},
		{`1e1000000000`, `10e999999999`, true},
		{`1e10000000000000000000`, `1e10000000000000000001`, false},
		{`"\u0041\n"`, `"A\n"`, true},
		{`"a"`, `"b"`, false},
		{`"90"`, `90`, false},
		{`[1,2]`, `[2,1]`, false},
		{`[1,2]`, `[1,2,3]`, false},
		{`[]`, `[ ]`, true},
		{`true`, `false`, false},
		{`null`, `null`, true},
		{`{"a":`, `{"a":`, true}, // invalid: equal only to the same bytes
		{`{"a":`, `{"a": `, false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, Equal([]byte(tt.a), []byte(tt.b)), "Equal(%s, %s)", tt.a, tt.b)
		require.Equal(t, tt.want, Equal([]byte(tt.b), []byte(tt.a)), "Equal(%s, %s)", tt.b, tt.a)
	}
}

func TestEqualDeep(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	require.True(t, Equal([]byte(deep), []byte(deep)))
	other := strings.Repeat("[", 100000) + "1" + strings.Repeat("]", 100000)
	require.False(t, Equal([]byte(deep), []byte(other)))
}

func TestCanonicalNumber(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"1500", "0.15e4"}, {"1.5e3", "0.15e4"}, {"1500.00", "0.15e4"}, {"-0.0015", "-0.15e-2"},
		{"0", "0"}, {"-0.0e9", "0"}, {"123456789012345678901", "0.123456789012345678901e21"},
	} {
		require.Equal(t, tt.want, CanonicalNumber([]byte(tt.in)), tt.in)
	}
}
