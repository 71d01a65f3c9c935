package mediaconvert

import "github.com/mediatrail/mediatrail/cloudtrail"

// The operations whose response echoes the request, for
// cloudtrail.Event.ServiceChanges: the job, job template, preset or queue
// that MediaConvert made or updated, with the settings it was given and
// those it filled in, as the member of the response that the model names.
func init() {
	for name, member := range map[string]string{
		"CreateJob":         "job",
		"CreateJobTemplate": "jobTemplate",
		"UpdateJobTemplate": "jobTemplate",
		"CreatePreset":      "preset",
		"UpdatePreset":      "preset",
		"CreateQueue":       "queue",
		"UpdateQueue":       "queue",
		"PutPolicy":         "", // {"policy": ...} in and out
	} {
		cloudtrail.RegisterEcho(EventSource, name, member)
	}
}
