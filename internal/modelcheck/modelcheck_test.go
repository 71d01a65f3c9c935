package modelcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/services"
	"github.com/mediatrail/mediatrail/internal/typedtest"
)

// models are the models of the service packages, each with the package
// it belongs to, from the generated list of services.
func models() []struct{ name, pkgPath string } {
	var out []struct{ name, pkgPath string }
	for _, s := range services.All {
		for _, m := range s.Models {
			out = append(out, struct{ name, pkgPath string }{m, s.ImportPath})
		}
	}
	return out
}

// variants are the ways every instance is written. Each changes one thing
// from the canonical form: keys as in the model (the jsonName for
// restJson1), timestamps as epoch seconds, numbers and booleans as JSON
// numbers and booleans.
var variants = []variant{
	{name: "canonical"},
	{name: "keys=lowerCamel", keys: keysLowerCamel},
	{name: "keys=PascalCase", keys: keysPascal},
	{name: "keys=lowercase", keys: keysLower},
	{name: "time=epoch-millis", time: timeEpochMillis},
	{name: "time=epoch-exponent", time: timeEpochExponent},
	{name: "time=numeric-string", time: timeNumericString},
	{name: "time=RFC3339", time: timeRFC3339},
	{name: "time=Java", time: timeJava},
	{name: "ints=90.0", ints: intsDotZero},
	{name: "ints=quoted", ints: intsQuoted},
	{name: "doubles=integral", doublesIntegral: true},
	{name: "bools=quoted", boolsQuoted: true},
	{name: "unknown-members", unknown: true},
	{name: "combined", keys: keysLower, time: timeJava, ints: intsQuoted, doublesIntegral: true, boolsQuoted: true, unknown: true, indent: true},
}

// redactedVariants are the ways the instances with redacted values are
// written: the paths of the field errors name the keys as written.
var redactedVariants = []variant{
	{name: "redacted"},
	{name: "redacted,keys=lowercase,indented", keys: keysLower, indent: true},
}

const (
	redactedStructure = `"***"`
	redactedValue     = `"HIDDEN_DUE_TO_SECURITY_REASONS"`
)

// roots are the members of the record the two instances of an operation
// are written to.
var roots = [2]string{"requestParameters", "responseElements"}

// tally counts what the test did, for its log.
type tally struct {
	operations, records, notApplicable int
	injectedRecords, injected          int
	values, diffs                      int
}

func (t *tally) add(o *tally) {
	t.operations += o.operations
	t.records += o.records
	t.notApplicable += o.notApplicable
	t.injectedRecords += o.injectedRecords
	t.injected += o.injected
	t.values += o.values
	t.diffs += o.diffs
}

func (t *tally) String() string {
	return fmt.Sprintf("%d operations, %d records decoded (%d variants left out where an operation has nothing they change), "+
		"%d of them with %d redacted values or nulls in chosen places, %d values compared with their typed fields, %d round trips",
		t.operations, t.records, t.notApplicable, t.injectedRecords, t.injected, t.values, t.diffs)
}

// TestOperations decodes, for every operation of the four models, a
// record whose requestParameters and responseElements have every member
// the model defines, in every variant, and checks the typed value: its
// type, no field errors, every member in its typed field with its value
// (none in UnknownMembers, or only newField2026 where the variant adds
// it), and the JSON it encodes back to. Then it checks records with
// redacted values in chosen places (one field error for each, with its
// path, the value kept in place) and with nulls there (kept, no error).
func TestOperations(t *testing.T) {
	if dir, ok := typedtest.ModelsDir(); !ok {
		t.Skipf("no Smithy models at %s (set MEDIATRAIL_MODELS or place them at ../shared/models): the model-driven checks are skipped", dir)
	}
	var (
		mu    sync.Mutex
		total tally
	)
	t.Run("services", func(t *testing.T) {
		for _, s := range models() {
			t.Run(s.name, func(t *testing.T) {
				t.Parallel()
				svc := loadService(t, s.name)
				names := svc.model.OperationNames()
				require.NotEmpty(t, names, "operations of %s", s.name)
				cov := &coverage{members: map[string]bool{}, skipped: map[string]string{}}
				var counts tally
				for i, op := range names {
					t.Run(op, func(t *testing.T) {
						counts.operations++
						checkOperation(t, svc, s.pkgPath, cov, i, op, &counts)
					})
				}
				checkCoverage(t, svc, cov)
				t.Logf("%s: %s", s.name, &counts)
				mu.Lock()
				total.add(&counts)
				mu.Unlock()
			})
		}
	})
	t.Logf("all services: %s", &total)
}

// operation is what checkRecord needs to know of an operation.
type operation struct {
	svc     *service
	pkgPath string
	name    string
	shapes  [2]string // input and output shape ids, "" for smithy.api#Unit
}

// checkOperation runs the variants of one operation.
func checkOperation(t *testing.T, svc *service, pkgPath string, cov *coverage, index int, name string, counts *tally) {
	o := svc.model.Operations[name]
	op := operation{svc: svc, pkgPath: pkgPath, name: name, shapes: [2]string{o.Input, o.Output}}
	g := newGenerator(svc, cov, index)
	inst := [2]*node{g.instance(t, o.Input), g.instance(t, o.Output)}

	canonical := [2][]byte{variants[0].render(nil, inst[0]), variants[0].render(nil, inst[1])}
	for _, v := range variants {
		if v.name != "canonical" && bytes.Equal(v.render(nil, inst[0]), canonical[0]) && bytes.Equal(v.render(nil, inst[1]), canonical[1]) {
			counts.notApplicable++ // the instances have nothing the variant changes
			continue
		}
		t.Run(v.name, func(t *testing.T) {
			checkRecord(t, op, v, inst, inst, nil, counts)
		})
	}

	places := choosePlaces(inst)
	if len(places) == 0 {
		t.Logf("no place for a redacted value")
		return
	}
	for _, v := range redactedVariants {
		t.Run(v.name, func(t *testing.T) {
			in, want := inject(v, inst, places)
			counts.injectedRecords++
			counts.injected += len(places)
			checkRecord(t, op, v, in, want, places, counts)
		})
	}

	// Nulls in the same places (but for union members, which a union
	// skips when null) are kept like values that do not convert, without
	// an error.
	var nulls []place
	for _, p := range places {
		if p.steps[len(p.steps)-1].kind != 'u' {
			p.text = "null"
			nulls = append(nulls, p)
		}
	}
	t.Run("nulls", func(t *testing.T) {
		v := variant{name: "nulls"}
		in, want := inject(v, inst, nulls)
		counts.injectedRecords++
		counts.injected += len(nulls)
		checkRecord(t, op, v, in, want, nil, counts)
	})
}

// inject writes the texts of places into the instances, and returns them
// and the instances as the typed values hold them: a value that does not
// convert (or null) is kept by the structure whose member it is; one that
// is an element of a list or map or a union's member makes the structure
// keep the whole member it is in.
func inject(v variant, inst [2]*node, places []place) (in, want [2]*node) {
	in = inst
	for _, p := range places {
		in[p.side] = replace(in[p.side], p.steps, &node{kind: kRaw, str: p.text})
	}
	want = in
	for _, p := range places {
		j := len(p.steps) - 1
		for p.steps[j].kind != 'm' {
			j--
		}
		if j < len(p.steps)-1 {
			container := p.steps[:j+1]
			want[p.side] = replace(want[p.side], container, &node{kind: kRaw, str: string(v.render(nil, at(in[p.side], container)))})
		}
	}
	return in, want
}

// place is a place of an instance where a redacted value is written
// instead of the instance's value.
type place struct {
	side  int // 0: requestParameters, 1: responseElements
	steps []step
	text  string // the JSON written there
	want  string // the FieldError's Want
}

// choosePlaces chooses where to write redacted values in an operation's
// instances: "***" for a structure that is a member of a structure in a
// list or map, for one that is an element of a list, a value of a map, a
// union's member, and for one near the top, and for a union; and
// "HIDDEN_DUE_TO_SECURITY_REASONS" for a number and a double or float that
// are members, a list that is a member, a number that is an element, and a
// map, a timestamp and a boolean that are members. No place is within
// another.
func choosePlaces(inst [2]*node) []place {
	type cand struct {
		side    int
		steps   []step
		n       *node
		member  bool // a member of a structure
		indexed bool // within a list or map
	}
	var cands []cand
	for side, root := range inst {
		walk(root, nil, func(steps []step, n *node) {
			if len(steps) == 0 {
				return
			}
			c := cand{side: side, steps: steps, n: n, member: steps[len(steps)-1].kind == 'm'}
			for _, s := range steps {
				c.indexed = c.indexed || s.kind == 'e' || s.kind == 'k'
			}
			cands = append(cands, c)
		})
	}
	isNumber := func(c cand) bool { return c.n.kind == kInt || c.n.kind == kFloat }
	deeper := func(a, b cand) bool { return len(a.steps) > len(b.steps) }
	shallower := func(a, b cand) bool { return len(a.steps) < len(b.steps) }
	last := func(c cand) byte { return c.steps[len(c.steps)-1].kind }
	rules := []struct {
		text   string
		ok     func(cand) bool
		better func(a, b cand) bool
	}{
		{redactedStructure, func(c cand) bool { return c.n.kind == kStruct && c.member && c.indexed }, deeper},
		{redactedStructure, func(c cand) bool { return c.n.kind == kStruct && last(c) == 'e' }, deeper},
		{redactedStructure, func(c cand) bool { return c.n.kind == kStruct && last(c) == 'k' }, deeper},
		{redactedStructure, func(c cand) bool { return c.n.kind == kStruct && last(c) == 'u' }, deeper},
		{redactedStructure, func(c cand) bool { return c.n.kind == kStruct && c.member && !c.indexed }, shallower},
		{redactedStructure, func(c cand) bool { return c.n.kind == kUnion }, deeper},
		{redactedValue, func(c cand) bool { return isNumber(c) && c.member }, deeper},
		{redactedValue, func(c cand) bool { return c.n.kind == kFloat && c.member }, shallower},
		{redactedValue, func(c cand) bool { return c.n.kind == kList && c.member }, shallower},
		{redactedValue, func(c cand) bool { return isNumber(c) && !c.member }, deeper},
		{redactedValue, func(c cand) bool { return c.n.kind == kMap && c.member }, deeper},
		{redactedValue, func(c cand) bool { return c.n.kind == kTime && c.member }, deeper},
		{redactedValue, func(c cand) bool { return c.n.kind == kBool && c.member }, deeper},
	}
	within := func(a, b []step) bool { return len(a) <= len(b) && slices.Equal(a, b[:len(a)]) }
	var out []place
	for _, r := range rules {
		var best *cand
		for i := range cands {
			c := &cands[i]
			if !r.ok(*c) || slices.ContainsFunc(out, func(p place) bool {
				return p.side == c.side && (within(p.steps, c.steps) || within(c.steps, p.steps))
			}) {
				continue
			}
			if best == nil || r.better(*c, *best) {
				best = c
			}
		}
		if best != nil {
			out = append(out, place{side: best.side, steps: best.steps, text: r.text, want: wantOf(best.n)})
		}
	}
	return out
}

// wantOf returns what a FieldError names as the model's type of n.
func wantOf(n *node) string {
	switch n.kind {
	case kStruct:
		return "structure"
	case kUnion:
		return "union"
	case kList:
		return "list"
	case kInt:
		return map[int]string{8: "byte", 16: "short", 32: "integer", 64: "long"}[n.bits]
	case kFloat:
		return map[int]string{32: "float", 64: "double"}[n.bits]
	case kMap:
		return "map"
	case kTime:
		return "timestamp"
	case kBool:
		return "boolean"
	}
	return ""
}

// checkRecord writes the instances in as v writes them into a record,
// decodes it and checks the typed value against want, the instances as
// the typed value holds them, and its field errors against places.
func checkRecord(t *testing.T, op operation, v variant, in, want [2]*node, places []place, counts *tally) {
	var text [2][]byte
	for side := range in {
		text[side] = v.render(nil, in[side])
		if v.indent {
			var b bytes.Buffer
			require.NoError(t, json.Indent(&b, text[side], "    ", "  "))
			text[side] = b.Bytes()
		}
	}
	record := fmt.Appendf(nil, `{"eventVersion":"1.08","eventSource":%q,"eventName":%q,"eventTime":"2024-05-01T10:00:00Z","requestParameters":%s,"responseElements":%s}`,
		op.svc.model.EventSource, op.name, text[0], text[1])
	e, err := cloudtrail.Parse(record)
	require.NoError(t, err)
	got, err := cloudtrail.Decode(e)
	require.NoError(t, err)
	counts.records++

	// The type: *cloudtrail.Typed[Req, Resp] of the operation's shapes.
	typ := reflect.TypeOf(got)
	require.Equal(t, reflect.Pointer, typ.Kind(), "Decode returned %T", got)
	require.Equal(t, reflect.Struct, typ.Elem().Kind(), "Decode returned %T", got)
	require.True(t, strings.HasPrefix(typ.Elem().Name(), "Typed["), "Decode returned %T", got)
	ev := reflect.ValueOf(got).Elem()
	typed, ok := got.(cloudtrail.TypedEvent)
	require.True(t, ok, "%T is no cloudtrail.TypedEvent", got)
	require.Same(t, e, typed.Envelope())
	parts := [2]reflect.Value{ev.FieldByName("Request"), ev.FieldByName("Response")}
	for side, part := range parts {
		wantName := op.name + [2]string{"Request", "Response"}[side]
		if id := op.shapes[side]; id != "" {
			wantName = id[strings.IndexByte(id, '#')+1:]
		}
		require.True(t, part.IsValid(), "%T has no %s field", got, [2]string{"Request", "Response"}[side])
		require.Equal(t, reflect.Pointer, part.Kind())
		require.Equal(t, wantName, part.Type().Elem().Name(), "%T: %s type", got, roots[side])
		require.Equal(t, op.pkgPath, part.Type().Elem().PkgPath(), "%T: %s type", got, roots[side])
	}

	// The field errors: none, or one for each redacted place.
	checkFieldErrors(t, v, in, places, typed.FieldErrors())

	// The JSON the typed values encode to is the record's.
	for side, part := range parts {
		enc, err := json.Marshal(part.Interface())
		require.NoError(t, err, roots[side])
		diff, err := jsonDiff(text[side], enc)
		require.NoError(t, err, roots[side])
		counts.diffs++
		if diff != "" {
			t.Errorf("%s differs after the round trip (-record +encoded):\n%s", roots[side], clip(diff, 3000))
		}
	}

	// Every value in its typed field.
	c := &checker{v: v}
	for side, part := range parts {
		w := want[side]
		if w.unit && !v.unknown {
			if !part.IsNil() {
				c.fail(roots[side], "set for a null %s", roots[side])
			}
			continue
		}
		c.value(roots[side], w, part)
	}
	counts.values += c.checks
	if len(c.errs) > 0 {
		const most = 15
		msg := strings.Join(c.errs[:min(len(c.errs), most)], "\n")
		if len(c.errs) > most {
			msg += fmt.Sprintf("\n... and %d more", len(c.errs)-most)
		}
		t.Errorf("%d values not decoded as the record has them:\n%s", len(c.errs), msg)
	}
}

// checkFieldErrors checks that the errors are one for each place: its
// path with the keys as written, the value as written, and what the model
// wants there.
func checkFieldErrors(t *testing.T, v variant, in [2]*node, places []place, got cloudtrail.FieldErrors) {
	t.Helper()
	type want struct{ path, raw, want string }
	var wants []want
	for _, p := range places {
		wants = append(wants, want{v.path(roots[p.side], in[p.side], p.steps), p.text, p.want})
	}
	var gots []want
	for _, fe := range got {
		gots = append(gots, want{fe.Path, fe.Raw, fe.Want})
	}
	sortWants := func(a, b want) int { return strings.Compare(a.path, b.path) }
	slices.SortFunc(wants, sortWants)
	slices.SortFunc(gots, sortWants)
	if !slices.Equal(wants, gots) {
		var b strings.Builder
		for _, w := range wants {
			fmt.Fprintf(&b, "\n  want %s = %s (%s)", w.path, w.raw, w.want)
		}
		for _, fe := range got {
			fmt.Fprintf(&b, "\n  got  %s = %s (%s): %v", fe.Path, clip(fe.Raw, 100), fe.Want, fe.Err)
		}
		t.Errorf("field errors differ:%s", b.String())
	}
}

// checkCoverage checks that the instances of a service's operations
// populated every member of every structure and union the operations
// reach.
func checkCoverage(t *testing.T, svc *service, cov *coverage) {
	var missing []string
	for id, s := range svc.model.Shapes {
		if s.Kind != "structure" && s.Kind != "union" {
			continue
		}
		for name := range s.Members {
			if !cov.members[id+"$"+name] {
				why := cov.skipped[id+"$"+name]
				if why == "" {
					why = "never reached"
				}
				missing = append(missing, fmt.Sprintf("%s$%s (%s)", id, name, why))
			}
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Errorf("%d members of %s have no value in any instance:\n%s", len(missing), svc.name, strings.Join(missing, "\n"))
	}
}

// jsonDiff is typedtest.JSONDiff, which it calls only when the normalized
// values differ: go-cmp is slow on the large MediaConvert settings.
func jsonDiff(want, got []byte) (string, error) {
	w, err := typedtest.Normalize(want)
	if err != nil {
		return "", fmt.Errorf("want: %w", err)
	}
	g, err := typedtest.Normalize(got)
	if err != nil {
		return "", fmt.Errorf("got: %w", err)
	}
	if reflect.DeepEqual(w, g) {
		return "", nil
	}
	return typedtest.JSONDiff(want, got)
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}
