package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// plan is everything the emitter needs for one service package.
type plan struct {
	pkg      string // Go package name, such as "mediaconvert"
	file     string // model file name, for the header
	sdkID    string // such as "MediaConvert"
	source   string // CloudTrail event source
	protocol string // restJson1 or awsJson1_1
	ops      []*opInfo
	types    []*typeInfo // every named Go type, sorted by Go name
	byID     map[string]*typeInfo
	unions   bool // whether UnknownUnionMember is needed
	unknown  string
	m        *model
}

type opInfo struct {
	Name     string
	Input    *typeInfo
	Output   *typeInfo
	Event    string // Go name of the typed event
	Decode   string // Go name of the exported decode function
	Register string // unexported name of the registered DecodeFunc
}

type typeInfo struct {
	ID       string // shape id; empty for the structures made for smithy.api#Unit
	Name     string // shape name
	GoName   string
	Kind     kind
	Shape    *shape
	Members  []*memberInfo // structure and union members, sorted by name
	Elem     string        // list member or map value target
	Key      string        // map key target
	Enum     []enumConst
	UnitOf   string // for a made-up structure: "input of X" or "output of X"
	KeyBuf   int    // longest match key of a structure or union
	decodeFn string // unexported decode function of lists, maps and unions
	encodeFn string // unexported encode function of lists, maps and unions
	memberFn string // unexported key-to-member-index function of structures and unions
	unionIs  string // unexported marker method of unions
}

type memberInfo struct {
	Name      string // member name in the model
	GoName    string // Go field name
	Getter    string // Go name of the getter
	Wire      string // name written when encoding
	Match     []string
	Target    string
	Traits    map[string]json.RawMessage
	UnionType string // union member: Go name of the member type
}

type enumConst struct {
	GoName string
	Value  string
}

// reservedFieldNames are the exported names the generated structs define
// besides their members' fields.
var reservedFieldNames = []string{"UnknownMembers", "MarshalJSON", "UnmarshalCloudTrail"}

// newPlan resolves the model of one service into Go names.
func newPlan(m *model, pkg, file string, hand *declared) (*plan, error) {
	_, svc, err := m.service()
	if err != nil {
		return nil, err
	}
	p := &plan{pkg: pkg, file: file, m: m, byID: map[string]*typeInfo{}}
	var awsSvc struct {
		SdkID                 string `json:"sdkId"`
		CloudTrailEventSource string `json:"cloudTrailEventSource"`
	}
	if raw, ok := svc.Traits["aws.api#service"]; ok {
		if err := json.Unmarshal(raw, &awsSvc); err != nil {
			return nil, fmt.Errorf("aws.api#service trait: %w", err)
		}
	}
	p.sdkID = awsSvc.SdkID
	if p.sdkID == "" {
		p.sdkID = pkg
	}
	p.source = awsSvc.CloudTrailEventSource
	if p.source == "" {
		p.source = pkg + ".amazonaws.com"
	}
	switch {
	case hasTrait(svc.Traits, "aws.protocols#restJson1"):
		p.protocol = "restJson1"
	case hasTrait(svc.Traits, "aws.protocols#awsJson1_1"):
		p.protocol = "awsJson1_1"
	case hasTrait(svc.Traits, "aws.protocols#awsJson1_0"):
		p.protocol = "awsJson1_0"
	default:
		return nil, fmt.Errorf("service has no JSON protocol trait")
	}

	opIDs, err := m.operations(svc)
	if err != nil {
		return nil, err
	}
	var roots []string
	for _, id := range opIDs {
		op := m.Shapes[id]
		for _, r := range []*ref{op.Input, op.Output} {
			if r == nil || r.Target == "smithy.api#Unit" {
				continue
			}
			k, err := m.kindOf(r.Target)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", id, err)
			}
			if k != kStruct {
				return nil, fmt.Errorf("%s: input or output %s is a %s", id, r.Target, k)
			}
			roots = append(roots, r.Target)
		}
	}
	ids, err := m.closure(roots)
	if err != nil {
		return nil, err
	}

	// Package-level names: those of the hand-written files and the fixed
	// ones first, then shapes with clean names, then shapes whose names
	// start with underscores, then what is made per operation, then enum
	// constants. A name taken gets underscores appended.
	names := newNamer()
	for n := range hand.names {
		if n != "init" && n != "_" {
			names.claim(n)
		}
	}
	for _, n := range []string{"EventSource", "Operations"} {
		if hand.names[n] {
			return nil, fmt.Errorf("a hand-written file declares %s, which the generated code defines", n)
		}
		names.claim(n)
	}
	slices.SortStableFunc(ids, func(a, b string) int {
		ua, ub := strings.HasPrefix(shapeName(a), "_"), strings.HasPrefix(shapeName(b), "_")
		switch {
		case ua == ub:
			return strings.Compare(a, b)
		case ua:
			return 1
		}
		return -1
	})
	for _, id := range ids {
		k, _ := m.kindOf(id)
		t := &typeInfo{ID: id, Name: shapeName(id), Kind: k, Shape: m.Shapes[id]}
		t.GoName = names.claim(typeName(t.Name))
		p.byID[id] = t
		p.types = append(p.types, t)
	}
	for _, id := range opIDs {
		op := m.Shapes[id]
		o := &opInfo{Name: shapeName(id)}
		o.Input = p.ioType(op.Input, names, o.Name, "Request", "input")
		o.Output = p.ioType(op.Output, names, o.Name, "Response", "output")
		p.ops = append(p.ops, o)
	}
	for _, t := range p.types {
		if t.Kind == kUnion {
			p.unions = true
		}
	}
	if p.unions {
		p.unknown = names.claim("UnknownUnionMember")
	}
	for _, t := range p.types {
		if err := p.resolveType(t, names, hand.methods[t.GoName]); err != nil {
			return nil, err
		}
	}
	for _, o := range p.ops {
		o.Event = names.claim(o.Name + "Event")
		o.Decode = names.claim("Decode" + o.Name)
		o.Register = names.claim("decode" + o.Name)
	}
	for _, t := range p.types {
		if t.Kind != kEnum && t.Kind != kIntEnum {
			continue
		}
		vals, err := m.enumValues(t.ID)
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			t.Enum = append(t.Enum, enumConst{GoName: names.claim(t.GoName + enumSuffix(v.Name)), Value: v.Value})
		}
	}
	slices.SortFunc(p.types, func(a, b *typeInfo) int { return strings.Compare(a.GoName, b.GoName) })
	return p, nil
}

// ioType returns the structure of an operation's input or output, made up
// as an empty structure for smithy.api#Unit.
func (p *plan) ioType(r *ref, names *namer, op, suffix, what string) *typeInfo {
	if r != nil && r.Target != "smithy.api#Unit" {
		return p.byID[r.Target]
	}
	t := &typeInfo{Name: op + suffix, Kind: kStruct, Shape: &shape{Type: "structure"}, UnitOf: what + " of " + op}
	t.GoName = names.claim(op + suffix)
	p.types = append(p.types, t)
	return t
}

// resolveType names the members of structures and unions and the helper
// functions of each type.
func (p *plan) resolveType(t *typeInfo, names *namer, methods map[string]bool) error {
	switch t.Kind {
	case kList:
		if t.Shape.Member == nil {
			return fmt.Errorf("list %s has no member", t.ID)
		}
		t.Elem = t.Shape.Member.Target
		t.decodeFn = names.claim("decode" + t.GoName)
		t.encodeFn = names.claim("encode" + t.GoName)
	case kMap:
		t.Key, t.Elem = t.Shape.Key.Target, t.Shape.Value.Target
		if k, err := p.m.kindOf(t.Key); err != nil || k != kString && k != kEnum {
			return fmt.Errorf("map %s has a key that is no string", t.ID)
		}
		t.decodeFn = names.claim("decode" + t.GoName)
		t.encodeFn = names.claim("encode" + t.GoName)
	case kStruct, kUnion:
		t.memberFn = names.claim("member" + t.GoName)
		if t.Kind == kUnion {
			t.decodeFn = names.claim("decode" + t.GoName)
			t.encodeFn = names.claim("encode" + t.GoName)
			t.unionIs = "is" + t.GoName
		}
		fields := newNamer(reservedFieldNames...)
		for m := range methods {
			fields.claim(m)
		}
		matched := map[string]bool{}
		for _, name := range sortedKeys(t.Shape.Members) {
			sm := t.Shape.Members[name]
			mi := &memberInfo{Name: name, Target: sm.Target, Traits: sm.Traits, Wire: name}
			mi.GoName = fields.claim(fieldName(name))
			jsonName, hasJSON := traitString(sm.Traits, "smithy.api#jsonName")
			if hasJSON && p.protocol == "restJson1" {
				mi.Wire = jsonName
			}
			for _, key := range []string{name, jsonName} {
				if key == "" {
					continue
				}
				key = strings.ToLower(key)
				if !matched[key] {
					matched[key] = true
					mi.Match = append(mi.Match, key)
					t.KeyBuf = max(t.KeyBuf, len(key))
				}
			}
			if t.Kind == kUnion {
				mi.UnionType = names.claim(t.GoName + "Member" + mi.GoName)
			}
			t.Members = append(t.Members, mi)
		}
		for _, mi := range t.Members {
			mi.Getter = fields.claim("Get" + mi.GoName)
		}
	}
	return nil
}

// kindOf returns the kind of a target, which the closure has checked.
func (p *plan) kindOf(target string) kind {
	k, err := p.m.kindOf(target)
	if err != nil {
		panic(err)
	}
	return k
}
