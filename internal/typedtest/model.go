// Package typedtest holds what the tests of the generated service packages
// share: a reading of the Smithy models that is independent of the
// generator, checks of the generated types and registrations against it,
// the records of the test data and checks of their typed events, records
// made from their parts, and a comparison of JSON values that is loose in
// the ways CloudTrail records are loose.
package typedtest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// ModelsDir returns the directory of the Smithy models, as the generator
// finds it: $MEDIATRAIL_MODELS, else ../shared/models next to the module
// root. It reports false when the directory does not exist.
func ModelsDir() (string, bool) {
	dir := os.Getenv("MEDIATRAIL_MODELS")
	if dir == "" {
		root, ok := ModuleRoot()
		if !ok {
			return "", false
		}
		dir = filepath.Join(root, "..", "shared", "models")
	}
	st, err := os.Stat(dir)
	return dir, err == nil && st.IsDir()
}

// ModuleRoot returns the nearest directory at or above the working
// directory that has a go.mod.
func ModuleRoot() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Model is what the tests check the generated code against, read from a
// service model without the generator's code.
type Model struct {
	EventSource string
	Protocol    string               // "restJson1" or "awsJson1_1"
	Operations  map[string]Operation // by operation name
	Shapes      map[string]*Shape    // the named shapes the operations reach, by id
}

// Operation is an operation's input and output shape ids ("" for
// smithy.api#Unit) and its facts.
type Operation struct {
	Input, Output string
	Facts         Facts
}

// Facts are the facts of an operation that the service packages register
// (cloudtrail.OperationInfo), derived from the model by the rules that
// cloudtrail.OperationKind and OperationInfo document.
type Facts struct {
	ReadOnly, Idempotent bool
	Kind                 cloudtrail.OperationKind
	Resource             string
	HTTPMethod           string
	// KindFrom is what decided Kind: "binding" (a resource's lifecycle),
	// "traits" (read-only, and paginated or not) or "name" (its verb).
	KindFrom string
}

// Info returns the facts as the registry should hold them for the records
// of eventSource and eventName.
func (f Facts) Info(eventSource, eventName string) cloudtrail.OperationInfo {
	return cloudtrail.OperationInfo{
		EventSource: eventSource,
		EventName:   eventName,
		ReadOnly:    f.ReadOnly,
		Idempotent:  f.Idempotent,
		Kind:        f.Kind,
		Resource:    f.Resource,
		HTTPMethod:  f.HTTPMethod,
	}
}

// Shape is a structure, union, list, map or enum.
type Shape struct {
	Kind    string            // structure, union, list, map, enum or intEnum
	Members map[string]string // structure and union: member name to wire name
	Values  []string          // enum values, sorted
}

// node is a shape of the JSON AST, read loosely.
type node struct {
	Type    string                     `json:"type"`
	Members map[string]nodeMember      `json:"members"`
	Member  *nodeMember                `json:"member"`
	Key     *nodeMember                `json:"key"`
	Value   *nodeMember                `json:"value"`
	Traits  map[string]json.RawMessage `json:"traits"`
	Input   *nodeMember                `json:"input"`
	Output  *nodeMember                `json:"output"`

	Operations, Resources, CollectionOperations []nodeMember
	Create, Put, Read, Update, Delete, List     *nodeMember
}

type nodeMember struct {
	Target string                     `json:"target"`
	Traits map[string]json.RawMessage `json:"traits"`
}

// LoadModel reads the model of a service (the file <service>.json). It
// skips the test when the models directory is absent.
func LoadModel(t testing.TB, service string) *Model {
	t.Helper()
	dir, ok := ModelsDir()
	if !ok {
		t.Skipf("no Smithy models at %s (set MEDIATRAIL_MODELS or place them at ../shared/models): model checks skipped", dir)
	}
	data, err := os.ReadFile(filepath.Join(dir, service+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Shapes map[string]*node `json:"shapes"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	shapes := doc.Shapes
	m := &Model{Operations: map[string]Operation{}, Shapes: map[string]*Shape{}}

	var svc *node
	for _, n := range shapes {
		if n.Type == "service" {
			svc = n
		}
	}
	if svc == nil {
		t.Fatalf("%s.json has no service", service)
	}
	var info struct {
		CloudTrailEventSource string `json:"cloudTrailEventSource"`
	}
	_ = json.Unmarshal(svc.Traits["aws.api#service"], &info)
	m.EventSource = info.CloudTrailEventSource
	for trait := range svc.Traits {
		if p, ok := strings.CutPrefix(trait, "aws.protocols#"); ok {
			m.Protocol = p
		}
	}

	// Operations: a work list over the service and its resources, noting
	// the resources that bind each operation, lifecycle bindings first.
	type bound struct{ resource, as string }
	bindings := map[string][]bound{}
	opNodes := map[string]*node{}
	queue := []string{""} // "" is the service
	seen := map[string]bool{}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		n := svc
		if id != "" {
			n = shapes[id]
		}
		type binding struct {
			ref *nodeMember
			as  string
		}
		var refs []binding
		for as, p := range map[string]*nodeMember{"create": n.Create, "put": n.Put, "read": n.Read, "update": n.Update, "delete": n.Delete, "list": n.List} {
			if p != nil {
				refs = append(refs, binding{p, as})
			}
		}
		for _, r := range slices.Concat(n.Operations, n.CollectionOperations) {
			refs = append(refs, binding{&r, ""})
		}
		for _, r := range refs {
			op := shapes[r.ref.Target]
			name := r.ref.Target[strings.IndexByte(r.ref.Target, '#')+1:]
			var o Operation
			if op.Input != nil && op.Input.Target != "smithy.api#Unit" {
				o.Input = op.Input.Target
			}
			if op.Output != nil && op.Output.Target != "smithy.api#Unit" {
				o.Output = op.Output.Target
			}
			m.Operations[name] = o
			opNodes[name] = op
			if id != "" {
				bindings[name] = append(bindings[name], bound{id[strings.IndexByte(id, '#')+1:], r.as})
			}
		}
		for _, r := range n.Resources {
			if !seen[r.Target] {
				seen[r.Target] = true
				queue = append(queue, r.Target)
			}
		}
	}
	for name, o := range m.Operations {
		bs := bindings[name]
		slices.SortFunc(bs, func(a, b bound) int {
			if (a.as == "") != (b.as == "") {
				if a.as != "" {
					return -1
				}
				return 1
			}
			return strings.Compare(a.resource, b.resource)
		})
		var resource, as string
		if len(bs) > 0 {
			resource, as = bs[0].resource, bs[0].as
		}
		o.Facts = deriveFacts(name, opNodes[name].Traits, m.Protocol, resource, as)
		m.Operations[name] = o
	}

	// Shapes: another work list from the inputs and outputs.
	var todo []string
	for _, o := range m.Operations {
		todo = append(todo, o.Input, o.Output)
	}
	for len(todo) > 0 {
		id := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		n, ok := shapes[id]
		if id == "" || !ok || m.Shapes[id] != nil {
			continue
		}
		kind := n.Type
		if kind == "set" {
			kind = "list"
		}
		if kind == "string" && n.Traits["smithy.api#enum"] != nil {
			kind = "enum"
		}
		s := &Shape{Kind: kind}
		switch kind {
		case "structure", "union":
			s.Members = map[string]string{}
			for name, mem := range n.Members {
				if t, ok := shapes[mem.Target]; ok && t.Traits["smithy.api#streaming"] != nil {
					continue // event streams and streamed blobs are not logged
				}
				wireName := name
				if m.Protocol == "restJson1" {
					var jn string
					if json.Unmarshal(mem.Traits["smithy.api#jsonName"], &jn) == nil && jn != "" {
						wireName = jn
					}
				}
				s.Members[name] = wireName
				todo = append(todo, mem.Target)
			}
		case "list":
			todo = append(todo, n.Member.Target)
		case "map":
			todo = append(todo, n.Key.Target, n.Value.Target)
		case "enum", "intEnum":
			if n.Type == "string" {
				var defs []struct{ Value string }
				_ = json.Unmarshal(n.Traits["smithy.api#enum"], &defs)
				for _, d := range defs {
					s.Values = append(s.Values, d.Value)
				}
			}
			for _, mem := range n.Members {
				var v any
				_ = json.Unmarshal(mem.Traits["smithy.api#enumValue"], &v)
				switch v := v.(type) {
				case string:
					s.Values = append(s.Values, v)
				case float64:
					s.Values = append(s.Values, strconv.FormatFloat(v, 'f', -1, 64))
				}
			}
			slices.Sort(s.Values)
		default:
			continue // simple shapes become Go builtins
		}
		m.Shapes[id] = s
	}
	return m
}

// Merge adds the operations and shapes of o, another model of the same
// package, to m.
func (m *Model) Merge(o *Model) {
	for name, op := range o.Operations {
		m.Operations[name] = op
	}
	for id, s := range o.Shapes {
		m.Shapes[id] = s
	}
}

// Count returns how many of the model's shapes have the given kind.
func (m *Model) Count(kind string) int {
	n := 0
	for _, s := range m.Shapes {
		if s.Kind == kind {
			n++
		}
	}
	return n
}

// OperationNames returns the names of the operations, sorted.
func (m *Model) OperationNames() []string {
	names := make([]string, 0, len(m.Operations))
	for n := range m.Operations {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
