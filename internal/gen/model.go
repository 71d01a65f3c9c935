package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
)

// model is a Smithy 2.0 JSON AST document.
type model struct {
	Smithy string            `json:"smithy"`
	Shapes map[string]*shape `json:"shapes"`
}

type ref struct {
	Target string `json:"target"`
}

type member struct {
	Target string                     `json:"target"`
	Traits map[string]json.RawMessage `json:"traits"`
}

type shape struct {
	Type    string                     `json:"type"`
	Members map[string]*member         `json:"members"`
	Member  *member                    `json:"member"`
	Key     *member                    `json:"key"`
	Value   *member                    `json:"value"`
	Traits  map[string]json.RawMessage `json:"traits"`

	// service and resource
	Operations           []ref `json:"operations"`
	Resources            []ref `json:"resources"`
	CollectionOperations []ref `json:"collectionOperations"`
	Create               *ref  `json:"create"`
	Put                  *ref  `json:"put"`
	Read                 *ref  `json:"read"`
	Update               *ref  `json:"update"`
	Delete               *ref  `json:"delete"`
	List                 *ref  `json:"list"`

	// operation
	Input  *ref `json:"input"`
	Output *ref `json:"output"`
}

func loadModel(path string) (*model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m model
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !strings.HasPrefix(m.Smithy, "2") {
		return nil, fmt.Errorf("%s: smithy version %q, want 2.x", path, m.Smithy)
	}
	return &m, nil
}

// kind is what a shape becomes in Go.
type kind int

const (
	kUnit kind = iota
	kString
	kEnum
	kIntEnum
	kBool
	kByte
	kShort
	kInt
	kLong
	kFloat
	kDouble
	kBigInt
	kBigDec
	kTimestamp
	kBlob
	kDocument
	kStruct
	kUnion
	kList
	kMap
)

var kindNames = map[kind]string{
	kUnit: "unit", kString: "string", kEnum: "enum", kIntEnum: "intEnum", kBool: "boolean",
	kByte: "byte", kShort: "short", kInt: "integer", kLong: "long", kFloat: "float",
	kDouble: "double", kBigInt: "bigInteger", kBigDec: "bigDecimal", kTimestamp: "timestamp",
	kBlob: "blob", kDocument: "document", kStruct: "structure", kUnion: "union", kList: "list", kMap: "map",
}

func (k kind) String() string { return kindNames[k] }

// named reports whether shapes of kind k become named Go types.
func (k kind) named() bool {
	switch k {
	case kEnum, kIntEnum, kStruct, kUnion, kList, kMap:
		return true
	}
	return false
}

var simpleKinds = map[string]kind{
	"string": kString, "boolean": kBool, "byte": kByte, "short": kShort, "integer": kInt,
	"long": kLong, "float": kFloat, "double": kDouble, "bigInteger": kBigInt, "bigDecimal": kBigDec,
	"timestamp": kTimestamp, "blob": kBlob, "document": kDocument, "structure": kStruct,
	"union": kUnion, "list": kList, "set": kList, "map": kMap, "enum": kEnum, "intEnum": kIntEnum,
}

// preludeKinds are the shapes of the smithy.api namespace.
var preludeKinds = map[string]kind{
	"String": kString, "Blob": kBlob, "BigInteger": kBigInt, "BigDecimal": kBigDec,
	"Timestamp": kTimestamp, "Document": kDocument, "Boolean": kBool, "PrimitiveBoolean": kBool,
	"Byte": kByte, "PrimitiveByte": kByte, "Short": kShort, "PrimitiveShort": kShort,
	"Integer": kInt, "PrimitiveInteger": kInt, "Long": kLong, "PrimitiveLong": kLong,
	"Float": kFloat, "PrimitiveFloat": kFloat, "Double": kDouble, "PrimitiveDouble": kDouble,
	"Unit": kUnit,
}

// kindOf returns the Go kind of a shape id.
func (m *model) kindOf(id string) (kind, error) {
	if name, ok := strings.CutPrefix(id, "smithy.api#"); ok {
		if k, ok := preludeKinds[name]; ok {
			return k, nil
		}
		return 0, fmt.Errorf("unknown prelude shape %s", id)
	}
	s, ok := m.Shapes[id]
	if !ok {
		return 0, fmt.Errorf("shape %s is not in the model", id)
	}
	k, ok := simpleKinds[s.Type]
	if !ok {
		return 0, fmt.Errorf("shape %s has unsupported type %q", id, s.Type)
	}
	if k == kString && s.Traits["smithy.api#enum"] != nil {
		return kEnum, nil
	}
	return k, nil
}

// service returns the id of the model's only service shape.
func (m *model) service() (string, *shape, error) {
	var ids []string
	for id, s := range m.Shapes {
		if s.Type == "service" {
			ids = append(ids, id)
		}
	}
	if len(ids) != 1 {
		return "", nil, fmt.Errorf("model has %d service shapes, want 1", len(ids))
	}
	return ids[0], m.Shapes[ids[0]], nil
}

// operations returns the ids of the operations bound to the service, both
// directly and through its resources, sorted.
func (m *model) operations(svc *shape) ([]string, error) {
	seenOps := map[string]bool{}
	seenRes := map[string]bool{}
	var addOp func(r ref) error
	addOp = func(r ref) error {
		s, ok := m.Shapes[r.Target]
		if !ok || s.Type != "operation" {
			return fmt.Errorf("%s is not an operation of the model", r.Target)
		}
		seenOps[r.Target] = true
		return nil
	}
	var addRes func(r ref) error
	addRes = func(r ref) error {
		if seenRes[r.Target] {
			return nil
		}
		seenRes[r.Target] = true
		s, ok := m.Shapes[r.Target]
		if !ok || s.Type != "resource" {
			return fmt.Errorf("%s is not a resource of the model", r.Target)
		}
		for _, p := range []*ref{s.Create, s.Put, s.Read, s.Update, s.Delete, s.List} {
			if p != nil {
				if err := addOp(*p); err != nil {
					return err
				}
			}
		}
		for _, o := range slices.Concat(s.Operations, s.CollectionOperations) {
			if err := addOp(o); err != nil {
				return err
			}
		}
		for _, sub := range s.Resources {
			if err := addRes(sub); err != nil {
				return err
			}
		}
		return nil
	}
	for _, o := range svc.Operations {
		if err := addOp(o); err != nil {
			return nil, err
		}
	}
	for _, r := range svc.Resources {
		if err := addRes(r); err != nil {
			return nil, err
		}
	}
	ops := make([]string, 0, len(seenOps))
	names := map[string]string{}
	for id := range seenOps {
		n := shapeName(id)
		if prev, dup := names[n]; dup {
			return nil, fmt.Errorf("operations %s and %s have the same name", prev, id)
		}
		names[n] = id
		ops = append(ops, id)
	}
	slices.SortFunc(ops, func(a, b string) int { return strings.Compare(shapeName(a), shapeName(b)) })
	return ops, nil
}

// closure returns the ids of the named-type shapes (structures, unions,
// lists, maps, enums) reachable from the given roots, sorted.
func (m *model) closure(roots []string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	var walk func(id string) error
	walk = func(id string) error {
		if seen[id] {
			return nil
		}
		seen[id] = true
		k, err := m.kindOf(id)
		if err != nil {
			return err
		}
		if !k.named() {
			return nil
		}
		out = append(out, id)
		s := m.Shapes[id]
		switch k {
		case kStruct, kUnion:
			for _, name := range m.members(id) {
				if err := walk(s.Members[name].Target); err != nil {
					return fmt.Errorf("%s$%s: %w", id, name, err)
				}
			}
		case kList:
			if s.Member == nil {
				return fmt.Errorf("list %s has no member", id)
			}
			return walk(s.Member.Target)
		case kMap:
			if s.Key == nil || s.Value == nil {
				return fmt.Errorf("map %s has no key or value", id)
			}
			if err := walk(s.Key.Target); err != nil {
				return err
			}
			return walk(s.Value.Target)
		}
		return nil
	}
	for _, r := range roots {
		if err := walk(r); err != nil {
			return nil, err
		}
	}
	slices.Sort(out)
	return out, nil
}

// members returns the member names of a structure or union, sorted,
// without those that hold event streams or streaming blobs: CloudTrail
// logs the calls, not what they stream.
func (m *model) members(id string) []string {
	s := m.Shapes[id]
	var out []string
	for _, name := range sortedKeys(s.Members) {
		if t, ok := m.Shapes[s.Members[name].Target]; ok && hasTrait(t.Traits, "smithy.api#streaming") {
			continue
		}
		out = append(out, name)
	}
	return out
}

// shapeName returns the name part of a shape id.
func shapeName(id string) string {
	if i := strings.LastIndexByte(id, '#'); i >= 0 {
		return id[i+1:]
	}
	return id
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// traitString returns a string-valued trait.
func traitString(traits map[string]json.RawMessage, name string) (string, bool) {
	raw, ok := traits[name]
	if !ok {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// hasTrait reports whether a trait is present.
func hasTrait(traits map[string]json.RawMessage, name string) bool {
	_, ok := traits[name]
	return ok
}

// enumValue is one value of an enum or intEnum.
type enumValue struct {
	Name  string // member name (or the enum trait's name)
	Value string // the string value, or the integer as text
	Doc   string // its documentation, HTML
}

// enumValues returns the values of an enum shape in the order of their
// member names (or, for the enum trait, its order).
func (m *model) enumValues(id string) ([]enumValue, error) {
	s := m.Shapes[id]
	if s.Type == "string" {
		var defs []struct {
			Value         string `json:"value"`
			Name          string `json:"name"`
			Documentation string `json:"documentation"`
		}
		if err := json.Unmarshal(s.Traits["smithy.api#enum"], &defs); err != nil {
			return nil, fmt.Errorf("%s: enum trait: %w", id, err)
		}
		out := make([]enumValue, len(defs))
		for i, d := range defs {
			name := d.Name
			if name == "" {
				name = d.Value
			}
			out[i] = enumValue{Name: name, Value: d.Value, Doc: d.Documentation}
		}
		return out, nil
	}
	var out []enumValue
	for _, name := range sortedKeys(s.Members) {
		raw, ok := s.Members[name].Traits["smithy.api#enumValue"]
		v := name
		if ok {
			if s.Type == "intEnum" {
				var n int64
				if err := json.Unmarshal(raw, &n); err != nil {
					return nil, fmt.Errorf("%s$%s: enumValue: %w", id, name, err)
				}
				v = strconv.FormatInt(n, 10)
			} else if err := json.Unmarshal(raw, &v); err != nil {
				return nil, fmt.Errorf("%s$%s: enumValue: %w", id, name, err)
			}
		} else if s.Type == "intEnum" {
			return nil, fmt.Errorf("%s$%s: intEnum member without enumValue", id, name)
		}
		doc, _ := traitString(s.Members[name].Traits, "smithy.api#documentation")
		out = append(out, enumValue{Name: name, Value: v, Doc: doc})
	}
	return out, nil
}
