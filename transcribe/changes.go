package transcribe

import "github.com/mediatrail/mediatrail/cloudtrail"

// The operations whose response echoes the request, for
// cloudtrail.Event.ServiceChanges: the batch jobs and call analytics
// categories as the member of the response that the model names, the
// vocabularies, vocabulary filters and language models (their names,
// language and state) and the streams (the request's headers, with the
// session id the service chose) as the whole response.
func init() {
	for name, member := range map[string]string{
		"StartTranscriptionJob":        "transcriptionJob",
		"StartMedicalTranscriptionJob": "medicalTranscriptionJob",
		"StartCallAnalyticsJob":        "callAnalyticsJob",
		"StartMedicalScribeJob":        "medicalScribeJob",
		"CreateCallAnalyticsCategory":  "categoryProperties",
		"UpdateCallAnalyticsCategory":  "categoryProperties",
		"CreateVocabulary":             "",
		"UpdateVocabulary":             "",
		"CreateMedicalVocabulary":      "",
		"UpdateMedicalVocabulary":      "",
		"CreateVocabularyFilter":       "",
		"UpdateVocabularyFilter":       "",
		"CreateLanguageModel":          "",
	} {
		cloudtrail.RegisterEcho(EventSource, name, member)
	}
	// The streaming operations are logged under either event source, and
	// some under a second name.
	for _, source := range []string{EventSource, StreamingEventSource} {
		for _, name := range []string{
			"StartStreamTranscription", "StartStreamTranscriptionWebSocket",
			"StartMedicalStreamTranscription", "StartMedicalStreamTranscriptionWebSocket",
			"StartCallAnalyticsStreamTranscription", "StartCallAnalyticsStreamTranscriptionWebSocket",
			"StartMedicalScribeStream",
		} {
			cloudtrail.RegisterEcho(source, name, "")
		}
	}
}
