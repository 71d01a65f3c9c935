package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// fixPlans plans every service of the list from the models.
func fixPlans(t *testing.T) []*plan {
	t.Helper()
	dir := modelsDir(t)
	var plans []*plan
	for _, s := range services {
		p, err := planService(s, dir, t.TempDir())
		require.NoError(t, err, s.Package)
		plans = append(plans, p)
	}
	return plans
}

// TestFixturesDeterministic makes the fixtures and examples twice, from
// models read twice: the bytes are the same, every string satisfies its
// constraints, and the data stay small.
func TestFixturesDeterministic(t *testing.T) {
	first, misses, err := fixturesFile(fixPlans(t))
	require.NoError(t, err)
	require.Empty(t, misses, "strings that do not satisfy their constraints")
	second, _, err := fixturesFile(fixPlans(t))
	require.NoError(t, err)
	require.True(t, bytes.Equal(first, second), "the fixtures differ between runs")
	require.Less(t, len(first), 1_500_000, "the fixtures grew past 1.5 MB")

	root := moduleRootOf(t)
	ex1, err := examplesFile(root)
	require.NoError(t, err)
	ex2, err := examplesFile(root)
	require.NoError(t, err)
	require.True(t, bytes.Equal(ex1, ex2), "the examples differ between runs")
	for i, line := range bytes.Split(bytes.TrimSuffix(ex1, []byte("\n")), []byte("\n")) {
		require.True(t, json.Valid(line), "examples line %d", i+1)
	}
}

// fixChecker checks a fixture against the model, independently of how the
// maker made it.
type fixChecker struct {
	mf        *modelFile
	errs      []string
	strings   int             // strings checked
	unchecked map[string]bool // patterns Go cannot compile
}

func (c *fixChecker) fail(path, format string, args ...any) {
	c.errs = append(c.errs, path+": "+fmt.Sprintf(format, args...))
}

// bound reads a range or length trait of a member, else of its target.
func (c *fixChecker) bound(mt map[string]json.RawMessage, target, trait string) (lo, hi float64) {
	lo, hi = math.Inf(-1), math.Inf(1)
	raw, ok := mt[trait]
	if !ok {
		if s, ok := c.mf.m.Shapes[target]; ok {
			raw = s.Traits[trait]
		}
	}
	var r struct{ Min, Max *float64 }
	if raw != nil {
		_ = json.Unmarshal(raw, &r)
	}
	if r.Min != nil {
		lo = *r.Min
	}
	if r.Max != nil {
		hi = *r.Max
	}
	return lo, hi
}

func (c *fixChecker) pattern(mt map[string]json.RawMessage, target string) string {
	var p string
	if raw, ok := mt["smithy.api#pattern"]; ok {
		_ = json.Unmarshal(raw, &p)
	} else if s, ok := c.mf.m.Shapes[target]; ok && s.Traits["smithy.api#pattern"] != nil {
		_ = json.Unmarshal(s.Traits["smithy.api#pattern"], &p)
	}
	return p
}

func (c *fixChecker) str(path string, mt map[string]json.RawMessage, target, s string) {
	c.strings++
	lo, hi := c.bound(mt, target, "smithy.api#length")
	if n := float64(utf8.RuneCountInString(s)); n < lo || n > hi {
		c.fail(path, "%q has %v characters, want %v to %v", s, n, lo, hi)
	}
	if p := c.pattern(mt, target); p != "" {
		re, err := regexp.Compile(fixGoPattern(p))
		if err != nil {
			c.unchecked[p] = true
			return
		}
		if !re.MatchString(s) {
			c.fail(path, "%q does not match %q", s, p)
		}
	}
	if s == "" {
		c.fail(path, "empty string")
	}
}

func (c *fixChecker) value(path, target string, mt map[string]json.RawMessage, v any) {
	k, err := c.mf.m.kindOf(target)
	if err != nil {
		c.fail(path, "%v", err)
		return
	}
	s := c.mf.m.Shapes[target]
	switch k {
	case kStruct, kUnion:
		obj, ok := v.(map[string]any)
		if !ok {
			c.fail(path, "%T for a %s", v, k)
			return
		}
		byKey := map[string]string{}
		for _, name := range c.mf.m.members(target) {
			byKey[wireName(c.mf, name, s.Members[name])] = name
		}
		if k == kUnion && len(obj) != 1 {
			c.fail(path, "union with %d members", len(obj))
		}
		for key, mv := range obj {
			name, ok := byKey[key]
			if !ok {
				c.fail(path, "key %q is no member's wire name", key)
				continue
			}
			c.value(path+"."+key, s.Members[name].Target, s.Members[name].Traits, mv)
		}
		if k == kStruct {
			for key := range byKey {
				if _, ok := obj[key]; !ok {
					c.fail(path, "member %q missing", key)
				}
			}
		}
	case kList:
		arr, ok := v.([]any)
		if !ok {
			c.fail(path, "%T for a list", v)
			return
		}
		lo, hi := c.bound(mt, target, "smithy.api#length")
		if n := float64(len(arr)); n < max(lo, 1) || n > hi {
			c.fail(path, "list of %d", len(arr))
		}
		for i, e := range arr {
			c.value(path+"["+strconv.Itoa(i)+"]", s.Member.Target, s.Member.Traits, e)
		}
	case kMap:
		obj, ok := v.(map[string]any)
		if !ok || len(obj) == 0 {
			c.fail(path, "%T (%d entries) for a map", v, len(obj))
			return
		}
		kk, _ := c.mf.m.kindOf(s.Key.Target)
		for key, e := range obj {
			if kk == kEnum {
				c.enum(path+"."+key, s.Key.Target, key)
			} else {
				c.str(path+"."+key+"(key)", s.Key.Traits, s.Key.Target, key)
			}
			c.value(path+"."+key, s.Value.Target, s.Value.Traits, e)
		}
	case kString:
		str, ok := v.(string)
		if !ok {
			c.fail(path, "%T for a string", v)
			return
		}
		c.str(path, mt, target, str)
	case kEnum:
		str, ok := v.(string)
		if !ok {
			c.fail(path, "%T for an enum", v)
			return
		}
		c.enum(path, target, str)
	case kIntEnum:
		n, ok := v.(json.Number)
		if !ok {
			c.fail(path, "%T for an intEnum", v)
			return
		}
		c.enum(path, target, n.String())
	case kBool:
		if _, ok := v.(bool); !ok {
			c.fail(path, "%T for a boolean", v)
		}
	case kByte, kShort, kInt, kLong, kBigInt:
		n, ok := v.(json.Number)
		if !ok {
			c.fail(path, "%T for an integer", v)
			return
		}
		i, err := strconv.ParseInt(n.String(), 10, map[kind]int{kByte: 8, kShort: 16, kInt: 32, kLong: 64, kBigInt: 64}[k])
		if err != nil {
			c.fail(path, "%s: %v", n, err)
			return
		}
		if lo, hi := c.bound(mt, target, "smithy.api#range"); float64(i) < lo || float64(i) > hi {
			c.fail(path, "%d out of range %v to %v", i, lo, hi)
		}
	case kFloat, kDouble, kBigDec:
		n, ok := v.(json.Number)
		if !ok {
			c.fail(path, "%T for a number", v)
			return
		}
		f, err := n.Float64()
		if lo, hi := c.bound(mt, target, "smithy.api#range"); err != nil || f < lo || f > hi {
			c.fail(path, "%s out of range %v to %v", n, lo, hi)
		}
	case kTimestamp:
		n, ok := v.(json.Number)
		if !ok {
			c.fail(path, "%T for a timestamp", v)
			return
		}
		f, err := n.Float64()
		if err != nil || f < 1.7e9 || f > 1.8e9 {
			c.fail(path, "%s is no epoch time of 2024", n)
		}
		if millis := fixTimeStyle[c.mf.file] == "millis"; millis != strings.Contains(n.String(), ".") {
			c.fail(path, "%s is not in the model's time form", n)
		}
	case kBlob:
		str, _ := v.(string)
		if _, err := base64.StdEncoding.DecodeString(str); err != nil || str == "" {
			c.fail(path, "%q is no base64", str)
		}
	case kDocument:
		if v == nil {
			c.fail(path, "null document")
		}
	}
}

func (c *fixChecker) enum(path, target, v string) {
	vals, err := c.mf.m.enumValues(target)
	if err != nil {
		c.fail(path, "%v", err)
		return
	}
	if !slices.ContainsFunc(vals, func(e enumValue) bool { return e.Value == v }) {
		c.fail(path, "%q is no value of %s", v, target)
	}
}

// TestFixturesAgainstModels reads the generated fixtures file and checks
// every value against the models: every member present under its wire
// name, strings within their length and matching their pattern, enum
// values of the model, numbers within their ranges and types, timestamps
// as CloudTrail writes them for the service.
func TestFixturesAgainstModels(t *testing.T) {
	plans := fixPlans(t)
	data, _, err := fixturesFile(plans)
	require.NoError(t, err)
	lines := map[string]map[string]json.RawMessage{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		d := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		var line map[string]json.RawMessage
		require.NoError(t, d.Decode(&line))
		var src, name string
		if json.Unmarshal(line["eventName"], &name) == nil && name != "" {
			require.NoError(t, json.Unmarshal(line["eventSource"], &src))
			lines[src+" "+name] = line
		}
	}
	require.NoError(t, sc.Err())
	var ops, strs int
	unchecked := map[string]bool{}
	for _, p := range plans {
		for _, o := range p.ops {
			line, ok := lines[p.models[0].source+" "+o.Name]
			require.True(t, ok, o.Name)
			ops++
			c := &fixChecker{mf: o.Model, unchecked: unchecked}
			for _, part := range []struct {
				key string
				r   *ref
			}{{"request", o.Shape.Input}, {"response", o.Shape.Output}} {
				d := json.NewDecoder(bytes.NewReader(line[part.key]))
				d.UseNumber()
				var v any
				require.NoError(t, d.Decode(&v))
				if part.r == nil || part.r.Target == "smithy.api#Unit" || len(o.Model.m.members(part.r.Target)) == 0 {
					require.Nil(t, v, "%s %s", o.Name, part.key)
					continue
				}
				c.value(o.Name+"."+part.key, part.r.Target, nil, v)
			}
			require.Empty(t, c.errs, o.Name)
			strs += c.strings
		}
	}
	t.Logf("%d operations, %d strings checked; %d patterns Go cannot compile", ops, strs, len(unchecked))
	require.Positive(t, strs)
}

// TestFixFromPattern makes strings from every pattern of the models: each
// matches its pattern.
func TestFixFromPattern(t *testing.T) {
	patterns := map[string]bool{}
	for _, p := range fixPlans(t) {
		for _, mf := range p.models {
			for _, s := range mf.m.Shapes {
				traits := []map[string]json.RawMessage{s.Traits}
				for _, m := range s.Members {
					traits = append(traits, m.Traits)
				}
				for _, tr := range traits {
					var pat string
					if raw := tr["smithy.api#pattern"]; raw != nil && json.Unmarshal(raw, &pat) == nil {
						patterns[pat] = true
					}
				}
			}
		}
	}
	require.NotEmpty(t, patterns)
	for pat := range patterns {
		re, err := regexp.Compile(fixGoPattern(pat))
		require.NoError(t, err, "Go cannot compile %q: the maker checks nothing against it", pat)
		for seed := range 4 {
			for _, long := range []bool{false, true} {
				s, ok := fixFromPattern(pat, seed, long)
				require.True(t, ok, pat)
				require.True(t, re.MatchString(s), "%q from %q (seed %d, long %v)", s, pat, seed, long)
			}
		}
	}
	for _, tt := range []struct{ pattern, want string }{
		{`^s3:\/\/.*$`, "s3://amzn-s3-demo-bucket/media/example"},
		{`^https:\/\/.*$`, "https://www.example.com/media/example"},
		{`^\d{13}-\w{6}$`, "0123456789012-abcdef"},
		{`^(^$)|(^.*\{count\}.*$)$`, "example{count}"},
		{`^[0-9a-fA-F]{8}$`, "abcdef01"},
	} {
		s, ok := fixFromPattern(tt.pattern, 0, false)
		require.True(t, ok)
		require.Equal(t, tt.want, s, tt.pattern)
	}
	_, ok := fixFromPattern(`(?<=a)b`, 0, false)
	require.False(t, ok, "a pattern Go cannot parse")
	require.Equal(t, `^.{1,1000}\.png$|^a{2,3}$|^b{1001,2000}$`, fixGoPattern(`^.{1,1020}\.png$|^a{2,3}$|^b{1001,2000}$`))
}

func TestFixWords(t *testing.T) {
	require.Equal(t, []string{"output", "group", "name"}, fixWords("OutputGroupName"))
	require.Equal(t, []string{"kms", "key", "arn"}, fixWords("KMSKeyArn"))
	require.Equal(t, "ad-decision-server-url", fixKebab("AdDecisionServerUrl"))
	require.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, fixUUID("x"))
}
