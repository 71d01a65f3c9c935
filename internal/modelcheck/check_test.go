package modelcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

var (
	rawMembersType = reflect.TypeFor[cloudtrail.RawMembers]()
	timeType       = reflect.TypeFor[cloudtrail.Time]()
)

// fieldIndex maps the lower-cased JSON names of a generated structure's
// fields to their indices.
var fieldIndex sync.Map // reflect.Type -> map[string]int

func fieldsOf(t reflect.Type) map[string]int {
	if m, ok := fieldIndex.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			m[strings.ToLower(name)] = i
		}
	}
	fieldIndex.Store(t, m)
	return m
}

// checker compares a decoded Go value with the instance it was decoded
// from, as a variant wrote it.
type checker struct {
	v      variant
	errs   []string
	checks int // values compared
}

func (c *checker) fail(path, format string, args ...any) {
	c.errs = append(c.errs, path+": "+fmt.Sprintf(format, args...))
}

// value compares the Go value v with the instance n at path.
func (c *checker) value(path string, n *node, v reflect.Value) {
	c.checks++
	if n.kind == kRaw {
		c.fail(path, "a value kept whole only by a structure (test bug)")
		return
	}
	if n.kind != kUnion && n.kind != kList && n.kind != kMap {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				c.fail(path, "%s is nil, want the value of the record", v.Type())
				return
			}
			v = v.Elem()
		}
	}
	switch n.kind {
	case kStruct:
		c.structure(path, n, v)
	case kUnion:
		c.union(path, n, v)
	case kList:
		if v.Kind() != reflect.Slice {
			c.fail(path, "Go type %s for a list", v.Type())
			return
		}
		if v.IsNil() || v.Len() != len(n.elems) {
			c.fail(path, "list has %d elements (nil: %v), want %d", v.Len(), v.IsNil(), len(n.elems))
			return
		}
		for i, e := range n.elems {
			c.value(fmt.Sprintf("%s[%d]", path, i), e, v.Index(i))
		}
	case kMap:
		if v.Kind() != reflect.Map {
			c.fail(path, "Go type %s for a map", v.Type())
			return
		}
		if v.IsNil() || v.Len() != len(n.entries) {
			c.fail(path, "map has %d entries (nil: %v), want %d", v.Len(), v.IsNil(), len(n.entries))
			return
		}
		for _, e := range n.entries {
			k := reflect.ValueOf(e.key).Convert(v.Type().Key())
			mv := v.MapIndex(k)
			if !mv.IsValid() {
				c.fail(path, "map has no key %q", e.key)
				continue
			}
			c.value(path+"."+e.key, e.val, mv)
		}
	case kString, kEnum:
		if v.Kind() != reflect.String || v.String() != n.str {
			c.fail(path, "got %#v, want %q", v.Interface(), n.str)
		}
	case kIntEnum, kInt:
		switch v.Kind() {
		case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			if v.Int() == n.num && (n.kind == kIntEnum || v.Type().Bits() == n.bits) {
				return
			}
		}
		c.fail(path, "got %#v, want %d (%d bits)", v.Interface(), n.num, n.bits)
	case kFloat:
		want, _ := c.v.floatValue(n)
		switch v.Kind() {
		case reflect.Float32:
			if n.bits == 32 && v.Float() == float64(float32(want)) {
				return
			}
		case reflect.Float64:
			if n.bits == 64 && v.Float() == want {
				return
			}
		}
		c.fail(path, "got %#v, want %v (%d bits)", v.Interface(), want, n.bits)
	case kBool:
		if v.Kind() != reflect.Bool || v.Bool() != n.b {
			c.fail(path, "got %#v, want %v", v.Interface(), n.b)
		}
	case kTime:
		if v.Type() != timeType {
			c.fail(path, "Go type %s for a timestamp", v.Type())
			return
		}
		got := v.Interface().(cloudtrail.Time)
		if raw := c.v.timeText(n.t); !got.Time.Equal(n.t) || got.Raw != raw {
			c.fail(path, "got %s (Raw %s), want %s (Raw %s)", got.Time.Format("2006-01-02T15:04:05.999999999Z07:00"), got.Raw, n.t.Format("2006-01-02T15:04:05Z07:00"), raw)
		}
	case kBlob:
		if v.Kind() != reflect.Slice || v.Type().Elem().Kind() != reflect.Uint8 {
			c.fail(path, "Go type %s for a blob", v.Type())
			return
		}
		want, _ := json.Marshal(v.Bytes())
		if string(want) != `"`+n.str+`"` {
			c.fail(path, "got %s, want %q", want, n.str)
		}
	case kDocument:
		got, _ := json.Marshal(v.Interface())
		if !bytes.Equal(got, []byte(n.str)) {
			c.fail(path, "got %s, want %s", got, n.str)
		}
	default:
		c.fail(path, "instance of kind %d (test bug)", n.kind)
	}
}

// structure compares a generated structure with an instance: every member
// in its typed field, and in UnknownMembers exactly the kept values
// (injected values and members kept whole, under their keys as written)
// and, for the unknown-members variant, newField2026.
func (c *checker) structure(path string, n *node, v reflect.Value) {
	if v.Kind() != reflect.Struct {
		c.fail(path, "Go type %s for a structure", v.Type())
		return
	}
	fields := fieldsOf(v.Type())
	var want cloudtrail.RawMembers
	for _, f := range n.fields {
		key := c.v.key(f.key)
		i, ok := fields[strings.ToLower(f.key)]
		if !ok {
			c.fail(path, "%s has no field for member %s (%q)", v.Type(), f.name, f.key)
			continue
		}
		fv := v.Field(i)
		if f.val.kind == kRaw {
			c.checks++
			if !fv.IsZero() {
				c.fail(path+"."+key, "field %s is set to %v; want it unset, the value %s kept in UnknownMembers", v.Type().Field(i).Name, fv, f.val.str)
			}
			want = append(want, cloudtrail.RawMember{Name: key, Value: json.RawMessage(f.val.str)})
			continue
		}
		c.value(path+"."+key, f.val, fv)
		if c.v.asWritten(f.val) {
			// Converted, and kept as written too, for encoding.
			want = append(want, cloudtrail.RawMember{Name: key, Value: json.RawMessage(c.v.render(nil, f.val))})
		}
	}
	if c.v.unknown {
		want = append(want, cloudtrail.RawMember{Name: unknownKey, Value: json.RawMessage(unknownValue)})
	}
	u := v.FieldByName("UnknownMembers")
	if !u.IsValid() || u.Type() != rawMembersType {
		c.fail(path, "%s has no UnknownMembers", v.Type())
		return
	}
	c.checks++
	got := u.Interface().(cloudtrail.RawMembers)
	if !equalRaw(got, want, c.v.indent) {
		c.fail(path, "%s.UnknownMembers = %s, want %s", v.Type().Name(), showRaw(got), showRaw(want))
	}
	if c.v.unknown {
		if raw, ok := got.Get(strings.ToUpper(unknownKey)); !ok || !equalRaw(cloudtrail.RawMembers{{Value: raw}}, cloudtrail.RawMembers{{Value: json.RawMessage(unknownValue)}}, c.v.indent) {
			c.fail(path, "UnknownMembers.Get(%q) = %s, %v", strings.ToUpper(unknownKey), raw, ok)
		}
	}
}

// asWritten reports whether v writes n, or a scalar within it outside
// structures, in another form than the encoder writes its value: a number
// in a string, 90.0, "true". The decoder then keeps the member that holds
// it as written, besides its typed field.
func (v variant) asWritten(n *node) bool {
	switch n.kind {
	case kInt:
		return v.ints != intsPlain
	case kBool:
		return v.boolsQuoted
	case kFloat:
		canonical, err := json.Marshal(n.frac)
		if f, whole := v.floatValue(n); whole {
			canonical, err = json.Marshal(f)
		}
		return err != nil || string(canonical) != string(v.render(nil, n))
	case kList:
		for _, e := range n.elems {
			if v.asWritten(e) {
				return true
			}
		}
	case kMap:
		for _, e := range n.entries {
			if v.asWritten(e.val) {
				return true
			}
		}
	case kUnion:
		for _, f := range n.fields {
			if v.asWritten(f.val) {
				return true
			}
		}
	}
	return false
}

// union compares a generated union value with an instance: the member's
// type, not the unknown member, and its value.
func (c *checker) union(path string, n *node, v reflect.Value) {
	if v.Kind() != reflect.Interface {
		c.fail(path, "Go type %s for a union", v.Type())
		return
	}
	if v.IsNil() {
		c.fail(path, "union %s is nil", v.Type())
		return
	}
	e := v.Elem()
	if e.Kind() != reflect.Pointer || e.IsNil() || e.Elem().Kind() != reflect.Struct {
		c.fail(path, "union value of type %s", e.Type())
		return
	}
	f := n.fields[0]
	name := e.Type().Elem().Name()
	if name == "UnknownUnionMember" || !strings.HasSuffix(strings.ToLower(name), strings.ToLower("Member"+f.name)) {
		c.fail(path, "union member %s decoded as %s", f.name, name)
		return
	}
	val := e.Elem().FieldByName("Value")
	if !val.IsValid() {
		c.fail(path, "%s has no Value", name)
		return
	}
	c.value(path+"."+c.v.key(f.key), f.val, val)
}

// equalRaw reports whether two lists of kept members are the same, the
// values compared as written, or compacted for an indented record.
func equalRaw(a, b cloudtrail.RawMembers, compact bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i].Value, b[i].Value
		if compact {
			var bx, by bytes.Buffer
			if json.Compact(&bx, x) != nil || json.Compact(&by, y) != nil {
				return false
			}
			x, y = bx.Bytes(), by.Bytes()
		}
		if a[i].Name != b[i].Name || !bytes.Equal(x, y) {
			return false
		}
	}
	return true
}

func showRaw(m cloudtrail.RawMembers) string {
	if len(m) == 0 {
		return "[]"
	}
	var parts []string
	for _, r := range m {
		s := string(r.Value)
		if len(s) > 80 {
			s = s[:77] + "..."
		}
		parts = append(parts, fmt.Sprintf("%s=%s", r.Name, s))
	}
	return "[" + strings.Join(parts, " ") + "]"
}
