package services_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/services"
	"github.com/mediatrail/mediatrail/internal/typedtest"
	"github.com/mediatrail/mediatrail/internal/wire"
)

// TestOperationFacts checks the facts of every registered operation, under
// every event source and event name (aliases included), against the facts
// that typedtest derives from the models independently of the generator.
// It logs how many operations each source of their kinds decided.
func TestOperationFacts(t *testing.T) {
	models := map[string]*typedtest.Model{} // by event source
	for _, s := range services.All {
		var m *typedtest.Model
		for i, name := range s.Models {
			if i == 0 {
				m = typedtest.LoadModel(t, name)
			} else {
				m.Merge(typedtest.LoadModel(t, name))
			}
		}
		for _, src := range s.EventSources {
			models[src] = m
		}
	}
	n := 0
	for _, op := range cloudtrail.DefaultRegistry.Operations() {
		m := models[op.EventSource]
		require.NotNil(t, m, "%s: no package", op.EventSource)
		// The operation a name is registered for: itself, or the one of
		// which it is an alias, which its typed event tells.
		fn, _ := cloudtrail.DefaultRegistry.Lookup(op.EventSource, op.EventName)
		v, err := fn(&cloudtrail.Event{EventSource: op.EventSource, EventName: op.EventName})
		require.NoError(t, err)
		of, ok := wire.OperationOf(v)
		require.True(t, ok, "%s %s", op.EventSource, op.EventName)
		mo, ok := m.Operations[of.EventName]
		require.True(t, ok, "%s is no operation of the model", of.EventName)
		got, ok := cloudtrail.Info(op.EventSource, op.EventName)
		require.True(t, ok, "%s %s has no facts", op.EventSource, op.EventName)
		require.Equal(t, mo.Facts.Info(op.EventSource, op.EventName), got)
		n++
	}
	require.Greater(t, n, 140)

	// How the kinds of the models' operations were decided.
	counts := map[string]map[cloudtrail.OperationKind]int{}
	total := map[string]int{}
	seen := map[*typedtest.Model]bool{}
	for _, s := range services.All {
		m := models[s.EventSources[0]]
		if seen[m] {
			continue
		}
		seen[m] = true
		for _, name := range m.OperationNames() {
			f := m.Operations[name].Facts
			if counts[f.KindFrom] == nil {
				counts[f.KindFrom] = map[cloudtrail.OperationKind]int{}
			}
			counts[f.KindFrom][f.Kind]++
			total[f.KindFrom]++
		}
	}
	for _, from := range []string{"binding", "traits", "name"} {
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(counts[from])) {
			parts = append(parts, fmt.Sprintf("%s %d", k, counts[from][k]))
		}
		t.Logf("kind from %s: %d (%s)", from, total[from], strings.Join(parts, ", "))
	}
}

// TestOperationFactsByHand checks the facts of a few operations, checked
// by hand against the models.
func TestOperationFactsByHand(t *testing.T) {
	const (
		mc = "mediaconvert.amazonaws.com"
		et = "elastictranscoder.amazonaws.com"
		tr = "transcribe.amazonaws.com"
		ts = "transcribestreaming.amazonaws.com"
		mt = "mediatailor.amazonaws.com"
	)
	type facts struct {
		readOnly, idempotent bool
		kind                 cloudtrail.OperationKind
		resource, method     string
	}
	tests := []struct {
		source, name string
		want         facts
	}{
		// MediaConvert has no readonly or idempotent traits and no
		// resources: its kinds are those of its GET methods and names.
		{mc, "CreateJob", facts{false, false, cloudtrail.OpCreate, "Job", "POST"}},
		{mc, "GetJob", facts{true, true, cloudtrail.OpRead, "Job", "GET"}},
		{mc, "ListJobs", facts{true, true, cloudtrail.OpList, "Job", "GET"}},
		{mc, "CancelJob", facts{false, true, cloudtrail.OpCancel, "Job", "DELETE"}},
		{mc, "TagResource", facts{false, false, cloudtrail.OpTag, "Resource", "POST"}},
		{mc, "UntagResource", facts{false, true, cloudtrail.OpUntag, "Resource", "PUT"}},
		{mc, "ListTagsForResource", facts{true, true, cloudtrail.OpRead, "Resource", "GET"}}, // not paginated
		{mc, "DeletePolicy", facts{false, true, cloudtrail.OpPolicy, "Policy", "DELETE"}},
		{mc, "PutPolicy", facts{false, true, cloudtrail.OpPolicy, "Policy", "PUT"}},
		{mc, "GetPolicy", facts{true, true, cloudtrail.OpRead, "Policy", "GET"}},
		{mc, "UpdateQueue", facts{false, true, cloudtrail.OpUpdate, "Queue", "PUT"}},
		// POST, not read-only by the model: a read by its verb, a list by
		// its paginated trait.
		{mc, "DescribeEndpoints", facts{false, false, cloudtrail.OpList, "Endpoint", "POST"}},
		{mc, "Probe", facts{false, false, cloudtrail.OpOther, "", "POST"}},
		{et, "ListJobsByPipeline", facts{true, true, cloudtrail.OpList, "Job", "GET"}},
		{et, "ReadJob", facts{true, true, cloudtrail.OpRead, "Job", "GET"}},
		// Transcribe's awsJson1_1 sends every call as a POST; its model
		// has no readonly or idempotent traits.
		{tr, "StartTranscriptionJob", facts{false, false, cloudtrail.OpStart, "TranscriptionJob", "POST"}},
		{tr, "GetTranscriptionJob", facts{false, false, cloudtrail.OpRead, "TranscriptionJob", "POST"}},
		{tr, "ListVocabularies", facts{false, false, cloudtrail.OpList, "Vocabulary", "POST"}},
		// The streaming model is restJson1; its WebSocket form has the
		// facts of the call, under both event sources.
		{tr, "StartStreamTranscription", facts{false, false, cloudtrail.OpStart, "StreamTranscription", "POST"}},
		{ts, "StartStreamTranscriptionWebSocket", facts{false, false, cloudtrail.OpStart, "StreamTranscription", "POST"}},
		{tr, "GetMedicalScribeStream", facts{true, true, cloudtrail.OpRead, "MedicalScribeStream", "GET"}},
		// MediaTailor binds most operations to resources.
		{mt, "PutPlaybackConfiguration", facts{false, true, cloudtrail.OpPut, "PlaybackConfiguration", "PUT"}},
		{mt, "CreateChannel", facts{false, true, cloudtrail.OpPut, "Channel", "POST"}},
		{mt, "DescribeChannel", facts{true, true, cloudtrail.OpRead, "Channel", "GET"}},
		{mt, "ListChannels", facts{true, true, cloudtrail.OpList, "Channel", "GET"}},
		{mt, "StartChannel", facts{false, true, cloudtrail.OpStart, "Channel", "PUT"}},
		{mt, "GetChannelSchedule", facts{true, true, cloudtrail.OpList, "Channel", "GET"}},
		{mt, "PutChannelPolicy", facts{false, true, cloudtrail.OpPut, "ChannelPolicy", "PUT"}},
		{mt, "ListPrefetchSchedules", facts{true, true, cloudtrail.OpList, "PrefetchSchedule", "POST"}},
		{mt, "ConfigureLogsForPlaybackConfiguration", facts{false, true, cloudtrail.OpOther, "PlaybackConfiguration", "PUT"}},
		{mt, "TagResource", facts{false, false, cloudtrail.OpTag, "Resource", "POST"}},
	}
	for _, tt := range tests {
		got, ok := cloudtrail.Info(tt.source, tt.name)
		require.True(t, ok, tt.name)
		w := tt.want
		require.Equal(t, cloudtrail.OperationInfo{EventSource: tt.source, EventName: tt.name, ReadOnly: w.readOnly, Idempotent: w.idempotent,
			Kind: w.kind, Resource: w.resource, HTTPMethod: w.method}, got, "%s %s", tt.source, tt.name)
	}
}
