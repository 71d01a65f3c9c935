package main

import (
	"fmt"
	"strings"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/elastictranscoder"
	"github.com/mediatrail/mediatrail/mediaconvert"
	"github.com/mediatrail/mediatrail/mediatailor"
	"github.com/mediatrail/mediatrail/transcribe"
)

// detail returns the detail column of an event: a short summary of its typed
// request and response, as the service packages decode them. Events of other
// services, and operations that show no job, template, pipeline, preset or
// playback configuration, have none. Values that did not convert are counted
// at the end.
func detail(e *cloudtrail.Event) string {
	v, err := cloudtrail.Decode(e)
	if err != nil {
		return ""
	}
	var parts []string
	switch cloudtrail.CanonicalEventSource(e.EventSource) {
	case mediaconvert.EventSource:
		for _, j := range mediaconvert.JobSummaries(v) {
			parts = append(parts, mediaConvertJob(j))
		}
		for _, t := range mediaconvert.JobTemplateSummaries(v) {
			parts = append(parts, join("template "+t.Name, outputGroups(t.Outputs)))
		}
	case transcribe.EventSource:
		for _, j := range transcribe.JobSummaries(v) {
			parts = append(parts, join(string(j.Kind)+" "+j.Name, string(j.Status), j.LanguageCode, j.MediaURI, j.FailureReason))
		}
	case elastictranscoder.EventSource:
		for _, j := range elastictranscoder.JobSummaries(v) {
			parts = append(parts, join(labeled("job", j.ID), j.Status, labeled("pipeline", j.PipelineID), j.InputKey))
		}
		for _, p := range elastictranscoder.PipelineSummaries(v) {
			parts = append(parts, join(labeled("pipeline", first(p.ID, p.Name)), p.Status))
		}
		for _, p := range elastictranscoder.PresetSummaries(v) {
			parts = append(parts, join(labeled("preset", first(p.ID, p.Name)), p.Container, p.VideoCodec, p.Resolution))
		}
	case mediatailor.EventSource:
		for _, p := range mediatailor.PlaybackSummaries(v) {
			parts = append(parts, join("playback "+p.Name, p.VideoContentSource, p.HLSManifestEndpoint))
		}
	}
	if typed, ok := v.(cloudtrail.TypedEvent); ok {
		if n := len(typed.FieldErrors()); n > 0 {
			parts = append(parts, fmt.Sprintf("(%d values not converted)", n))
		}
	}
	return strings.Join(parts, "; ")
}

// mediaConvertJob summarizes a MediaConvert job: "job ID STATUS outputs",
// and the error message of a job in status ERROR.
func mediaConvertJob(j mediaconvert.JobSummary) string {
	return join(labeled("job", j.ID), string(j.Status), outputGroups(j.Outputs), j.ErrorMessage)
}

// outputGroups summarizes output groups: "HLS[H_264 1280x720 5.0Mb/s AAC] File[...]".
func outputGroups(groups []mediaconvert.OutputGroupSummary) string {
	var out []string
	for _, g := range groups {
		var outputs []string
		for _, o := range g.Outputs {
			var fields []string
			if o.Container != "" {
				fields = append(fields, string(o.Container))
			}
			if o.VideoCodec != "" {
				fields = append(fields, string(o.VideoCodec))
			}
			if r := o.Resolution(); r != "" {
				fields = append(fields, r)
			}
			if o.Bitrate > 0 {
				fields = append(fields, fmt.Sprintf("%.1fMb/s", float64(o.Bitrate)/1e6))
			}
			for _, a := range o.AudioCodecs {
				fields = append(fields, string(a))
			}
			outputs = append(outputs, strings.Join(fields, " "))
		}
		out = append(out, g.Kind()+"["+strings.Join(outputs, ", ")+"]")
	}
	return strings.Join(out, " ")
}

// join joins the non-empty parts with spaces.
func join(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}

// labeled returns "label value", or "" when value is empty.
func labeled(label, value string) string {
	if value == "" {
		return ""
	}
	return label + " " + value
}

// first returns a, or b when a is empty.
func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
