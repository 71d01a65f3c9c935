package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestNameWords(t *testing.T) {
	tests := []struct {
		name, verb string
		kind       string // not paginated
		list       string // paginated
		noun       string
		listNoun   string
	}{
		{"CreateJob", "Create", "create", "create", "Job", "Job"},
		{"ListJobs", "List", "read", "list", "Jobs", "Job"},
		{"ListJobsByPipeline", "List", "read", "list", "Jobs", "Job"},
		{"ListTagsForResource", "List", "read", "list", "Resource", "Resource"},
		{"ListCallAnalyticsCategories", "List", "read", "list", "CallAnalyticsCategories", "CallAnalyticsCategory"},
		{"ListVocabularies", "List", "read", "list", "Vocabularies", "Vocabulary"},
		{"ListQueues", "List", "read", "list", "Queues", "Queue"},
		{"ListAccess", "List", "read", "list", "Access", "Access"},
		{"DescribeEndpoints", "Describe", "read", "list", "Endpoints", "Endpoint"},
		{"PutPolicy", "Put", "policy", "policy", "Policy", "Policy"},
		{"DeleteChannelPolicy", "Delete", "policy", "policy", "ChannelPolicy", "ChannelPolicy"},
		{"GetPolicy", "Get", "read", "list", "Policy", "Policy"},
		{"PutPlaybackConfiguration", "Put", "put", "put", "PlaybackConfiguration", "PlaybackConfiguration"},
		{"UntagResource", "Untag", "untag", "untag", "Resource", "Resource"},
		{"StopChannel", "Stop", "stop", "stop", "Channel", "Channel"},
		{"CancelJob", "Cancel", "cancel", "cancel", "Job", "Job"},
		{"ConfigureLogsForChannel", "Configure", "other", "other", "Channel", "Channel"},
		{"Probe", "Probe", "other", "other", "", ""},
		{"GetHLSManifest", "Get", "read", "list", "HLSManifest", "HLSManifest"},
	}
	for _, tt := range tests {
		verb, words := splitVerb(tt.name)
		require.Equal(t, tt.verb, verb, tt.name)
		require.Equal(t, tt.kind, verbKind(verb, words, false), tt.name)
		require.Equal(t, tt.list, verbKind(verb, words, true), tt.name)
		require.Equal(t, tt.noun, nameNoun(words, false), tt.name)
		require.Equal(t, tt.listNoun, nameNoun(words, true), tt.name)
	}
}

// TestFactsSynth derives the facts of the operations of the synthetic
// model, whose resources bind them in every way.
func TestFactsSynth(t *testing.T) {
	var m model
	require.NoError(t, json.Unmarshal([]byte(synthModel), &m))
	// Traits the synthetic model does not have.
	m.Shapes["ex#ListThings"].Traits = map[string]json.RawMessage{"smithy.api#paginated": json.RawMessage(`{}`)}
	m.Shapes["ex#GetThing"].Traits = map[string]json.RawMessage{"smithy.api#http": json.RawMessage(`{"method":"GET","uri":"/"}`)}
	m.Shapes["ex#DeleteChild"].Traits = map[string]json.RawMessage{"smithy.api#readonly": json.RawMessage(`{}`)}
	_, svc, err := m.service()
	require.NoError(t, err)
	binds := m.bindings(svc)
	for _, protocol := range []string{"restJson1", "awsJson1_1"} {
		mf := &modelFile{m: &m, svc: svc, protocol: protocol}
		get := opFacts{ReadOnly: true, Idempotent: true, Kind: "read", Resource: "Parent", HTTPMethod: "GET"}
		if protocol != "restJson1" {
			get = opFacts{Kind: "read", Resource: "Parent", HTTPMethod: "POST"}
		}
		for id, want := range map[string]opFacts{
			"ex#CreateThing": {Kind: "create", Resource: "Parent", HTTPMethod: "POST"},
			"ex#GetThing":    get,
			// A collection operation: the resource from the binding, the
			// kind from the name and the paginated trait.
			"ex#ListThings": {Kind: "list", Resource: "Parent", HTTPMethod: "POST"},
			"ex#PutChild":   {Kind: "put", Resource: "Child", HTTPMethod: "POST"},
			// The lifecycle decides, before the readonly trait.
			"ex#DeleteChild": {ReadOnly: true, Idempotent: true, Kind: "delete", Resource: "Child", HTTPMethod: "POST"},
			"ex#Ping":        {Kind: "other", Resource: "Child", HTTPMethod: "POST"},
		} {
			got, err := factsOf(mf, id, binds)
			require.NoError(t, err)
			got.KindFrom, got.Binding, got.ResourceFrom, got.readonlyTrait = "", nil, "", false
			require.Equal(t, want, got, "%s %s", protocol, id)
		}
	}
}
