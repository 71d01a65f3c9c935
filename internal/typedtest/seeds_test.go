package typedtest

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/transcribe"
)

func TestSeeds(t *testing.T) {
	seeds := Seeds(t, "transcribe", transcribe.EventSource)
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "records", "transcribe", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var fromFiles, fromTrails int
	for i, s := range seeds {
		require.Contains(t, []string{transcribe.EventSource, transcribe.StreamingEventSource}, s.Event.EventSource, s.Name)
		switch {
		case strings.HasPrefix(s.Name, "records/transcribe/"):
			require.Zero(t, fromTrails, "%s: the record files come first", s.Name)
			require.Equal(t, "records/transcribe/"+filepath.Base(files[i]), s.Name, "in lexical order")
			fromFiles++
		case strings.HasPrefix(s.Name, "trails/"):
			require.Contains(t, s.Name, ".json#")
			fromTrails++
		default:
			t.Fatalf("unexpected seed %s", s.Name)
		}
	}
	require.Equal(t, len(files), fromFiles)
	require.NotZero(t, fromTrails)
}

func TestRecordTemplateDecode(t *testing.T) {
	tmpl := RecordTemplate{
		EventVersion: "1.09", EventTime: "2024-05-06T07:08:09Z", EventSource: transcribe.EventSource, AWSRegion: "us-east-1",
		UserIdentity: `{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","userName":"alice"}`,
	}
	v := tmpl.Decode(t, "DeleteVocabulary", `{"vocabularyName":"terms"}`, "", "BadRequestException")
	ev, ok := v.(*transcribe.DeleteVocabularyEvent)
	require.True(t, ok, "%T", v)
	require.Equal(t, "terms", ev.Request.GetVocabularyName())
	require.Nil(t, ev.Response)
	require.Equal(t, "1.09", ev.EventVersion)
	require.Equal(t, time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC), ev.EventTime)
	require.Equal(t, "us-east-1", ev.AWSRegion)
	require.Equal(t, "user/alice", ev.Actor().String())
	require.Equal(t, "BadRequestException", ev.ErrorCode)
	require.Equal(t, "refused", ev.ErrorMessage)
	require.Equal(t, "e1", ev.EventID)
	require.Equal(t, "AwsApiCall", ev.EventType)
	require.Nil(t, ev.ResponseElements)

	v = DecodeEvent(t, transcribe.EventSource, "DeleteVocabulary", `{"vocabularyName":"terms"}`, "")
	ev, ok = v.(*transcribe.DeleteVocabularyEvent)
	require.True(t, ok, "%T", v)
	require.Equal(t, "terms", ev.Request.GetVocabularyName())
	require.Nil(t, ev.Response)
}

func TestRequireOnlyRedactions(t *testing.T) {
	RequireOnlyRedactions(t, cloudtrail.FieldErrors{{Path: "requestParameters.phrases", Raw: `"***"`}}, "requestParameters.phrases")
	RequireOnlyRedactions(t, nil)
}
