package typedtest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/elastictranscoder"
	"github.com/mediatrail/mediatrail/mediaconvert"
	"github.com/mediatrail/mediatrail/mediatailor"
	"github.com/mediatrail/mediatrail/transcribe"
)

// decodeRealWorld parses a record made of its parts and decodes it.
func decodeRealWorld(t *testing.T, source, name, request, response string) (any, cloudtrail.FieldErrors) {
	t.Helper()
	rec := `{"eventVersion":"1.09","eventTime":"2024-03-01T10:00:00Z","eventSource":"` + source + `","eventName":"` + name + `"`
	if request != "" {
		rec += `,"requestParameters":` + request
	}
	if response != "" {
		rec += `,"responseElements":` + response
	}
	e, err := cloudtrail.Parse([]byte(rec + "}"))
	require.NoError(t, err)
	v, err := cloudtrail.Decode(e)
	require.NoError(t, err)
	return v, v.(cloudtrail.TypedEvent).FieldErrors()
}

func paths(errs cloudtrail.FieldErrors) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Path)
	}
	return out
}

func TestRealWorldRedactedMembers(t *testing.T) {
	for _, tt := range []struct {
		name, request, response string
		paths                   []string
		request0, response0     bool // Request and Response are set
	}{
		{"hidden request, redacted response", `"HIDDEN_DUE_TO_SECURITY_REASONS"`, `"***"`, []string{"requestParameters", "responseElements"}, false, false},
		{"hidden request only", `"HIDDEN_DUE_TO_SECURITY_REASONS"`, `{"job":{"id":"1"}}`, []string{"requestParameters"}, false, true},
		{"array and number", `[]`, `1`, []string{"requestParameters", "responseElements"}, false, false},
		{"empty objects", `{}`, `{}`, nil, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v, errs := decodeRealWorld(t, mediaconvert.EventSource, "CreateJob", tt.request, tt.response)
			ev := v.(*mediaconvert.CreateJobEvent)
			require.Equal(t, tt.paths, paths(errs))
			require.Equal(t, tt.request0, ev.Request != nil)
			require.Equal(t, tt.response0, ev.Response != nil)
			require.NotPanics(t, func() { mediaconvert.JobSummaries(ev) })
		})
	}
}

func TestRealWorldMediaConvertConsoleCreateJob(t *testing.T) {
	v, errs := decodeRealWorld(t, mediaconvert.EventSource, "CreateJob", `{
  "role":"arn:aws:iam::111122223333:role/MediaConvertRole","queue":"arn:aws:mediaconvert:us-east-1:111122223333:queues/Default",
  "accelerationSettings":{"mode":"PREFERRED"},"statusUpdateInterval":"SECONDS_60","priority":"0","billingTagsSource":"JOB",
  "userMetadata":{"project":"x","ключ":"значение"},"hopDestinations":[{"waitMinutes":5,"priority":0,"queue":"arn:q"}],
  "settings":{"timecodeConfig":{"source":"ZEROBASED"},
   "inputs":[{"fileInput":"s3://media-input.example.com/in.mp4","timecodeSource":"ZEROBASED","videoSelector":{},
     "audioSelectors":{"Audio Selector 1":{"defaultSelection":"DEFAULT","tracks":[1,2]}},
     "captionSelectors":{"Captions Selector 1":{"sourceSettings":{"sourceType":"EMBEDDED","embeddedSourceSettings":{"source608ChannelNumber":1}}}}}],
   "outputGroups":[
    {"name":"Apple HLS","outputGroupSettings":{"type":"HLS_GROUP_SETTINGS","hlsGroupSettings":{"segmentLength":10,"minSegmentLength":0,"destination":"s3://out.example.com/hls/"}},
     "outputs":[{"nameModifier":"_720","containerSettings":{"container":"M3U8","m3u8Settings":{}},"videoDescription":{"width":1280,"height":720,"codecSettings":{"codec":"H_265","h265Settings":{"rateControlMode":"QVBR","qvbrSettings":{"qvbrQualityLevel":7},"maxBitrate":5000000,"gopSize":90.0}}},
       "audioDescriptions":[{"audioSourceName":"Audio Selector 1","codecSettings":{"codec":"AAC","aacSettings":{"bitrate":96000,"codingMode":"CODING_MODE_2_0","sampleRate":48000}}}]}]},
    {"name":"CMAF","outputGroupSettings":{"type":"CMAF_GROUP_SETTINGS","cmafGroupSettings":{"segmentLength":6,"fragmentLength":2,"destination":"s3://out.example.com/cmaf/"}},
     "outputs":[{"containerSettings":{"container":"CMFC"},"videoDescription":{"codecSettings":{"codec":"AV1","av1Settings":{"rateControlMode":"QVBR","gopSize":60,"maxBitrate":4000000}}}}]},
    {"name":"File Group","outputGroupSettings":{"type":"FILE_GROUP_SETTINGS","fileGroupSettings":{"destination":"s3://out.example.com/mp4/"}},
     "outputs":[{"extension":"mp4","containerSettings":{"container":"MP4","mp4Settings":{"moovPlacement":"PROGRESSIVE_DOWNLOAD"}},"videoDescription":{"codecSettings":{"codec":"H_264","h264Settings":{"bitrate":"5000000","rateControlMode":"CBR"}}}}]},
    {"name":"DASH ISO","outputGroupSettings":{"type":"DASH_ISO_GROUP_SETTINGS","dashIsoGroupSettings":{"segmentLength":30,"fragmentLength":2,"destination":"s3://out.example.com/dash/","encryption":"***"}},
     "outputs":[{"containerSettings":{"container":"MPD"}}]}]}}`,
		`{"job":{"arn":"arn:aws:mediaconvert:us-east-1:111122223333:jobs/1709287200123-abc","id":"1709287200123-abc","createdAt":1709287200,"status":"SUBMITTED",
		  "timing":{"submitTime":"1709287200"},"messages":{"info":[],"warning":[]},"warnings":[{"code":230001,"count":1}],
		  "queueTransitions":[{"timestamp":1709287300,"sourceQueue":"a","destinationQueue":"b"}],
		  "outputGroupDetails":[{"outputDetails":[{"durationInMs":10000,"videoDetails":{"widthInPx":1280,"heightInPx":720}}]}],"priority":0,"role":"r","settings":{}}}`)
	require.Equal(t, []string{"requestParameters.settings.outputGroups[3].outputGroupSettings.dashIsoGroupSettings.encryption"}, paths(errs))
	ev := v.(*mediaconvert.CreateJobEvent)
	req := ev.Request
	require.Equal(t, map[string]string{"project": "x", "ключ": "значение"}, req.GetUserMetadata())
	require.Equal(t, int32(0), req.GetPriority())
	require.Equal(t, []int32{1, 2}, func() []int32 {
		a := req.GetSettings().GetInputs()[0].GetAudioSelectors()["Audio Selector 1"]
		return a.GetTracks()
	}())
	require.Equal(t, int32(5), req.GetHopDestinations()[0].GetWaitMinutes())
	job := ev.Response.GetJob()
	at := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	require.Equal(t, at, job.GetCreatedAt().Time)
	require.Equal(t, at, job.GetTiming().GetSubmitTime().Time)
	require.Equal(t, int32(230001), job.GetWarnings()[0].GetCode())
	require.Equal(t, int32(1280), job.GetOutputGroupDetails()[0].GetOutputDetails()[0].GetVideoDetails().GetWidthInPx())

	sums := mediaconvert.JobSummaries(ev)
	require.Len(t, sums, 1)
	s := sums[0]
	require.Equal(t, "1709287200123-abc", s.ID)
	require.Equal(t, "arn:aws:mediaconvert:us-east-1:111122223333:queues/Default", s.Queue)
	require.Len(t, s.Outputs, 4)
	require.Equal(t, []string{"HLS", "CMAF", "file", "DASH"}, []string{s.Outputs[0].Kind(), s.Outputs[1].Kind(), s.Outputs[2].Kind(), s.Outputs[3].Kind()})
	require.Equal(t, mediaconvert.OutputSummary{NameModifier: "_720", Container: "M3U8", VideoCodec: "H_265", Width: 1280, Height: 720, RateControlMode: "QVBR", Bitrate: 5000000, AudioCodecs: []mediaconvert.AudioCodec{"AAC"}}, s.Outputs[0].Outputs[0])
	require.Equal(t, int64(4000000), s.Outputs[1].Outputs[0].Bitrate)
	require.Equal(t, int64(5000000), s.Outputs[2].Outputs[0].Bitrate)
	require.Equal(t, "s3://out.example.com/dash/", s.Outputs[3].Destination)
}

func TestRealWorldTranscribe(t *testing.T) {
	v, errs := decodeRealWorld(t, transcribe.EventSource, "StartTranscriptionJob",
		`{"transcriptionJobName":"j1","identifyLanguage":true,"languageOptions":["en-US","es-US"],"media":{"mediaFileUri":"s3://b/a.wav"},"outputBucketName":"b",
		  "settings":{"showSpeakerLabels":true,"maxSpeakerLabels":"2","vocabularyFilterMethod":"mask"},
		  "contentRedaction":{"redactionType":"PII","redactionOutput":"redacted_and_unredacted","piiEntityTypes":["ALL"]},
		  "subtitles":{"formats":["srt","vtt"],"outputStartIndex":1},"toxicityDetection":[{"toxicityCategories":["ALL"]}],
		  "tags":[{"key":"k","value":"v"}],"languageIdSettings":{"en-US":{"vocabularyName":"voc"}}}`,
		`{"transcriptionJob":{"transcriptionJobName":"j1","transcriptionJobStatus":"IN_PROGRESS","creationTime":"Mar 1, 2024, 10:00:00 AM","startTime":"Mar 1, 2024 10:00:00\u202fAM","media":{"mediaFileUri":"s3://b/a.wav"},"identifyLanguage":true}}`)
	require.Empty(t, errs)
	start := v.(*transcribe.StartTranscriptionJobEvent)
	require.Equal(t, int32(2), start.Request.GetSettings().GetMaxSpeakerLabels())
	require.Equal(t, []transcribe.SubtitleFormat{"srt", "vtt"}, start.Request.GetSubtitles().GetFormats())
	require.Equal(t, "voc", func() string { l := start.Request.GetLanguageIdSettings()["en-US"]; return l.GetVocabularyName() }())
	require.Equal(t, "v", start.Request.GetTags()[0].GetValue())
	at := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	require.Equal(t, []transcribe.JobSummary{{Kind: transcribe.KindTranscription, Name: "j1", Status: "IN_PROGRESS", MediaURI: "s3://b/a.wav", CreatedAt: at, StartedAt: at,
		Event: start.Ref()}}, transcribe.JobSummaries(start))

	v, errs = decodeRealWorld(t, transcribe.EventSource, "GetTranscriptionJob", `{"transcriptionJobName":"j1"}`,
		`{"transcriptionJob":{"transcriptionJobName":"j1","transcriptionJobStatus":"COMPLETED","languageCodes":[{"languageCode":"es-US","durationInSeconds":12.5}],
		  "identifiedLanguageScore":0.98,"mediaFormat":"wav","creationTime":1709287200.123,"completionTime":"2024-03-01T10:05:00.000Z",
		  "transcript":{"transcriptFileUri":"https://s3.us-east-1.amazonaws.com/b/j1.json","redactedTranscriptFileUri":"https://s3.us-east-1.amazonaws.com/b/redacted-j1.json"}}}`)
	require.Empty(t, errs)
	get := v.(*transcribe.GetTranscriptionJobEvent)
	job := get.Response.GetTranscriptionJob()
	require.Equal(t, "https://s3.us-east-1.amazonaws.com/b/redacted-j1.json", job.GetTranscript().GetRedactedTranscriptFileUri())
	require.Equal(t, float32(12.5), job.GetLanguageCodes()[0].GetDurationInSeconds())
	sums := transcribe.JobSummaries(get)
	require.Len(t, sums, 1)
	require.Equal(t, "es-US", sums[0].LanguageCode)
	require.Equal(t, time.Date(2024, 3, 1, 10, 0, 0, 123e6, time.UTC), sums[0].CreatedAt)

	v, errs = decodeRealWorld(t, transcribe.EventSource, "CreateCallAnalyticsCategory", `{"categoryName":"c","inputType":"POST_CALL","rules":[
	 {"nonTalkTimeFilter":{"threshold":60000,"absoluteTimeRange":{"first":10000}}},
	 {"interruptionFilter":{"threshold":1000,"participantRole":"AGENT","relativeTimeRange":{"startPercentage":10,"endPercentage":90},"negate":false}},
	 {"transcriptFilter":{"transcriptFilterType":"EXACT","targets":["refund"],"participantRole":"CUSTOMER"}},
	 {"sentimentFilter":{"sentiments":["NEGATIVE"],"participantRole":"CUSTOMER"}}]}`,
		`{"categoryProperties":{"categoryName":"c","rules":[{"nonTalkTimeFilter":{"threshold":60000}}],"createTime":"2024-03-01T10:00:00Z","lastUpdateTime":1709287200,"inputType":"POST_CALL"}}`)
	require.Empty(t, errs)
	cat := v.(*transcribe.CreateCallAnalyticsCategoryEvent)
	rules := cat.Request.GetRules()
	require.Len(t, rules, 4)
	require.IsType(t, &transcribe.RuleMemberNonTalkTimeFilter{}, rules[0])
	require.Equal(t, int64(60000), rules[0].(*transcribe.RuleMemberNonTalkTimeFilter).Value.GetThreshold())
	require.IsType(t, &transcribe.RuleMemberInterruptionFilter{}, rules[1])
	require.Equal(t, int32(90), rules[1].(*transcribe.RuleMemberInterruptionFilter).Value.GetRelativeTimeRange().GetEndPercentage())
	require.IsType(t, &transcribe.RuleMemberTranscriptFilter{}, rules[2])
	require.Equal(t, []string{"refund"}, rules[2].(*transcribe.RuleMemberTranscriptFilter).Value.GetTargets())
	require.IsType(t, &transcribe.RuleMemberSentimentFilter{}, rules[3])
	require.Equal(t, []transcribe.SentimentValue{"NEGATIVE"}, rules[3].(*transcribe.RuleMemberSentimentFilter).Value.GetSentiments())
	require.Equal(t, time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC), cat.Response.GetCategoryProperties().GetLastUpdateTime().Time)

	// A rule with two members is a field error at its path.
	_, errs = decodeRealWorld(t, transcribe.EventSource, "CreateCallAnalyticsCategory",
		`{"categoryName":"c","rules":[{"nonTalkTimeFilter":{"threshold":1},"interruptionFilter":{"threshold":1}}]}`, ``)
	require.Equal(t, []string{"requestParameters.rules[0].interruptionFilter"}, paths(errs))
}

func TestRealWorldMediaTailorPutPlaybackConfiguration(t *testing.T) {
	v, errs := decodeRealWorld(t, mediatailor.EventSource, "PutPlaybackConfiguration",
		`{"Name":"cfg","AdDecisionServerUrl":"https://ads.example.com/vast?d=[session.id]","VideoContentSourceUrl":"https://origin.example.com/out/v1","PersonalizationThresholdSeconds":"2",
		 "AvailSuppression":{"Mode":"BEHIND_LIVE_EDGE","Value":"00:00:30","FillPolicy":"PARTIAL_AVAIL"},"Bumper":{"StartUrl":"https://b.example.com/s.mp4","EndUrl":"https://b.example.com/e.mp4"},
		 "CdnConfiguration":{"AdSegmentUrlPrefix":"https://cdn.example.com","ContentSegmentUrlPrefix":"https://cdn.example.com/c"},
		 "DashConfiguration":{"MpdLocation":"EMT_DEFAULT","OriginManifestType":"MULTI_PERIOD"},
		 "LivePreRollConfiguration":{"AdDecisionServerUrl":"https://ads.example.com/pre","MaxDurationSeconds":30},
		 "ManifestProcessingRules":{"AdMarkerPassthrough":{"Enabled":"true"}},
		 "ConfigurationAliases":{"player_params.origin_domain":{"pdx":"abc.mediapackage.us-west-2.amazonaws.com"}},"tags":{"env":"prod"}}`,
		`{"Name":"cfg","PlaybackConfigurationArn":"arn:aws:mediatailor:us-east-1:111122223333:playbackConfiguration/cfg","VideoContentSourceUrl":"https://origin.example.com/out/v1",
		 "HlsConfiguration":{"ManifestEndpointPrefix":"https://abc.mediatailor.us-east-1.amazonaws.com/v1/master/x/cfg/"},
		 "DashConfiguration":{"ManifestEndpointPrefix":"https://abc.mediatailor.us-east-1.amazonaws.com/v1/dash/x/cfg/","MpdLocation":"EMT_DEFAULT"},"LogConfiguration":{"PercentEnabled":10},"Tags":{"env":"prod"}}`)
	require.Empty(t, errs)
	ev := v.(*mediatailor.PutPlaybackConfigurationEvent)
	req := ev.Request
	require.Equal(t, int32(2), req.GetPersonalizationThresholdSeconds())
	require.Equal(t, mediatailor.FillPolicy("PARTIAL_AVAIL"), req.GetAvailSuppression().GetFillPolicy())
	require.True(t, req.GetManifestProcessingRules().GetAdMarkerPassthrough().GetEnabled())
	require.Equal(t, int32(30), req.GetLivePreRollConfiguration().GetMaxDurationSeconds())
	require.Equal(t, "abc.mediapackage.us-west-2.amazonaws.com", req.GetConfigurationAliases()["player_params.origin_domain"]["pdx"])
	require.Equal(t, map[string]string{"env": "prod"}, req.GetTags())
	sums := mediatailor.PlaybackSummaries(ev)
	require.Len(t, sums, 1)
	require.Equal(t, "https://abc.mediatailor.us-east-1.amazonaws.com/v1/master/x/cfg/", sums[0].HLSManifestEndpoint)
	require.Equal(t, "https://origin.example.com/out/v1", sums[0].VideoContentSource)
}

func TestRealWorldElasticTranscoderCreateJob(t *testing.T) {
	v, errs := decodeRealWorld(t, elastictranscoder.EventSource, "CreateJob",
		`{"PipelineId":"1111111111111-abcde1","Input":{"Key":"in.mov","FrameRate":"auto","Resolution":"auto","AspectRatio":"auto","Interlaced":"auto","Container":"auto"},"OutputKeyPrefix":"out/",
		  "Outputs":[{"Key":"o.mp4","ThumbnailPattern":"","Rotate":"0","PresetId":"1351620000001-000010","SegmentDuration":"10",
		    "Captions":{"MergePolicy":"MergeOverride","CaptionSources":[],"CaptionFormats":[{"Format":"webvtt","Pattern":"cap-{language}"}]}}],
		  "Playlists":[{"Format":"HLSv3","Name":"pl","OutputKeys":["o.mp4"]}],"UserMetadata":{"k":"v"}}`,
		`{"Job":{"Id":"1409564500000-abcde1","Arn":"arn:aws:elastictranscoder:us-east-1:111122223333:job/1409564500000-abcde1","PipelineId":"1111111111111-abcde1","Status":"Submitted",
		  "Timing":{"SubmitTimeMillis":1409564500000},"Outputs":[{"Id":"1","Key":"o.mp4","Status":"Submitted","Duration":null,"Width":null}],
		  "Playlists":[{"Format":"HLSv3","Name":"pl","OutputKeys":["o.mp4"],"Status":"Submitted"}],"UserMetadata":{"k":"v"}}}`)
	require.Empty(t, errs)
	ev := v.(*elastictranscoder.CreateJobEvent)
	require.Equal(t, "cap-{language}", ev.Request.GetOutputs()[0].GetCaptions().GetCaptionFormats()[0].GetPattern())
	require.Equal(t, []string{"o.mp4"}, ev.Request.GetPlaylists()[0].GetOutputKeys())
	require.Equal(t, "v", ev.Request.GetUserMetadata()["k"])
	require.Equal(t, int64(1409564500000), ev.Response.GetJob().GetTiming().GetSubmitTimeMillis())
	sums := elastictranscoder.JobSummaries(ev)
	require.Len(t, sums, 1)
	require.Equal(t, "1409564500000-abcde1", sums[0].ID)
	require.Equal(t, "1111111111111-abcde1", sums[0].PipelineID)
	require.Equal(t, "in.mov", sums[0].InputKey)
}
