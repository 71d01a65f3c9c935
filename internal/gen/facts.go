package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// opFacts are the facts of an operation that the generator derives from
// its model and writes into the package's wire.Service (see
// cloudtrail.OperationInfo, whose documentation gives the rules).
type opFacts struct {
	ReadOnly, Idempotent bool
	Kind                 string // such as "create"; the constant is kindConst(Kind)
	Resource             string
	HTTPMethod           string

	// What decided Kind and Resource, for the documentation and the
	// tests: kindBinding, kindTraits or kindName; the binding or the name.
	KindFrom     string
	Binding      *binding // the resource the model binds the operation to, if any
	ResourceFrom string   // "binding" or "name"

	readonlyTrait bool // the model has the readonly trait
}

// What decided an operation's kind.
const (
	kindBinding = "binding" // a resource lifecycle binding
	kindTraits  = "traits"  // the readonly trait or GET, and paginated
	kindName    = "name"    // the verb of the name
)

// binding is how a resource binds an operation.
type binding struct {
	Resource string // the resource shape id
	As       string // create, put, read, update, delete, list, operations or collectionOperations
}

// lifecycles are the resource properties that bind lifecycle operations,
// in the order they are looked at.
var lifecycles = []string{"create", "put", "read", "update", "delete", "list"}

// bindings returns how the resources of the service svc, directly or
// through other resources, bind each operation: a lifecycle binding
// before the others, resources in the order of their ids.
func (m *model) bindings(svc *shape) map[string][]binding {
	out := map[string][]binding{}
	seen := map[string]bool{}
	var visit func(id string)
	visit = func(id string) {
		if seen[id] {
			return
		}
		seen[id] = true
		r, ok := m.Shapes[id]
		if !ok || r.Type != "resource" {
			return
		}
		for i, p := range []*ref{r.Create, r.Put, r.Read, r.Update, r.Delete, r.List} {
			if p != nil {
				out[p.Target] = append(out[p.Target], binding{id, lifecycles[i]})
			}
		}
		for _, o := range r.Operations {
			out[o.Target] = append(out[o.Target], binding{id, "operations"})
		}
		for _, o := range r.CollectionOperations {
			out[o.Target] = append(out[o.Target], binding{id, "collectionOperations"})
		}
		for _, sub := range r.Resources {
			visit(sub.Target)
		}
	}
	for _, r := range svc.Resources {
		visit(r.Target)
	}
	for _, bs := range out {
		slices.SortStableFunc(bs, func(a, b binding) int {
			la, lb := slices.Contains(lifecycles, a.As), slices.Contains(lifecycles, b.As)
			switch {
			case la != lb && la:
				return -1
			case la != lb:
				return 1
			}
			return strings.Compare(a.Resource, b.Resource)
		})
	}
	return out
}

// factsOf derives the facts of the operation id of the model file mf,
// whose resources bind operations as binds says.
func factsOf(mf *modelFile, id string, binds map[string][]binding) (opFacts, error) {
	op := mf.m.Shapes[id]
	name := shapeName(id)
	var f opFacts
	// The awsJson protocols send every call as a POST, and so does
	// restJson1 for an operation without the http trait (which no AWS
	// model has).
	f.HTTPMethod = "POST"
	if raw, ok := op.Traits["smithy.api#http"]; ok && mf.protocol == "restJson1" {
		var http struct {
			Method string `json:"method"`
		}
		if err := json.Unmarshal(raw, &http); err != nil || http.Method == "" {
			return f, fmt.Errorf("%s: http trait: no method", id)
		}
		f.HTTPMethod = strings.ToUpper(http.Method)
	}
	f.readonlyTrait = hasTrait(op.Traits, "smithy.api#readonly")
	f.ReadOnly = f.readonlyTrait || f.HTTPMethod == "GET"
	f.Idempotent = hasTrait(op.Traits, "smithy.api#idempotent") || f.ReadOnly ||
		f.HTTPMethod == "PUT" || f.HTTPMethod == "DELETE"
	paginated := hasTrait(op.Traits, "smithy.api#paginated")

	verb, words := splitVerb(name)
	if bs := binds[id]; len(bs) > 0 {
		f.Binding = &bs[0]
		f.Resource, f.ResourceFrom = strings.TrimSuffix(shapeName(bs[0].Resource), "Resource"), "binding"
		if slices.Contains(lifecycles, bs[0].As) {
			f.Kind, f.KindFrom = bs[0].As, kindBinding
		}
	}
	if f.Kind == "" && f.ReadOnly {
		f.Kind, f.KindFrom = "read", kindTraits
		if paginated {
			f.Kind = "list"
		}
	}
	if f.Kind == "" {
		f.Kind, f.KindFrom = verbKind(verb, words, paginated), kindName
	}
	if f.Resource == "" {
		f.Resource, f.ResourceFrom = nameNoun(words, f.Kind == "list"), "name"
	}
	return f, nil
}

// verbKind is the kind the verb of an operation's name gives, with the
// rest of its name in words.
func verbKind(verb string, words []string, paginated bool) string {
	policy := len(words) > 0 && words[len(words)-1] == "Policy"
	switch verb {
	case "Create":
		return "create"
	case "Update":
		return "update"
	case "Put", "Delete":
		if policy {
			return "policy"
		}
		return strings.ToLower(verb)
	case "Tag", "Untag", "Start", "Stop", "Cancel":
		return strings.ToLower(verb)
	case "Get", "Describe", "Read", "List", "Search":
		if paginated {
			return "list"
		}
		return "read"
	}
	return "other"
}

// splitVerb splits an operation name into its first word, the verb, and
// the words of the rest.
func splitVerb(name string) (string, []string) {
	words := camelWords(name)
	if len(words) == 0 {
		return "", nil
	}
	return words[0], words[1:]
}

// camelWords splits an UpperCamelCase name at its upper-case letters,
// keeping runs of them (acronyms) together.
func camelWords(s string) []string {
	var words []string
	rs := []rune(s)
	start := 0
	for i := 1; i < len(rs); i++ {
		if unicode.IsUpper(rs[i]) && (!unicode.IsUpper(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])) {
			words = append(words, string(rs[start:i]))
			start = i
		}
	}
	if len(rs) > 0 {
		words = append(words, string(rs[start:]))
	}
	return words
}

// nameNoun is the resource an operation's name names, from the words after
// its verb: those after "For" ("TagsForResource"), else those before "By"
// ("JobsByPipeline"), else all; for a list, in the singular.
func nameNoun(words []string, list bool) string {
	if i := slices.Index(words, "For"); i >= 0 && i+1 < len(words) {
		words = words[i+1:]
	} else if i := slices.Index(words, "By"); i > 0 {
		words = words[:i]
	}
	if len(words) == 0 {
		return ""
	}
	words = slices.Clone(words)
	if list {
		words[len(words)-1] = singular(words[len(words)-1])
	}
	return strings.Join(words, "")
}

// singular is the singular of an English plural noun, as far as the
// names of the models need: Categories, Vocabularies, Jobs, Queues.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 3:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// kindConst is the Go name of the cloudtrail constant of a kind.
func kindConst(kind string) string {
	return "cloudtrail.Op" + upperFirst(kind)
}

// factsDoc is the paragraph of a typed event's documentation that gives
// the facts of its operation and what decided them.
func (f opFacts) doc() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Operation facts (cloudtrail.Info): kind %s", f.Kind)
	switch f.KindFrom {
	case kindBinding:
		fmt.Fprintf(&b, ", as the %s operation of the model's resource %s", f.Binding.As, shapeName(f.Binding.Resource))
	case kindTraits:
		if f.readonlyTrait {
			b.WriteString(", from the model's traits (readonly")
		} else {
			b.WriteString(", from the model's traits (read-only by the HTTP method GET")
		}
		if f.Kind == "list" {
			b.WriteString(", paginated")
		}
		b.WriteString(")")
	default:
		b.WriteString(", from the operation's name")
	}
	if f.Resource == "" {
		b.WriteString("; no resource, the name being only a verb")
	} else {
		fmt.Fprintf(&b, "; resource %s", f.Resource)
		if f.ResourceFrom == "binding" {
			if f.KindFrom != kindBinding {
				fmt.Fprintf(&b, ", which the model binds it to (%s of %s)", f.Binding.As, shapeName(f.Binding.Resource))
			}
		} else {
			b.WriteString(", from the name")
		}
	}
	fmt.Fprintf(&b, "; HTTP %s", f.HTTPMethod)
	switch {
	case f.ReadOnly:
		b.WriteString("; read-only and idempotent.")
	case f.Idempotent:
		b.WriteString("; idempotent.")
	default:
		b.WriteString(".")
	}
	return b.String()
}

// tableFields is what the wire.Operation of the operation says of its
// facts, as Go composite literal fields after a comma.
func (f opFacts) tableFields() string {
	var b strings.Builder
	if f.ReadOnly {
		b.WriteString(", ReadOnly: true")
	}
	if f.Idempotent {
		b.WriteString(", Idempotent: true")
	}
	fmt.Fprintf(&b, ", Kind: %s", kindConst(f.Kind))
	if f.Resource != "" {
		fmt.Fprintf(&b, ", Resource: %q", f.Resource)
	}
	fmt.Fprintf(&b, ", HTTPMethod: %q", f.HTTPMethod)
	return b.String()
}
