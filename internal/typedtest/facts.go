package typedtest

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// nameWord matches the words of an operation name.
var nameWord = regexp.MustCompile(`[A-Z][a-z0-9]*`)

// verbKinds are the kinds that the verbs of operation names give.
var verbKinds = map[string]cloudtrail.OperationKind{
	"Create": cloudtrail.OpCreate, "Update": cloudtrail.OpUpdate, "Put": cloudtrail.OpPut,
	"Delete": cloudtrail.OpDelete, "Tag": cloudtrail.OpTag, "Untag": cloudtrail.OpUntag,
	"Start": cloudtrail.OpStart, "Stop": cloudtrail.OpStop, "Cancel": cloudtrail.OpCancel,
	"Get": cloudtrail.OpRead, "Describe": cloudtrail.OpRead, "Read": cloudtrail.OpRead,
	"List": cloudtrail.OpRead, "Search": cloudtrail.OpRead,
}

// deriveFacts derives the facts of the operation name, whose traits are
// traits, of a service with the given protocol; resource and as are the
// resource that binds it and how ("create", ..., or "" for its further
// operations), or empty.
func deriveFacts(name string, traits map[string]json.RawMessage, protocol, resource, as string) Facts {
	var f Facts
	f.HTTPMethod = "POST" // every call of the awsJson protocols
	if raw := traits["smithy.api#http"]; raw != nil && protocol == "restJson1" {
		var http struct{ Method string }
		_ = json.Unmarshal(raw, &http)
		f.HTTPMethod = http.Method
	}
	_, readonly := traits["smithy.api#readonly"]
	_, idempotent := traits["smithy.api#idempotent"]
	_, paginated := traits["smithy.api#paginated"]
	f.ReadOnly = readonly || f.HTTPMethod == "GET"
	f.Idempotent = idempotent || f.ReadOnly || f.HTTPMethod == "PUT" || f.HTTPMethod == "DELETE"

	words := nameWord.FindAllString(name, -1)
	verb, rest := words[0], words[1:]
	switch {
	case as != "":
		f.Kind, f.KindFrom = cloudtrail.OperationKind(as), "binding"
	case f.ReadOnly && paginated:
		f.Kind, f.KindFrom = cloudtrail.OpList, "traits"
	case f.ReadOnly:
		f.Kind, f.KindFrom = cloudtrail.OpRead, "traits"
	default:
		f.KindFrom = "name"
		k, ok := verbKinds[verb]
		switch {
		case !ok:
			k = cloudtrail.OpOther
		case k == cloudtrail.OpRead && paginated:
			k = cloudtrail.OpList
		case (verb == "Put" || verb == "Delete") && strings.HasSuffix(name, "Policy"):
			k = cloudtrail.OpPolicy
		}
		f.Kind = k
	}

	if resource != "" {
		f.Resource = strings.TrimSuffix(resource, "Resource")
		return f
	}
	noun := strings.Join(rest, " ")
	if _, after, ok := strings.Cut(noun, " For "); ok {
		noun = after
	} else if before, _, ok := strings.Cut(noun, " By "); ok {
		noun = before
	}
	if f.Kind == cloudtrail.OpList {
		for _, r := range []struct{ suffix, singular string }{{"ies", "y"}, {"ss", "ss"}, {"s", ""}} {
			if s, ok := strings.CutSuffix(noun, r.suffix); ok {
				noun = s + r.singular
				break
			}
		}
	}
	f.Resource = strings.ReplaceAll(noun, " ", "")
	return f
}
