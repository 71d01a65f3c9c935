package elastictranscoder

import "github.com/mediatrail/mediatrail/cloudtrail"

// The operations whose response echoes the request, for
// cloudtrail.Event.ServiceChanges: the job, pipeline or preset that Elastic
// Transcoder made or updated, as the member of the response that the model
// names. (CreatePipeline and UpdatePipeline also return warnings, and
// CreatePreset a warning, beside it.)
func init() {
	for name, member := range map[string]string{
		"CreateJob":                   "job",
		"CreatePipeline":              "pipeline",
		"UpdatePipeline":              "pipeline",
		"UpdatePipelineNotifications": "pipeline",
		"UpdatePipelineStatus":        "pipeline",
		"CreatePreset":                "preset",
	} {
		cloudtrail.RegisterEcho(EventSource, name, member)
	}
}
