package jobs

import (
	"strconv"
	"strings"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/jsonscan"
	"github.com/mediatrail/mediatrail/mediaconvert"
	"github.com/mediatrail/mediatrail/transcribe"
)

// The events of the media services that a Tracker folds, by detail-type.
const (
	mediaConvertJobStateChange  = "MediaConvert Job State Change"
	transcribeJobStateChange    = "Transcribe Job State Change"
	callAnalyticsJobStateChange = "Call Analytics Job State Change"
	medicalScribeJobStateChange = "Medical Scribe Job State Change"
	languageModelStateChange    = "Language Model State Change"
	vocabularyStateChange       = "Vocabulary State Change"
)

// serviceEvent makes the notes of an event a service sent to EventBridge
// itself (see cloudtrail.WithServiceEvents).
func (t *Tracker) serviceEvent(e *cloudtrail.Event) {
	d := e.ServiceEventDetails
	if len(d) == 0 || !jsonscan.Valid(d) {
		return
	}
	switch e.EventSource {
	case mediaconvert.EventSource:
		if e.EventName == mediaConvertJobStateChange {
			t.mediaConvertStateChange(e, d)
		}
	case transcribe.EventSource:
		t.transcribeStateChange(e, d)
	}
}

// mediaConvertStateChange reads a "MediaConvert Job State Change" event:
// its detail has the members status, jobId, queue, userMetadata,
// timestamp (epoch milliseconds), errorCode and errorMessage (for ERROR),
// jobProgress (for STATUS_UPDATE) and outputGroupDetails (for COMPLETE).
func (t *Tracker) mediaConvertStateChange(e *cloudtrail.Event, d []byte) {
	var (
		n      = note{kind: MediaConvertJob, write: false}
		status string
		pct    string
	)
	eachMember(d, func(name string, v []byte) {
		switch name {
		case "jobId":
			n.id = text(v)
		case "status":
			status = text(v)
		case "timestamp":
			if ms, err := strconv.ParseInt(text(v), 10, 64); err == nil {
				n.time = millis(ms)
			}
		case "errorCode":
			n.code = text(v)
		case "errorMessage":
			n.msg = text(v)
		case "jobProgress":
			eachMember(v, func(name string, v []byte) {
				if name == "jobPercentComplete" {
					pct = text(v) + "% complete"
				}
			})
		case "outputGroupDetails":
			n.outputs = outputFiles(v)
		}
	})
	for _, r := range e.Resources {
		if strings.Contains(r.ARN, ":jobs/") {
			n.arn = r.ARN
			break
		}
	}
	// The events of a job's progress that are no job status tell that it
	// is PROGRESSING (STATUS_UPDATE, INPUT_INFORMATION) or nothing of its
	// status (NEW_WARNING, QUEUE_HOP).
	switch status {
	case "SUBMITTED", "PROGRESSING", "COMPLETE", "CANCELED", "ERROR":
		n.status = status
	case "STATUS_UPDATE", "INPUT_INFORMATION":
		n.status = string(mediaconvert.JobStatusProgressing)
		n.detail = status
	default:
		n.detail = status
	}
	switch {
	case status == "ERROR":
		n.detail = errorText(n.code, n.msg)
	case status == "COMPLETE" && len(n.outputs) > 0:
		n.detail = plural(len(n.outputs), "output file")
	case pct != "":
		n.detail = joinDetail(n.detail, pct)
	}
	if n.status == "" {
		n.code, n.msg = "", ""
	}
	t.emit(n)
}

// outputFiles returns the files of a COMPLETE event's outputGroupDetails:
// the playlists of each group (playlistFilePaths), then the files of its
// outputs (outputFilePaths), without repeats.
func outputFiles(groups []byte) []string {
	var out []string
	add := func(paths []byte) {
		eachElement(paths, func(v []byte) {
			if p := text(v); p != "" && !contains(out, p) {
				out = append(out, p)
			}
		})
	}
	eachElement(groups, func(g []byte) {
		eachMember(g, func(name string, v []byte) {
			if name == "playlistFilePaths" {
				add(v)
			}
		})
		eachMember(g, func(name string, v []byte) {
			if name == "outputDetails" {
				eachElement(v, func(o []byte) {
					eachMember(o, func(name string, v []byte) {
						if name == "outputFilePaths" {
							add(v)
						}
					})
				})
			}
		})
	})
	return out
}

// transcribeStateChange reads the events of Amazon Transcribe: each
// names its job or resource and its status, and FailureReason for
// FAILED.
func (t *Tracker) transcribeStateChange(e *cloudtrail.Event, d []byte) {
	var kind Kind
	var nameKey, statusKey string
	switch e.EventName {
	case transcribeJobStateChange:
		// Transcription and medical transcription jobs; the name's key
		// tells which.
		kind, nameKey, statusKey = TranscriptionJob, "TranscriptionJobName", "TranscriptionJobStatus"
		if has(d, "MedicalTranscriptionJobName") {
			kind, nameKey = MedicalTranscriptionJob, "MedicalTranscriptionJobName"
		}
	case callAnalyticsJobStateChange:
		kind, nameKey, statusKey = CallAnalyticsJob, "JobName", "JobStatus"
	case medicalScribeJobStateChange:
		kind, nameKey, statusKey = MedicalScribeJob, "MedicalScribeJobName", "MedicalScribeJobStatus"
	case languageModelStateChange, "Transcribe " + languageModelStateChange:
		kind, nameKey, statusKey = LanguageModel, "ModelName", "ModelStatus"
	case vocabularyStateChange:
		kind, nameKey, statusKey = Vocabulary, "VocabularyName", "VocabularyState"
	default:
		return
	}
	var n note
	eachMember(d, func(name string, v []byte) {
		switch {
		case jsonscan.EqualFold(name, nameKey):
			n.id = text(v)
		case jsonscan.EqualFold(name, statusKey):
			n.status = text(v)
		case jsonscan.EqualFold(name, "FailureReason"):
			n.msg = text(v)
			n.detail = n.msg
		}
	})
	if kind == Vocabulary {
		// The event does not tell a medical vocabulary from another: it
		// is the one the Tracker knows.
		k := key{kind: MedicalVocabulary, account: account(e), region: e.AWSRegion, id: n.id}
		if t.tracks[k] != nil {
			kind = MedicalVocabulary
		}
	}
	n.kind, n.name = kind, n.id
	t.emit(n)
}

// eachMember calls fn with the name and value of each member of the JSON
// object v (valid JSON); it does nothing for other values.
func eachMember(v []byte, fn func(name string, v []byte)) {
	i := jsonscan.SkipSpace(v, 0)
	if i >= len(v) || v[i] != '{' {
		return
	}
	for {
		m, ok := jsonscan.NextMember(v, i)
		if !ok {
			return
		}
		var name string
		if m.KeyEscaped {
			name = jsonscan.Unescape(v[m.KeyStart+1 : m.KeyEnd-1])
		} else {
			name = string(v[m.KeyStart+1 : m.KeyEnd-1])
		}
		fn(name, v[m.ValueStart:m.ValueEnd])
		i = m.ValueEnd
	}
}

// eachElement calls fn with each element of the JSON array v (valid
// JSON); it does nothing for other values.
func eachElement(v []byte, fn func(v []byte)) {
	i := jsonscan.SkipSpace(v, 0)
	if i >= len(v) || v[i] != '[' {
		return
	}
	for {
		s, e, ok := jsonscan.NextElement(v, i)
		if !ok {
			return
		}
		fn(v[s:e])
		i = e
	}
}

// has reports whether the JSON object v has a member of the name.
func has(v []byte, name string) bool {
	found := false
	eachMember(v, func(n string, _ []byte) {
		found = found || n == name
	})
	return found
}

// text returns a JSON value as text: a string unquoted, a number or
// literal as written, and "" for null, objects and arrays.
func text(v []byte) string {
	if len(v) == 0 {
		return ""
	}
	switch v[0] {
	case '"':
		inner := v[1 : len(v)-1]
		for _, c := range inner {
			if c == '\\' {
				return jsonscan.Unescape(inner)
			}
		}
		return string(inner)
	case '{', '[', 'n':
		return ""
	}
	return string(v)
}
