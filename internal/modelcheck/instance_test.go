package modelcheck

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mediatrail/mediatrail/internal/typedtest"
)

// astShape is a shape of a Smithy JSON AST, with what the generator of
// instances needs.
type astShape struct {
	Type    string                     `json:"type"`
	Members map[string]*astMember      `json:"members"`
	Member  *astMember                 `json:"member"`
	Key     *astMember                 `json:"key"`
	Value   *astMember                 `json:"value"`
	Traits  map[string]json.RawMessage `json:"traits"`
}

type astMember struct {
	Target string                     `json:"target"`
	Traits map[string]json.RawMessage `json:"traits"`
}

// service is one service model: the operations as typedtest reads them
// and the shapes of the AST.
type service struct {
	name   string // the model's file name and the Go package's name
	model  *typedtest.Model
	shapes map[string]*astShape
}

// loadService reads the model of a service; it skips the test when the
// models are absent.
func loadService(t testing.TB, name string) *service {
	t.Helper()
	m := typedtest.LoadModel(t, name) // skips without the models
	dir, _ := typedtest.ModelsDir()
	data, err := os.ReadFile(filepath.Join(dir, name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Shapes map[string]*astShape `json:"shapes"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s.json: %v", name, err)
	}
	return &service{name: name, model: m, shapes: doc.Shapes}
}

// simpleTypes are the types of the prelude shapes members may target.
var simpleTypes = map[string]string{
	"String": "string", "Boolean": "boolean", "PrimitiveBoolean": "boolean",
	"Byte": "byte", "PrimitiveByte": "byte", "Short": "short", "PrimitiveShort": "short",
	"Integer": "integer", "PrimitiveInteger": "integer", "Long": "long", "PrimitiveLong": "long",
	"Float": "float", "PrimitiveFloat": "float", "Double": "double", "PrimitiveDouble": "double",
	"Timestamp": "timestamp", "Blob": "blob", "Document": "document",
}

// kind is what a value of an instance is.
type kind uint8

const (
	kStruct kind = iota
	kUnion
	kList
	kMap
	kString
	kEnum
	kIntEnum
	kInt
	kFloat
	kBool
	kTime
	kBlob
	kDocument
	kRaw // a value written as given: an injected value, or a member kept whole
)

// node is one value of an instance.
type node struct {
	kind  kind
	shape string // the shape id of a structure, union, list or map
	bits  int    // integers: 8, 16, 32 or 64; floats: 32 or 64
	unit  bool   // the structure of smithy.api#Unit: written as null

	fields  []field // structure: its members; union: its one member
	elems   []*node // list
	entries []entry // map

	str      string    // string, enum, blob (base64), document and raw text
	num      int64     // integer, intEnum; for floats, the integral value
	integral bool      // floats: num is a value within the range
	frac     float64   // floats: the value with a fraction
	b        bool      // boolean
	t        time.Time // timestamp
}

// field is a member of a structure or union: its name in the model and its
// key as CloudTrail writes it.
type field struct {
	name, key string
	val       *node
}

type entry struct {
	key string
	val *node
}

// timeBase is the first timestamp of the instances, 2024-05-01T10:00:00Z;
// the others follow it a minute and a second apart.
var timeBase = time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)

// coverage records which members and union members the instances populated.
type coverage struct {
	members map[string]bool   // "shape$member"
	skipped map[string]string // member left out, and why
}

// generator builds the instances of one service's operations.
type generator struct {
	svc    *service
	cov    *coverage
	rotate int            // differs between operations: rotates union members and enum values
	n      int            // values made so far: varies strings, numbers and times
	unions map[string]int // union shape id: occurrences so far
	stack  []string       // structures and unions being built
}

// maxDepth bounds the nesting of structures and unions; the models nest
// them far less deep.
const maxDepth = 40

func newGenerator(svc *service, cov *coverage, rotate int) *generator {
	return &generator{svc: svc, cov: cov, rotate: rotate, unions: map[string]int{}}
}

// instance returns the instance of an operation's input or output shape id;
// "" (smithy.api#Unit) gives an empty structure written as null.
func (g *generator) instance(t testing.TB, id string) *node {
	if id == "" {
		return &node{kind: kStruct, unit: true}
	}
	return g.value(t, id, nil, id)
}

// resolve returns the type of a target and its shape, nil for the prelude.
func (g *generator) resolve(t testing.TB, target string) (string, *astShape) {
	if s, ok := g.svc.shapes[target]; ok {
		typ := s.Type
		switch {
		case typ == "set":
			typ = "list"
		case typ == "string" && s.Traits["smithy.api#enum"] != nil:
			typ = "enum"
		}
		return typ, s
	}
	if name, ok := strings.CutPrefix(target, "smithy.api#"); ok {
		if typ, ok := simpleTypes[name]; ok {
			return typ, nil
		}
	}
	t.Fatalf("%s: target %s is no shape of the model", g.svc.name, target)
	return "", nil
}

// numRange returns the range trait of a member or its target.
func numRange(memberTraits map[string]json.RawMessage, s *astShape) (lo, hi *float64) {
	raw := memberTraits["smithy.api#range"]
	if raw == nil && s != nil {
		raw = s.Traits["smithy.api#range"]
	}
	var r struct{ Min, Max *float64 }
	_ = json.Unmarshal(raw, &r)
	return r.Min, r.Max
}

// listLen returns how many elements a list or map gets: two, or one below
// the third level of nesting so that the large MediaConvert settings stay
// small, and at least the length trait's minimum up to three.
func (g *generator) listLen(memberTraits map[string]json.RawMessage, s *astShape) int {
	n := 2
	if len(g.stack) >= 3 {
		n = 1
	}
	raw := memberTraits["smithy.api#length"]
	if raw == nil {
		raw = s.Traits["smithy.api#length"]
	}
	var l struct{ Min *int }
	_ = json.Unmarshal(raw, &l)
	if l.Min != nil && *l.Min > n {
		n = min(*l.Min, 3)
	}
	return n
}

// value builds a value of target; hint names it, for strings.
func (g *generator) value(t testing.TB, target string, memberTraits map[string]json.RawMessage, hint string) *node {
	typ, s := g.resolve(t, target)
	g.n++
	n := g.n
	switch typ {
	case "structure", "union":
		if slices.Contains(g.stack, target) || len(g.stack) >= maxDepth {
			return nil
		}
		g.stack = append(g.stack, target)
		defer func() { g.stack = g.stack[:len(g.stack)-1] }()
		names := make([]string, 0, len(s.Members))
		for name, m := range s.Members {
			if ts, ok := g.svc.shapes[m.Target]; ok && ts.Traits["smithy.api#streaming"] != nil {
				continue // event streams are not logged, nor typed
			}
			names = append(names, name)
		}
		slices.Sort(names)
		v := &node{kind: kStruct, shape: target}
		if typ == "union" {
			v.kind = kUnion
			i := (g.rotate + g.unions[target]) % len(names)
			g.unions[target]++
			names = names[i : i+1]
		}
		for _, name := range names {
			m := s.Members[name]
			mv := g.value(t, m.Target, m.Traits, name)
			id := target + "$" + name
			if mv == nil {
				if !g.cov.members[id] {
					g.cov.skipped[id] = "cycle or depth limit"
				}
				continue
			}
			g.cov.members[id] = true
			delete(g.cov.skipped, id)
			v.fields = append(v.fields, field{name: name, key: g.wireName(name, m), val: mv})
		}
		return v
	case "list":
		v := &node{kind: kList, shape: target}
		for i := range g.listLen(memberTraits, s) {
			e := g.value(t, s.Member.Target, s.Member.Traits, fmt.Sprintf("%s%d", hint, i+1))
			if e == nil {
				return nil
			}
			v.elems = append(v.elems, e)
		}
		return v
	case "map":
		v := &node{kind: kMap, shape: target}
		keyType, keyShape := g.resolve(t, s.Key.Target)
		var keys []string
		for i := range g.listLen(memberTraits, s) {
			if keyType == "enum" {
				vals := enumValues(keyShape)
				keys = append(keys, vals[(g.rotate+i)%len(vals)])
			} else {
				keys = append(keys, fmt.Sprintf("%s Key %d%s", hint, g.n+i, specialText(i)))
			}
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		for _, k := range keys {
			e := g.value(t, s.Value.Target, s.Value.Traits, hint)
			if e == nil {
				return nil
			}
			v.entries = append(v.entries, entry{key: k, val: e})
		}
		return v
	case "string":
		return &node{kind: kString, str: fmt.Sprintf("%s-%d%s", hint, n, specialText(n%4))}
	case "enum":
		vals := enumValues(s)
		return &node{kind: kEnum, str: vals[(g.rotate+n)%len(vals)]}
	case "intEnum":
		var vals []int64
		for _, m := range s.Members {
			var x int64
			_ = json.Unmarshal(m.Traits["smithy.api#enumValue"], &x)
			vals = append(vals, x)
		}
		slices.Sort(vals)
		return &node{kind: kIntEnum, num: vals[(g.rotate+n)%len(vals)]}
	case "byte", "short", "integer", "long":
		bits := map[string]int{"byte": 8, "short": 16, "integer": 32, "long": 64}[typ]
		return &node{kind: kInt, bits: bits, num: intIn(memberTraits, s, bits, n)}
	case "float", "double":
		v := &node{kind: kFloat, bits: 32}
		if typ == "double" {
			v.bits = 64
		}
		v.frac, v.num, v.integral = floatIn(memberTraits, s, n)
		return v
	case "boolean":
		return &node{kind: kBool, b: n%2 == 0}
	case "timestamp":
		return &node{kind: kTime, t: timeBase.Add(time.Duration(n) * 61 * time.Second)}
	case "blob":
		return &node{kind: kBlob, str: base64.StdEncoding.EncodeToString([]byte(fmt.Sprintf("blob %d", n)))}
	case "document":
		return &node{kind: kDocument, str: fmt.Sprintf(`{"document":%d}`, n)}
	}
	t.Fatalf("%s: %s has type %s, which the instances do not know", g.svc.name, target, typ)
	return nil
}

// specialText returns characters that JSON escapes or that are not ASCII
// when i is 1, else "": the strings and map keys of the instances end with
// it, so that some of them have such characters.
func specialText(i int) string {
	if i != 1 {
		return ""
	}
	return " \"q\" \\ / é ✓ <&> \t\u2028"
}

// wireName is the key of a member as CloudTrail writes it: the jsonName
// for restJson1 services, else the member name.
func (g *generator) wireName(name string, m *astMember) string {
	if g.svc.model.Protocol == "restJson1" {
		var jn string
		if json.Unmarshal(m.Traits["smithy.api#jsonName"], &jn) == nil && jn != "" {
			return jn
		}
	}
	return name
}

// enumValues returns the values of a string enum shape, sorted.
func enumValues(s *astShape) []string {
	var vals []string
	if s.Type == "string" {
		var defs []struct{ Value string }
		_ = json.Unmarshal(s.Traits["smithy.api#enum"], &defs)
		for _, d := range defs {
			vals = append(vals, d.Value)
		}
	}
	for name, m := range s.Members {
		v := name
		_ = json.Unmarshal(m.Traits["smithy.api#enumValue"], &v)
		vals = append(vals, v)
	}
	slices.Sort(vals)
	return vals
}

// intIn returns an integer within the range of the member and of the
// integer type, varied by n: its upper bound for every seventh value, its
// lower bound for the next, else one between them. Longs without a range
// start at 2^60, beyond the integers a float64 holds exactly.
func intIn(memberTraits map[string]json.RawMessage, s *astShape, bits int, n int) int64 {
	tmin, tmax := int64(-1)<<(bits-1), int64(1)<<(bits-1)-1
	lo, hi := int64(1), tmax
	if bits == 64 {
		lo = 1 << 60
	}
	rlo, rhi := numRange(memberTraits, s)
	if rlo != nil {
		lo = int64(math.Ceil(*rlo))
	}
	if rhi != nil {
		hi = int64(math.Floor(*rhi))
		if rlo == nil {
			lo = max(tmin, hi-100_000)
		}
	}
	lo, hi = max(lo, tmin), min(hi, tmax)
	if hi <= lo {
		return lo
	}
	switch n % 7 {
	case 0:
		return hi
	case 1:
		return lo
	}
	span := uint64(hi) - uint64(lo) // no overflow, unlike hi-lo
	if span == math.MaxUint64 {
		return lo + int64(n*7919)
	}
	return lo + int64(uint64(n)*7919%(span+1))
}

// floatIn returns a value with a fraction within the range of the member,
// and an integral value within it if there is one, both varied by n.
func floatIn(memberTraits map[string]json.RawMessage, s *astShape, n int) (frac float64, whole int64, ok bool) {
	lo, hi := 0.0, 1000.0
	rlo, rhi := numRange(memberTraits, s)
	switch {
	case rlo != nil && rhi != nil:
		lo, hi = *rlo, *rhi
	case rlo != nil:
		lo, hi = *rlo, *rlo+1000
	case rhi != nil:
		lo, hi = *rhi-1000, *rhi
	}
	span := math.Floor(hi - lo)
	k := 0.0
	if span >= 1 {
		k = float64(n % int(min(span, 1000)))
	}
	frac = lo + k + 0.5
	if frac > hi {
		frac = lo + (hi-lo)/2
	}
	first := math.Ceil(lo)
	if first <= hi {
		w := first + k
		if w > hi {
			w = first
		}
		return frac, int64(w), true
	}
	return frac, 0, false
}

// keyStyle is how a variant spells the keys of structures and unions.
type keyStyle uint8

const (
	keysAsModel keyStyle = iota
	keysLowerCamel
	keysPascal
	keysLower
)

// timeStyle is how a variant writes timestamps.
type timeStyle uint8

const (
	timeEpochSeconds timeStyle = iota
	timeEpochMillis
	timeEpochExponent // epoch seconds as Java writes a double: 1.7145576E9
	timeNumericString
	timeRFC3339
	timeJava
)

// intStyle is how a variant writes integers.
type intStyle uint8

const (
	intsPlain intStyle = iota
	intsDotZero
	intsQuoted
)

// variant is a way of writing an instance.
type variant struct {
	name            string
	keys            keyStyle
	time            timeStyle
	ints            intStyle
	doublesIntegral bool // doubles and floats as integers, where the range has one
	boolsQuoted     bool // booleans as "true" and "false"
	unknown         bool // a member newField2026 in every structure
	indent          bool // the record indented, as in the documentation
}

// unknownKey and unknownValue are the member the unknown-members variant
// adds to every structure.
const (
	unknownKey   = "newField2026"
	unknownValue = `{"x":1}`
)

// key returns the key of a structure or union member as v writes it.
func (v variant) key(k string) string {
	if k == "" {
		return k
	}
	switch v.keys {
	case keysLowerCamel:
		return strings.ToLower(k[:1]) + k[1:]
	case keysPascal:
		return strings.ToUpper(k[:1]) + k[1:]
	case keysLower:
		return strings.ToLower(k)
	}
	return k
}

// timeText returns a timestamp as v writes it.
func (v variant) timeText(t time.Time) string {
	switch v.time {
	case timeEpochMillis:
		return strconv.FormatInt(t.UnixMilli(), 10)
	case timeEpochExponent:
		digits := strconv.FormatInt(t.Unix(), 10)
		frac := strings.TrimRight(digits[1:], "0")
		if frac == "" {
			frac = "0"
		}
		return digits[:1] + "." + frac + "E" + strconv.Itoa(len(digits)-1)
	case timeNumericString:
		return strconv.Quote(strconv.FormatInt(t.Unix(), 10))
	case timeRFC3339:
		return strconv.Quote(t.UTC().Format(time.RFC3339))
	case timeJava:
		return strconv.Quote(t.UTC().Format("Jan 2, 2006 3:04:05 PM"))
	}
	return strconv.FormatInt(t.Unix(), 10)
}

// floatValue returns the value v writes for a float node, and whether it
// writes it as an integer.
func (v variant) floatValue(n *node) (float64, bool) {
	if v.doublesIntegral && n.integral {
		return float64(n.num), true
	}
	return n.frac, false
}

// render appends the JSON text of n as v writes it.
func (v variant) render(b []byte, n *node) []byte {
	switch n.kind {
	case kStruct, kUnion:
		if n.unit && !v.unknown {
			return append(b, "null"...)
		}
		b = append(b, '{')
		for i, f := range n.fields {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendQuote(b, v.key(f.key))
			b = append(b, ':')
			b = v.render(b, f.val)
		}
		if v.unknown && n.kind == kStruct {
			if len(n.fields) > 0 {
				b = append(b, ',')
			}
			b = append(b, `"`+unknownKey+`":`+unknownValue...)
		}
		return append(b, '}')
	case kList:
		b = append(b, '[')
		for i, e := range n.elems {
			if i > 0 {
				b = append(b, ',')
			}
			b = v.render(b, e)
		}
		return append(b, ']')
	case kMap:
		b = append(b, '{')
		for i, e := range n.entries {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendQuote(b, e.key)
			b = append(b, ':')
			b = v.render(b, e.val)
		}
		return append(b, '}')
	case kString, kEnum, kBlob:
		return strconv.AppendQuote(b, n.str)
	case kIntEnum:
		return strconv.AppendInt(b, n.num, 10)
	case kInt:
		switch v.ints {
		case intsDotZero:
			return append(strconv.AppendInt(b, n.num, 10), ".0"...)
		case intsQuoted:
			return strconv.AppendQuote(b, strconv.FormatInt(n.num, 10))
		}
		return strconv.AppendInt(b, n.num, 10)
	case kFloat:
		f, whole := v.floatValue(n)
		if whole {
			return strconv.AppendInt(b, int64(f), 10)
		}
		return strconv.AppendFloat(b, f, 'f', -1, 64)
	case kBool:
		if v.boolsQuoted {
			return strconv.AppendQuote(b, strconv.FormatBool(n.b))
		}
		return strconv.AppendBool(b, n.b)
	case kTime:
		return append(b, v.timeText(n.t)...)
	case kDocument, kRaw:
		return append(b, n.str...)
	}
	panic(fmt.Sprintf("render: kind %d", n.kind))
}

// step is one step from a value to a value within it: the i-th member of a
// structure ('m') or union ('u'), element of a list ('e') or entry of a map
// ('k').
type step struct {
	kind byte
	i    int
}

// at returns the value that steps lead to from n.
func at(n *node, steps []step) *node {
	for _, s := range steps {
		switch s.kind {
		case 'm', 'u':
			n = n.fields[s.i].val
		case 'e':
			n = n.elems[s.i]
		case 'k':
			n = n.entries[s.i].val
		}
	}
	return n
}

// replace returns a copy of n in which the value that steps lead to is
// repl; n itself is not changed.
func replace(n *node, steps []step, repl *node) *node {
	if len(steps) == 0 {
		return repl
	}
	c := *n
	s := steps[0]
	switch s.kind {
	case 'm', 'u':
		c.fields = slices.Clone(n.fields)
		c.fields[s.i].val = replace(n.fields[s.i].val, steps[1:], repl)
	case 'e':
		c.elems = slices.Clone(n.elems)
		c.elems[s.i] = replace(n.elems[s.i], steps[1:], repl)
	case 'k':
		c.entries = slices.Clone(n.entries)
		c.entries[s.i].val = replace(n.entries[s.i].val, steps[1:], repl)
	}
	return &c
}

// path returns the JSON path that steps lead to from root, keys as v
// writes them: "requestParameters.settings.outputGroups[0].customName".
func (v variant) path(root string, n *node, steps []step) string {
	p := root
	for _, s := range steps {
		switch s.kind {
		case 'm', 'u':
			p += "." + v.key(n.fields[s.i].key)
			n = n.fields[s.i].val
		case 'e':
			p += "[" + strconv.Itoa(s.i) + "]"
			n = n.elems[s.i]
		case 'k':
			p += "." + n.entries[s.i].key
			n = n.entries[s.i].val
		}
	}
	return p
}

// walk calls fn for every value within n, with the steps to it, in
// document order, parents before their values.
func walk(n *node, steps []step, fn func(steps []step, n *node)) {
	fn(steps, n)
	next := func(k byte, i int, c *node) {
		walk(c, append(slices.Clip(steps), step{k, i}), fn)
	}
	switch n.kind {
	case kStruct:
		for i, f := range n.fields {
			next('m', i, f.val)
		}
	case kUnion:
		for i, f := range n.fields {
			next('u', i, f.val)
		}
	case kList:
		for i, e := range n.elems {
			next('e', i, e)
		}
	case kMap:
		for i, e := range n.entries {
			next('k', i, e.val)
		}
	}
}
