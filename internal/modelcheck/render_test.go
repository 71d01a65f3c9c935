package modelcheck

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestRender checks how the variants write one small instance: only
// the keys of structures and unions change case, and each variant changes
// only its own kind of value.
func TestRender(t *testing.T) {
	inst := &node{kind: kStruct, fields: []field{
		{"Name", "name", &node{kind: kString, str: `a "b"`}},
		{"GopSize", "gopSize", &node{kind: kInt, bits: 32, num: 90}},
		{"Ratio", "ratio", &node{kind: kFloat, bits: 64, frac: 2.5, num: 2, integral: true}},
		{"On", "on", &node{kind: kBool, b: true}},
		{"At", "at", &node{kind: kTime, t: timeBase}},
		{"Tags", "tags", &node{kind: kMap, entries: []entry{{"Key A", &node{kind: kEnum, str: "X"}}}}},
		{"Rule", "rule", &node{kind: kUnion, fields: []field{{"Filter", "filter", &node{kind: kStruct}}}}},
		{"Sizes", "sizes", &node{kind: kList, elems: []*node{{kind: kInt, bits: 64, num: -1}}}},
	}}
	for _, tt := range []struct {
		v    variant
		want string
	}{
		{variant{}, `{"name":"a \"b\"","gopSize":90,"ratio":2.5,"on":true,"at":1714557600,"tags":{"Key A":"X"},"rule":{"filter":{}},"sizes":[-1]}`},
		{variant{keys: keysPascal}, `{"Name":"a \"b\"","GopSize":90,"Ratio":2.5,"On":true,"At":1714557600,"Tags":{"Key A":"X"},"Rule":{"Filter":{}},"Sizes":[-1]}`},
		{variant{keys: keysLower}, `{"name":"a \"b\"","gopsize":90,"ratio":2.5,"on":true,"at":1714557600,"tags":{"Key A":"X"},"rule":{"filter":{}},"sizes":[-1]}`},
		{variant{time: timeEpochMillis}, `{"name":"a \"b\"","gopSize":90,"ratio":2.5,"on":true,"at":1714557600000,"tags":{"Key A":"X"},"rule":{"filter":{}},"sizes":[-1]}`},
		{variant{time: timeEpochExponent}, `{"name":"a \"b\"","gopSize":90,"ratio":2.5,"on":true,"at":1.7145576E9,"tags":{"Key A":"X"},"rule":{"filter":{}},"sizes":[-1]}`},
		{variant{time: timeNumericString}, `{"name":"a \"b\"","gopSize":90,"ratio":2.5,"on":true,"at":"1714557600","tags":{"Key A":"X"},"rule":{"filter":{}},"sizes":[-1]}`},
		{variant{time: timeRFC3339}, `{"name":"a \"b\"","gopSize":90,"ratio":2.5,"on":true,"at":"2024-05-01T10:00:00Z","tags":{"Key A":"X"},"rule":{"filter":{}},"sizes":[-1]}`},
		{variant{time: timeJava}, `{"name":"a \"b\"","gopSize":90,"ratio":2.5,"on":true,"at":"May 1, 2024 10:00:00 AM","tags":{"Key A":"X"},"rule":{"filter":{}},"sizes":[-1]}`},
		{variant{ints: intsDotZero}, `{"name":"a \"b\"","gopSize":90.0,"ratio":2.5,"on":true,"at":1714557600,"tags":{"Key A":"X"},"rule":{"filter":{}},"sizes":[-1.0]}`},
		{variant{ints: intsQuoted}, `{"name":"a \"b\"","gopSize":"90","ratio":2.5,"on":true,"at":1714557600,"tags":{"Key A":"X"},"rule":{"filter":{}},"sizes":["-1"]}`},
		{variant{doublesIntegral: true}, `{"name":"a \"b\"","gopSize":90,"ratio":2,"on":true,"at":1714557600,"tags":{"Key A":"X"},"rule":{"filter":{}},"sizes":[-1]}`},
		{variant{boolsQuoted: true}, `{"name":"a \"b\"","gopSize":90,"ratio":2.5,"on":"true","at":1714557600,"tags":{"Key A":"X"},"rule":{"filter":{}},"sizes":[-1]}`},
		{variant{unknown: true}, `{"name":"a \"b\"","gopSize":90,"ratio":2.5,"on":true,"at":1714557600,"tags":{"Key A":"X"},"rule":{"filter":{"newField2026":{"x":1}}},"sizes":[-1],"newField2026":{"x":1}}`},
	} {
		require.Equal(t, tt.want, string(tt.v.render(nil, inst)), "%+v", tt.v)
	}

	require.Equal(t, "null", string(variant{}.render(nil, &node{kind: kStruct, unit: true})))
	require.Equal(t, `{"newField2026":{"x":1}}`, string(variant{unknown: true}.render(nil, &node{kind: kStruct, unit: true})))

	steps := []step{{'m', 6}, {'u', 0}}
	require.Equal(t, "requestParameters.Rule.Filter", variant{keys: keysPascal}.path("requestParameters", inst, steps))
	require.Equal(t, "requestParameters.sizes[0]", variant{}.path("requestParameters", inst, []step{{'m', 7}, {'e', 0}}))
	require.Equal(t, "responseElements.tags.Key A", variant{}.path("responseElements", inst, []step{{'m', 5}, {'k', 0}}))

	// replace copies what it changes.
	r := replace(inst, steps, &node{kind: kRaw, str: `"***"`})
	require.Equal(t, `{"name":"a \"b\"","gopSize":90,"ratio":2.5,"on":true,"at":1714557600,"tags":{"Key A":"X"},"rule":{"filter":"***"},"sizes":[-1]}`, string(variant{}.render(nil, r)))
	require.Equal(t, kStruct, at(inst, steps).kind)
}

// TestIntIn checks the integers of the instances against range traits.
func TestIntIn(t *testing.T) {
	shape := func(rng string) *astShape {
		if rng == "" {
			return &astShape{}
		}
		return &astShape{Traits: map[string]json.RawMessage{"smithy.api#range": json.RawMessage(rng)}}
	}
	for _, tt := range []struct {
		rng    string
		bits   int
		lo, hi int64
	}{
		{`{"min":-180,"max":180}`, 32, -180, 180},
		{`{"min":0,"max":0}`, 32, 0, 0},
		{`{"min":1}`, 32, 1, 1<<31 - 1},
		{`{"max":100}`, 32, 100 - 100_000, 100},
		{``, 32, 1, 1<<31 - 1},
		{``, 64, 1 << 60, 1<<63 - 1},
		{`{"min":0,"max":14400000}`, 64, 0, 14400000},
	} {
		seen := map[int64]bool{}
		for n := range 30 {
			v := intIn(nil, shape(tt.rng), tt.bits, n)
			require.True(t, tt.lo <= v && v <= tt.hi, "%s: %d", tt.rng, v)
			seen[v] = true
		}
		require.True(t, seen[tt.lo] && seen[tt.hi], "%s: bounds not reached", tt.rng)
	}
}
