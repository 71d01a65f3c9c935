package transcribe

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/typedtest"
)

// decode decodes an event of the service that has only a name, a request
// and a response (see typedtest.DecodeEvent).
func decode(t *testing.T, name, request, response string) any {
	t.Helper()
	return typedtest.DecodeEvent(t, EventSource, name, request, response)
}

func TestLowerCaseKeys(t *testing.T) {
	// CloudTrail writes Transcribe's members in lowerCamelCase; the model
	// (awsJson1_1) names them in PascalCase.
	const req = `{"transcriptionJobName":"support-call-0001","languageCode":"en-US","mediaFormat":"flac",` +
		`"media":{"mediaFileUri":"s3://media-input.example.com/calls/0001.flac"},"settings":{"showSpeakerLabels":"true","maxSpeakerLabels":"2"}}`
	const resp = `{"transcriptionJob":{"transcriptionJobName":"support-call-0001","transcriptionJobStatus":"IN_PROGRESS",` +
		`"creationTime":"Nov 2, 2023, 12:59:45 AM","startTime":1698886785.712}}`
	ev := decode(t, "StartTranscriptionJob", req, resp).(*StartTranscriptionJobEvent)
	require.Empty(t, ev.Errors)
	require.Equal(t, "support-call-0001", ev.Request.GetTranscriptionJobName())
	require.Equal(t, LanguageCodeEnUs, ev.Request.GetLanguageCode())
	require.Equal(t, MediaFormatFlac, ev.Request.GetMediaFormat())
	require.Equal(t, "s3://media-input.example.com/calls/0001.flac", ev.Request.GetMedia().GetMediaFileUri())
	require.True(t, ev.Request.GetSettings().GetShowSpeakerLabels())
	require.EqualValues(t, 2, ev.Request.GetSettings().GetMaxSpeakerLabels())
	job := ev.Response.GetTranscriptionJob()
	require.Equal(t, TranscriptionJobStatusInProgress, job.GetTranscriptionJobStatus())
	require.Equal(t, time.Date(2023, 11, 2, 0, 59, 45, 0, time.UTC), job.GetCreationTime().Time)
	require.Equal(t, time.UnixMilli(1698886785712).UTC(), job.GetStartTime().Time)

	// Encoding writes the member names as CloudTrail does, and values
	// written in another form ("2", "true") as written.
	out, err := ev.Request.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, `{"languageCode":"en-US","media":{"mediaFileUri":"s3://media-input.example.com/calls/0001.flac"},"mediaFormat":"flac",`+
		`"settings":{"maxSpeakerLabels":"2","showSpeakerLabels":"true"},"transcriptionJobName":"support-call-0001"}`, string(out))
	// Changed values are written anew.
	*ev.Request.Settings.MaxSpeakerLabels = 3
	out, err = ev.Request.MarshalJSON()
	require.NoError(t, err)
	require.Contains(t, string(out), `"settings":{"maxSpeakerLabels":3,"showSpeakerLabels":"true"}`)
	*ev.Request.Settings.MaxSpeakerLabels = 2
	out, err = ev.Request.MarshalJSON()
	require.NoError(t, err)
	diff, err := typedtest.JSONDiff([]byte(req), out)
	require.NoError(t, err)
	require.Empty(t, diff)
}

func TestRuleUnion(t *testing.T) {
	const req = `{"categoryName":"escalations","rules":[
		{"interruptionFilter":{"threshold":10000,"participantRole":"AGENT","negate":false}},
		{"TranscriptFilter":{"transcriptFilterType":"EXACT","targets":["manager","supervisor"]}},
		{"SentimentFilter":null,"NonTalkTimeFilter":{"threshold":"5000"}},
		{"FutureFilter":{"x":1}}
	]}`
	ev := decode(t, "CreateCallAnalyticsCategory", req, "").(*CreateCallAnalyticsCategoryEvent)
	require.Empty(t, ev.Errors)
	rules := ev.Request.GetRules()
	require.Len(t, rules, 4)

	interruption, ok := rules[0].(*RuleMemberInterruptionFilter)
	require.True(t, ok, "%T", rules[0])
	require.EqualValues(t, 10000, interruption.Value.GetThreshold())
	require.Equal(t, ParticipantRoleAgent, interruption.Value.GetParticipantRole())
	require.False(t, interruption.Value.GetNegate())

	transcript, ok := rules[1].(*RuleMemberTranscriptFilter)
	require.True(t, ok, "%T", rules[1])
	require.Equal(t, TranscriptFilterTypeExact, transcript.Value.GetTranscriptFilterType())
	require.Equal(t, []string{"manager", "supervisor"}, transcript.Value.GetTargets())

	nonTalk, ok := rules[2].(*RuleMemberNonTalkTimeFilter)
	require.True(t, ok, "%T", rules[2])
	require.EqualValues(t, 5000, nonTalk.Value.GetThreshold())

	unknown, ok := rules[3].(*UnknownUnionMember)
	require.True(t, ok, "%T", rules[3])
	require.Equal(t, "FutureFilter", unknown.Tag)
	require.Equal(t, `{"x":1}`, string(unknown.Value))

	out, err := rules[0].(json.Marshaler).MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, `{"interruptionFilter":{"negate":false,"participantRole":"AGENT","threshold":10000}}`, string(out))
	out, err = unknown.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, `{"FutureFilter":{"x":1}}`, string(out))
}

func TestRuleUnionErrors(t *testing.T) {
	const req = `{"CategoryName":"c","Rules":[
		{"InterruptionFilter":{"Threshold":1},"SentimentFilter":{"Sentiments":["NEGATIVE"]}},
		{"InterruptionFilter":"***"},
		{}
	]}`
	ev := decode(t, "CreateCallAnalyticsCategory", req, "").(*CreateCallAnalyticsCategoryEvent)
	require.Len(t, ev.Errors, 2)
	require.Equal(t, "requestParameters.Rules[0].SentimentFilter", ev.Errors[0].Path)
	require.Equal(t, "union", ev.Errors[0].Want)
	require.Equal(t, "requestParameters.Rules[1].InterruptionFilter", ev.Errors[1].Path)
	require.Equal(t, "structure", ev.Errors[1].Want)
	// The list does not convert: it is left unset and kept whole, and
	// encodes as it was.
	require.Nil(t, ev.Request.GetRules())
	require.Equal(t, "c", ev.Request.GetCategoryName())
	rules, ok := ev.Request.UnknownMembers.Get("rules")
	require.True(t, ok)
	require.Contains(t, string(rules), `"InterruptionFilter":"***"`)
	out, err := ev.Request.MarshalJSON()
	require.NoError(t, err)
	diff, err := typedtest.JSONDiff([]byte(req), out)
	require.NoError(t, err)
	require.Empty(t, diff)
}

func TestUnitResponse(t *testing.T) {
	ev := decode(t, "DeleteTranscriptionJob", `{"transcriptionJobName":"j"}`, `{"unexpected":true}`).(*DeleteTranscriptionJobEvent)
	require.Equal(t, "j", ev.Request.GetTranscriptionJobName())
	require.NotNil(t, ev.Response)
	require.Equal(t, cloudtrail.RawMembers{{Name: "unexpected", Value: json.RawMessage("true")}}, ev.Response.UnknownMembers)
	ev = decode(t, "DeleteTranscriptionJob", `{"transcriptionJobName":"j"}`, "").(*DeleteTranscriptionJobEvent)
	require.Nil(t, ev.Response)
}
