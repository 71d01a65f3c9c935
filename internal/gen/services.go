package main

// services is the one list of the service packages. Adding a service
// means putting its model beside the others, adding its entry here and
// running go generate ./...: the generator writes the package, adds it to
// internal/services (which the tests and examples iterate over) and to the
// table of the README.
var services = []service{
	{
		Package:        "mediaconvert",
		Models:         []string{"mediaconvert"},
		Example:        example{"CreateJob", "ev.Request.GetSettings().GetOutputGroups()"},
		LowerCamelKeys: true,
	},
	{
		Package:        "elastictranscoder",
		Models:         []string{"elastictranscoder"},
		Example:        example{"CreateJob", "ev.Request.GetOutputs()"},
		LowerCamelKeys: true,
		Note: "Amazon Elastic Transcoder is archival: AWS ended its support on 13 November 2025, " +
			"and the package is for the historic logs that remain.",
	},
	{
		Package:        "transcribe",
		Models:         []string{"transcribe", "transcribe-streaming"},
		Example:        example{"StartTranscriptionJob", "ev.Request.GetMedia().GetMediaFileUri()"},
		LowerCamelKeys: true,
		// CloudTrail logs the WebSocket forms of the streaming calls under
		// names of their own.
		Aliases: map[string][]string{
			"StartStreamTranscription":              {"StartStreamTranscriptionWebSocket"},
			"StartMedicalStreamTranscription":       {"StartMedicalStreamTranscriptionWebSocket"},
			"StartCallAnalyticsStreamTranscription": {"StartCallAnalyticsStreamTranscriptionWebSocket"},
		},
		Note: "The streaming calls (StartStreamTranscription and the others of the " +
			"transcribe-streaming model) are logged with the event source " +
			"transcribe.amazonaws.com, and also seen with the model's own, " +
			"transcribestreaming.amazonaws.com; both decode. Their requests are HTTP headers " +
			"and query parameters, logged as members named like the model's members; the " +
			"audio and transcript event streams are not logged, so the typed requests and " +
			"responses leave them out. CloudTrail logs the WebSocket forms of the calls as " +
			"StartStreamTranscriptionWebSocket, StartMedicalStreamTranscriptionWebSocket and " +
			"StartCallAnalyticsStreamTranscriptionWebSocket; they decode to the typed events " +
			"of the calls they are forms of, and the event's EventName tells them apart.",
	},
	{
		Package: "mediatailor",
		Models:  []string{"mediatailor"},
		Example: example{"PutPlaybackConfiguration", "ev.Request.GetDashConfiguration()"},
	},
}

// service is one entry of services.
type service struct {
	// Package is the Go package name and its directory under the module
	// root.
	Package string
	// Models are the model files (without .json) the package is generated
	// from. The first names the package's service and event source; the
	// others add their operations, which are registered under the first's
	// event source and their own. Shapes that two models both define are
	// one Go type when they are alike, and else the later model's type is
	// prefixed with its service name.
	Models []string
	// Example is an operation and a getter chain on its typed event ev, for
	// the package documentation.
	Example example
	// Aliases are further event names under which CloudTrail logs
	// operations, by operation name.
	Aliases map[string][]string
	// Note is a paragraph of the package documentation about the service.
	Note string
	// LowerCamelKeys says CloudTrail writes the member names of the
	// service's requests and responses with a lower-case first word
	// ("transcriptionJobName" for the model's TranscriptionJobName), as
	// it does for most services; the typed values encode them so. Without
	// it, the keys are the model's (MediaTailor's records have
	// "VideoContentSourceUrl"). Decoding matches keys in any case either
	// way.
	LowerCamelKeys bool
}

// example is an operation and an expression on its typed event ev.
type example struct {
	Operation, Use string
}
