package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// plan is everything the emitter needs for one service package.
type plan struct {
	svc    service
	pkg    string       // Go package name, such as "mediaconvert"
	models []*modelFile // the package's models, the first naming its service
	ops    []*opInfo    // sorted by name
	types  []*typeInfo  // every named Go type, sorted by Go name
	byID   map[string]*typeInfo
	// names of package-level declarations the generator makes besides types
	unknown string // UnknownUnionMember, when there are unions
	table   string // the variable holding the wire.Service
}

// modelFile is one model of a package and its service.
type modelFile struct {
	file     string // such as "transcribe-streaming.json"
	m        *model
	svc      *shape
	sdkID    string // such as "Transcribe Streaming"
	source   string // CloudTrail event source
	protocol string // restJson1, awsJson1_1 or awsJson1_0
	arnNS    string // the ARN namespace, such as "transcribe"
	prefix   string // prefixes the Go names of shapes that clash with an earlier model's
	constant string // Go name of its event source constant
	// lowerCamel says CloudTrail writes the service's member names with a
	// lower-case first word (see service.LowerCamelKeys).
	lowerCamel bool
}

type opInfo struct {
	Name    string
	Model   *modelFile
	Shape   *shape
	Input   *typeInfo
	Output  *typeInfo
	Event   string   // Go name of the typed event
	Aliases []string // further event names
	Facts   opFacts  // what the model tells of the operation
}

type typeInfo struct {
	IDs     []string // shape ids; empty for the structures made for smithy.api#Unit
	Name    string   // shape name
	GoName  string
	Kind    kind
	Shape   *shape
	Model   *modelFile
	Members []*memberInfo // structure and union members, sorted by name
	Elem    string        // list member or map value target
	Key     string        // map key target
	Enum    []enumConst
	UnitOf  string // for a made-up structure: "input of X" or "output of X"
	unionIs string // unexported marker method of unions
}

type memberInfo struct {
	Name      string // member name in the model
	GoName    string // Go field name
	Getter    string // Go name of the getter
	Wire      string // name written when encoding
	Keys      []string
	Target    string
	Traits    map[string]json.RawMessage
	UnionType string // union member: Go name of the member type
}

type enumConst struct {
	GoName string
	Value  string
	Doc    string
}

// reservedFieldNames are the exported names the generated structs define
// besides their members' fields.
var reservedFieldNames = []string{"UnknownMembers", "MarshalJSON", "UnmarshalCloudTrail"}

// loadModels reads the models of a service entry.
func loadModels(s service, dir string) ([]*modelFile, error) {
	var out []*modelFile
	for i, name := range s.Models {
		file := name + ".json"
		m, err := loadModel(dir + "/" + file)
		if err != nil {
			return nil, err
		}
		_, svc, err := m.service()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		mf := &modelFile{file: file, m: m, svc: svc, lowerCamel: s.LowerCamelKeys}
		var awsSvc struct {
			SdkID                 string `json:"sdkId"`
			CloudTrailEventSource string `json:"cloudTrailEventSource"`
			ArnNamespace          string `json:"arnNamespace"`
		}
		if raw, ok := svc.Traits["aws.api#service"]; ok {
			if err := json.Unmarshal(raw, &awsSvc); err != nil {
				return nil, fmt.Errorf("%s: aws.api#service trait: %w", file, err)
			}
		}
		mf.sdkID, mf.source, mf.arnNS = awsSvc.SdkID, awsSvc.CloudTrailEventSource, awsSvc.ArnNamespace
		if mf.sdkID == "" {
			mf.sdkID = s.Package
		}
		if mf.source == "" {
			mf.source = s.Package + ".amazonaws.com"
		}
		switch {
		case hasTrait(svc.Traits, "aws.protocols#restJson1"):
			mf.protocol = "restJson1"
		case hasTrait(svc.Traits, "aws.protocols#awsJson1_1"):
			mf.protocol = "awsJson1_1"
		case hasTrait(svc.Traits, "aws.protocols#awsJson1_0"):
			mf.protocol = "awsJson1_0"
		default:
			return nil, fmt.Errorf("%s: service has no JSON protocol trait", file)
		}
		mf.constant = "EventSource"
		if i > 0 {
			mf.prefix = modelPrefix(out[0].sdkID, mf.sdkID)
			mf.constant = mf.prefix + "EventSource"
		}
		out = append(out, mf)
	}
	return out, nil
}

// modelPrefix is the Go name prefix of a later model of a package: the
// words of its SDK id that the first model's does not start with
// ("Transcribe Streaming" after "Transcribe" gives "Streaming").
func modelPrefix(first, later string) string {
	fw, lw := strings.Fields(first), strings.Fields(later)
	i := 0
	for i < len(fw) && i < len(lw) && strings.EqualFold(fw[i], lw[i]) {
		i++
	}
	if i == len(lw) {
		i = 0
	}
	var b strings.Builder
	for _, w := range lw[i:] {
		b.WriteString(upperFirst(identifier(w)))
	}
	return b.String()
}

// newPlan resolves the models of one service package into Go names.
func newPlan(s service, models []*modelFile, hand *declared) (*plan, error) {
	p := &plan{svc: s, pkg: s.Package, models: models, byID: map[string]*typeInfo{}}

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
	fixed := []string{"Operations"}
	for _, mf := range models {
		fixed = append(fixed, mf.constant)
	}
	for _, n := range fixed {
		if hand.names[n] {
			return nil, fmt.Errorf("a hand-written file declares %s, which the generated code defines", n)
		}
		names.claim(n)
	}
	p.table = names.claim("service")

	type opRef struct {
		id string
		mf *modelFile
	}
	var opIDs []opRef
	seenOps := map[string]string{}
	for _, mf := range models {
		ids, err := mf.m.operations(mf.svc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", mf.file, err)
		}
		var roots []string
		for _, id := range ids {
			if prev, dup := seenOps[shapeName(id)]; dup {
				return nil, fmt.Errorf("operations %s and %s have the same name", prev, id)
			}
			seenOps[shapeName(id)] = id
			opIDs = append(opIDs, opRef{id, mf})
			op := mf.m.Shapes[id]
			for _, r := range []*ref{op.Input, op.Output} {
				if r == nil || r.Target == "smithy.api#Unit" {
					continue
				}
				k, err := mf.m.kindOf(r.Target)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", id, err)
				}
				if k != kStruct {
					return nil, fmt.Errorf("%s: input or output %s is a %s", id, r.Target, k)
				}
				roots = append(roots, r.Target)
			}
		}
		ids, err = mf.m.closure(roots)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", mf.file, err)
		}
		if err := p.addShapes(mf, ids); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(p.types, func(a, b *typeInfo) int {
		ua, ub := strings.HasPrefix(a.Name, "_"), strings.HasPrefix(b.Name, "_")
		switch {
		case ua == ub:
			return 0
		case ua:
			return 1
		}
		return -1
	})
	for _, t := range p.types {
		if t.Kind.goType() {
			t.GoName = names.claim(t.Model.prefixFor(t, p) + typeName(t.Name))
		}
	}
	slices.SortFunc(opIDs, func(a, b opRef) int { return strings.Compare(shapeName(a.id), shapeName(b.id)) })
	binds := map[*modelFile]map[string][]binding{}
	for _, mf := range models {
		binds[mf] = mf.m.bindings(mf.svc)
	}
	for _, r := range opIDs {
		op := r.mf.m.Shapes[r.id]
		o := &opInfo{Name: shapeName(r.id), Model: r.mf, Shape: op, Aliases: s.Aliases[shapeName(r.id)]}
		facts, err := factsOf(r.mf, r.id, binds[r.mf])
		if err != nil {
			return nil, err
		}
		o.Facts = facts
		o.Input = p.ioType(op.Input, r.mf, names, o.Name, "Request", "input")
		o.Output = p.ioType(op.Output, r.mf, names, o.Name, "Response", "output")
		p.ops = append(p.ops, o)
	}
	if _, ok := seenOps[s.Example.Operation]; !ok {
		return nil, fmt.Errorf("the example's operation %q is no operation of the models", s.Example.Operation)
	}
	for op := range s.Aliases {
		if _, ok := seenOps[op]; !ok {
			return nil, fmt.Errorf("aliases for %s, which is no operation of the models", op)
		}
	}
	for _, t := range p.types {
		if t.Kind == kUnion && p.unknown == "" {
			p.unknown = names.claim("UnknownUnionMember")
		}
	}
	for _, t := range p.types {
		if err := p.resolveType(t, names, hand.methods[t.GoName]); err != nil {
			return nil, err
		}
	}
	for _, o := range p.ops {
		o.Event = names.claim(o.Name + "Event")
	}
	for _, t := range p.types {
		if t.Kind != kEnum && t.Kind != kIntEnum {
			continue
		}
		vals, err := t.Model.m.enumValues(t.IDs[0])
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			t.Enum = append(t.Enum, enumConst{GoName: names.claim(t.GoName + enumSuffix(v.Name)), Value: v.Value, Doc: v.Doc})
		}
	}
	slices.SortFunc(p.types, func(a, b *typeInfo) int { return strings.Compare(a.GoName, b.GoName) })
	return p, nil
}

// goType reports whether shapes of kind k become named Go types: lists and
// maps are slices and maps of their elements.
func (k kind) goType() bool {
	switch k {
	case kEnum, kIntEnum, kStruct, kUnion:
		return true
	}
	return false
}

// prefixFor returns the prefix of the Go name of t: the model's prefix when
// an earlier model of the package has a different shape of the same name.
func (mf *modelFile) prefixFor(t *typeInfo, p *plan) string {
	if mf.prefix == "" {
		return ""
	}
	for _, o := range p.types {
		if o != t && o.Name == t.Name && o.Model != mf {
			return mf.prefix
		}
	}
	return ""
}

// addShapes adds the named shapes ids of a model to the plan. A shape that
// an earlier model of the package defines alike (same members, names and
// targets) shares its Go type.
func (p *plan) addShapes(mf *modelFile, ids []string) error {
	for _, id := range ids {
		k, _ := mf.m.kindOf(id)
		if !k.named() {
			continue
		}
		if t := p.alikeType(mf, id); t != nil {
			t.IDs = append(t.IDs, id)
			p.byID[id] = t
			continue
		}
		t := &typeInfo{IDs: []string{id}, Name: shapeName(id), Kind: k, Shape: mf.m.Shapes[id], Model: mf}
		p.byID[id] = t
		p.types = append(p.types, t)
	}
	return nil
}

// alikeType returns the type of an earlier model that the shape id of mf
// is alike to, if any.
func (p *plan) alikeType(mf *modelFile, id string) *typeInfo {
	for _, t := range p.types {
		if t.Model != mf && t.Name == shapeName(id) && alike(t.Model, t.IDs[0], mf, id, map[[2]string]bool{}) {
			return t
		}
	}
	return nil
}

// alike reports whether shape a of model ma and shape b of model mb make
// the same Go type with the same codec.
func alike(ma *modelFile, a string, mb *modelFile, b string, assumed map[[2]string]bool) bool {
	ka, errA := ma.m.kindOf(a)
	kb, errB := mb.m.kindOf(b)
	if errA != nil || errB != nil || ka != kb {
		return false
	}
	if !ka.named() {
		return true
	}
	if shapeName(a) != shapeName(b) {
		return false
	}
	pair := [2]string{a, b}
	if assumed[pair] {
		return true
	}
	assumed[pair] = true
	sa, sb := ma.m.Shapes[a], mb.m.Shapes[b]
	switch ka {
	case kEnum, kIntEnum:
		va, err1 := ma.m.enumValues(a)
		vb, err2 := mb.m.enumValues(b)
		if err1 != nil || err2 != nil || len(va) != len(vb) {
			return false
		}
		for i := range va {
			if va[i].Name != vb[i].Name || va[i].Value != vb[i].Value {
				return false
			}
		}
		return true
	case kList:
		return alike(ma, sa.Member.Target, mb, sb.Member.Target, assumed)
	case kMap:
		return alike(ma, sa.Key.Target, mb, sb.Key.Target, assumed) && alike(ma, sa.Value.Target, mb, sb.Value.Target, assumed)
	}
	na, nb := ma.m.members(a), mb.m.members(b)
	if !slices.Equal(na, nb) {
		return false
	}
	for _, name := range na {
		xa, xb := sa.Members[name], sb.Members[name]
		if !slices.Equal(matchKeys(ma, name, xa), matchKeys(mb, name, xb)) || wireName(ma, name, xa) != wireName(mb, name, xb) {
			return false
		}
		if !alike(ma, xa.Target, mb, xb.Target, assumed) {
			return false
		}
	}
	return true
}

// ioType returns the structure of an operation's input or output, made up
// as an empty structure for smithy.api#Unit.
func (p *plan) ioType(r *ref, mf *modelFile, names *namer, op, suffix, what string) *typeInfo {
	if r != nil && r.Target != "smithy.api#Unit" {
		return p.byID[r.Target]
	}
	t := &typeInfo{Name: op + suffix, Kind: kStruct, Shape: &shape{Type: "structure"}, Model: mf, UnitOf: what + " of " + op}
	t.GoName = names.claim(op + suffix)
	p.types = append(p.types, t)
	return t
}

// wireName is the key a member is written with, as CloudTrail writes it:
// its jsonName under restJson1, else its name; with a lower-case first
// word for the services whose records have them so.
func wireName(mf *modelFile, name string, sm *member) string {
	key := name
	if jn, ok := traitString(sm.Traits, "smithy.api#jsonName"); ok && jn != "" && mf.protocol == "restJson1" {
		key = jn
	}
	if mf.lowerCamel {
		key = lowerCamel(key)
	}
	return key
}

// lowerCamel lowers the first word of a member name, an initialism as a
// whole: "TranscriptionJobName" gives "transcriptionJobName",
// "KMSEncryptionContext" "kmsEncryptionContext" and "Id" "id".
func lowerCamel(name string) string {
	b := []byte(name)
	for i := range b {
		if b[i] < 'A' || b[i] > 'Z' {
			break
		}
		// The last capital of an initialism starts the next word.
		if i > 0 && i+1 < len(b) && b[i+1] >= 'a' && b[i+1] <= 'z' {
			break
		}
		b[i] += 'a' - 'A'
	}
	return string(b)
}

// matchKeys are the keys, besides the wire name, that name a member in
// records, lower-cased: its name, its jsonName, and the HTTP header or
// query parameter it is bound to, with the header also without its
// x-amzn-<service>- prefix (the name of the WebSocket query parameter of
// the streaming calls).
func matchKeys(mf *modelFile, name string, sm *member) []string {
	keys := []string{strings.ToLower(wireName(mf, name, sm))}
	add := func(k string) {
		if k = strings.ToLower(k); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	add(name)
	if jn, ok := traitString(sm.Traits, "smithy.api#jsonName"); ok {
		add(jn)
	}
	if h, ok := traitString(sm.Traits, "smithy.api#httpHeader"); ok {
		add(h)
		if mf.arnNS != "" {
			if rest, ok := strings.CutPrefix(strings.ToLower(h), "x-amzn-"+mf.arnNS+"-"); ok {
				add(rest)
			}
		}
	}
	if q, ok := traitString(sm.Traits, "smithy.api#httpQuery"); ok {
		add(q)
	}
	return keys
}

// resolveType names the members of structures and unions and the marker
// method of unions.
func (p *plan) resolveType(t *typeInfo, names *namer, methods map[string]bool) error {
	m := t.Model.m
	switch t.Kind {
	case kList:
		if t.Shape.Member == nil {
			return fmt.Errorf("list %s has no member", t.IDs[0])
		}
		t.Elem = t.Shape.Member.Target
	case kMap:
		t.Key, t.Elem = t.Shape.Key.Target, t.Shape.Value.Target
		if k, err := m.kindOf(t.Key); err != nil || k != kString && k != kEnum {
			return fmt.Errorf("map %s has a key that is no string", t.IDs[0])
		}
	case kStruct, kUnion:
		if t.Kind == kUnion {
			t.unionIs = "is" + t.GoName
		}
		fields := newNamer(reservedFieldNames...)
		for m := range methods {
			fields.claim(m)
		}
		matched := map[string]bool{}
		var members []string
		if len(t.IDs) > 0 {
			members = m.members(t.IDs[0])
		}
		for _, name := range members {
			sm := t.Shape.Members[name]
			mi := &memberInfo{Name: name, Target: sm.Target, Traits: sm.Traits, Wire: wireName(t.Model, name, sm)}
			mi.GoName = fields.claim(fieldName(name))
			for _, key := range matchKeys(t.Model, name, sm) {
				if !matched[key] {
					matched[key] = true
					mi.Keys = append(mi.Keys, key)
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
	if t, ok := p.byID[target]; ok {
		return t.Kind
	}
	for _, mf := range p.models {
		if k, err := mf.m.kindOf(target); err == nil {
			return k
		}
	}
	panic("gen: unknown target " + target)
}

// shapeOf returns the shape of a target in the models of the plan.
func (p *plan) shapeOf(target string) *shape {
	for _, mf := range p.models {
		if s, ok := mf.m.Shapes[target]; ok {
			return s
		}
	}
	return nil
}
