package typedtest

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// GeneratedShape is a shape of a model and the Go type the generator made
// for it; the generator lists them in each package's
// zz_generated_shapes_test.go.
type GeneratedShape struct {
	ID, Kind string
	Type     reflect.Type
}

// GeneratedOperation is an operation, its input and output shape ids (""
// for smithy.api#Unit) and the type of its typed event.
type GeneratedOperation struct {
	Name, Input, Output string
	Event               reflect.Type
}

var (
	rawMembersType  = reflect.TypeFor[cloudtrail.RawMembers]()
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	marshalerType   = reflect.TypeFor[json.Marshaler]()
)

// CheckPackage checks a generated package against its models, read
// independently of the generator: every shape that the operations reach
// has its Go type (CheckShapes), and every operation is registered under
// the package's event source and its model's, listed by Operations, and
// decodes to its typed event (CheckOperations). The generator calls it from
// each package's tests.
func CheckPackage(t *testing.T, models []string, eventSource string, operations []string, shapes []GeneratedShape, ops []GeneratedOperation) {
	t.Helper()
	var all *Model
	for i, name := range models {
		m := LoadModel(t, name)
		if i == 0 {
			require.Equal(t, m.EventSource, eventSource, "EventSource")
			all = m
			continue
		}
		for _, op := range m.OperationNames() {
			_, ok := cloudtrail.DefaultRegistry.Lookup(m.EventSource, op)
			require.True(t, ok, "%s is not registered under %s", op, m.EventSource)
			info, ok := cloudtrail.Info(m.EventSource, op)
			require.True(t, ok, "%s has no facts under %s", op, m.EventSource)
			require.Equal(t, m.Operations[op].Facts.Info(m.EventSource, op), info, "facts of %s", op)
		}
		all.Merge(m)
	}
	t.Run("shapes", func(t *testing.T) { CheckShapes(t, all, shapes) })
	t.Run("operations", func(t *testing.T) { CheckOperations(t, all, eventSource, operations, ops) })
}

// CheckShapes checks the generated types against the model: the same
// shapes, as many of each kind, each a Go type of the right kind,
// structures with a field per member under its wire name, enums with the
// model's values.
func CheckShapes(t *testing.T, m *Model, generated []GeneratedShape) {
	t.Helper()
	got := map[string]GeneratedShape{}
	counts := map[string]int{}
	for _, g := range generated {
		got[g.ID] = g
		counts[g.Kind]++
	}
	var missing, extra []string
	for id := range m.Shapes {
		if _, ok := got[id]; !ok {
			missing = append(missing, id)
		}
	}
	for id := range got {
		if _, ok := m.Shapes[id]; !ok {
			extra = append(extra, id)
		}
	}
	require.Empty(t, missing, "shapes of the model without a Go type")
	require.Empty(t, extra, "Go types of shapes the operations do not reach")

	for _, g := range generated {
		s := m.Shapes[g.ID]
		require.Equal(t, s.Kind, g.Kind, g.ID)
		typ := g.Type
		require.False(t, reflect.PointerTo(typ).Implements(unmarshalerType), "%s implements json.Unmarshaler", typ)
		switch s.Kind {
		case "structure":
			require.Equal(t, reflect.Struct, typ.Kind(), g.ID)
			require.True(t, reflect.PointerTo(typ).Implements(marshalerType), "%s has no MarshalJSON", typ)
			require.Equal(t, len(s.Members)+1, typ.NumField(), "%s: fields", typ)
			// The keys are the model's, or with a lower-case first word
			// where CloudTrail writes them so: they match without regard
			// to case.
			tags := map[string]reflect.StructField{}
			for i := range typ.NumField() {
				f := typ.Field(i)
				tags[strings.ToLower(f.Tag.Get("json"))] = f
			}
			for name, wireName := range s.Members {
				f, ok := tags[strings.ToLower(wireName)+",omitempty"]
				require.True(t, ok, "%s: no field for member %s (%q)", typ, name, wireName)
				require.True(t, strings.EqualFold(strings.TrimRight(f.Name, "_"), name), "%s: field %s for member %s", typ, f.Name, name)
				if !hasGetter(typ, f) {
					t.Errorf("%s: no getter Get%s", typ, f.Name)
				}
			}
			u, ok := typ.FieldByName("UnknownMembers")
			require.True(t, ok, "%s has no UnknownMembers", typ)
			require.Equal(t, rawMembersType, u.Type)
			require.Equal(t, "-", u.Tag.Get("json"))
		case "union":
			require.Equal(t, reflect.Interface, typ.Kind(), g.ID)
		case "list":
			require.Equal(t, reflect.Slice, typ.Kind(), g.ID)
		case "map":
			require.Equal(t, reflect.Map, typ.Kind(), g.ID)
		case "enum", "intEnum":
			want := reflect.String
			if s.Kind == "intEnum" {
				want = reflect.Int32
			}
			require.Equal(t, want, typ.Kind(), g.ID)
			values := reflect.Zero(typ).MethodByName("Values").Call(nil)[0]
			var vals []string
			for i := range values.Len() {
				v := values.Index(i)
				if v.Kind() == reflect.String {
					vals = append(vals, v.String())
				} else {
					vals = append(vals, strconv.FormatInt(v.Int(), 10))
				}
			}
			slices.Sort(vals)
			require.Equal(t, s.Values, vals, "%s: Values", typ)
		default:
			t.Fatalf("%s: unexpected kind %s", g.ID, s.Kind)
		}
	}
	for _, kind := range []string{"structure", "union", "list", "map", "enum", "intEnum"} {
		require.Equal(t, m.Count(kind), counts[kind], kind)
	}
	t.Logf("%d shapes: %v", len(generated), counts)
}

// CheckOperations checks that every operation of the model is registered
// for eventSource in cloudtrail.DefaultRegistry (the Lookup below) with the
// facts the model gives it, listed by operations, and decodes to its typed
// event with the model's input and output types.
func CheckOperations(t *testing.T, m *Model, eventSource string, operations []string, generated []GeneratedOperation) {
	t.Helper()
	names := m.OperationNames()
	require.Equal(t, names, operations, "Operations()")

	var extra []string
	for _, op := range cloudtrail.DefaultRegistry.Operations() {
		if _, ok := m.Operations[op.EventName]; op.EventSource == eventSource && !ok {
			extra = append(extra, op.EventName)
		}
	}
	if len(extra) > 0 {
		t.Logf("registered for %s besides the model's operations: %v", eventSource, extra)
	}

	require.Len(t, generated, len(names))
	for _, g := range generated {
		op, ok := m.Operations[g.Name]
		require.True(t, ok, g.Name)
		require.Equal(t, op.Input, g.Input, "%s input", g.Name)
		require.Equal(t, op.Output, g.Output, "%s output", g.Name)

		fn, ok := cloudtrail.DefaultRegistry.Lookup(eventSource, g.Name)
		require.True(t, ok, "%s is not registered", g.Name)
		info, ok := cloudtrail.Info(eventSource, g.Name)
		require.True(t, ok, "%s has no facts", g.Name)
		require.Equal(t, op.Facts.Info(eventSource, g.Name), info, "facts of %s", g.Name)
		v, err := fn(&cloudtrail.Event{
			EventSource:       eventSource,
			EventName:         g.Name,
			RequestParameters: json.RawMessage(`{"x-unmodelled":1}`),
			ResponseElements:  json.RawMessage(`{}`),
		})
		require.NoError(t, err, g.Name)
		require.Equal(t, reflect.PointerTo(g.Event), reflect.TypeOf(v), g.Name)
		ev := reflect.ValueOf(v).Elem()
		req, resp := ev.FieldByName("Request"), ev.FieldByName("Response")
		require.False(t, req.IsNil(), "%s: Request", g.Name)
		require.False(t, resp.IsNil(), "%s: Response", g.Name)
		for _, part := range []struct {
			v    reflect.Value
			want string
		}{{req, op.Input}, {resp, op.Output}} {
			if part.want != "" {
				// A name the package already uses gets underscores appended.
				require.Equal(t, part.want[strings.IndexByte(part.want, '#')+1:], strings.TrimRight(part.v.Elem().Type().Name(), "_"), g.Name)
			}
		}
		unknown := req.Elem().FieldByName("UnknownMembers").Interface().(cloudtrail.RawMembers)
		require.Equal(t, cloudtrail.RawMembers{{Name: "x-unmodelled", Value: json.RawMessage("1")}}, unknown, g.Name)
	}
}

// hasGetter reports whether the structure typ has the getter of field f:
// Get and the field's name, with underscores appended where that name is
// taken (by a field, such as the member GetBar beside Bar).
func hasGetter(typ reflect.Type, f reflect.StructField) bool {
	ptr := reflect.PointerTo(typ)
	for name := "Get" + f.Name; ; name += "_" {
		m, ok := ptr.MethodByName(name)
		if !ok {
			_, isField := typ.FieldByName(name)
			if !isField {
				return false
			}
			continue
		}
		return m.Type.NumIn() == 1 && m.Type.NumOut() == 1
	}
}
