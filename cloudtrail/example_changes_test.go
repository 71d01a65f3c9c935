package cloudtrail_test

import (
	"encoding/json"
	"fmt"
	"log"

	"github.com/mediatrail/mediatrail/cloudtrail"
	_ "github.com/mediatrail/mediatrail/mediaconvert" // declares the echo of CreateJob, "job"
)

// createJob is a CreateJob record, cut short. The job the service made has
// its id and status beside the settings it was given, and no tags, which a
// job does not return: none of them is a change, nor is the priority 0
// returned as 0.0. It fills in the MP4 settings and the scaling behavior,
// which the request left out.
const createJob = `{"eventVersion":"1.09","eventTime":"2024-04-04T17:45:26Z",
"eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob","awsRegion":"us-west-2",
"requestParameters":{"role":"arn:aws:iam::111122223333:role/MediaConvert_Default_Role","priority":0,
  "settings":{"outputGroups":[{"outputs":[{"containerSettings":{"container":"MP4","mp4Settings":{}},
    "videoDescription":{"width":1920,"height":1080}}]}]},
  "tags":{"project":"web"}},
"responseElements":{"job":{"id":"1712252725875-defhgi","status":"SUBMITTED","priority":0.0,
  "role":"arn:aws:iam::111122223333:role/MediaConvert_Default_Role",
  "settings":{"outputGroups":[{"outputs":[{"containerSettings":{"container":"MP4",
    "mp4Settings":{"cslgAtom":"INCLUDE","moovPlacement":"PROGRESSIVE_DOWNLOAD"}},
    "videoDescription":{"width":1920,"scalingBehavior":"DEFAULT","height":1080}}]}]}}}}`

func ExampleEvent_ServiceChanges() {
	e, err := cloudtrail.Parse([]byte(createJob))
	if err != nil {
		log.Fatal(err)
	}
	changes, ok := e.ServiceChanges()
	if !ok {
		log.Fatal("no echo of the request to compare")
	}
	for _, c := range changes {
		fmt.Println(c.Kind, c.Path, string(c.Returned))
	}
	// Output:
	// filled settings.outputGroups[0].outputs[0].containerSettings.mp4Settings.cslgAtom "INCLUDE"
	// filled settings.outputGroups[0].outputs[0].containerSettings.mp4Settings.moovPlacement "PROGRESSIVE_DOWNLOAD"
	// filled settings.outputGroups[0].outputs[0].videoDescription.scalingBehavior "DEFAULT"
}

func ExampleChanges() {
	requested := []byte(`{"gopSize":90,"Bitrate":5000000,"slices":[1,2],"encryption":"***"}`)
	returned := []byte(`{"gopSize":90.0,"bitrate":4500000,"slices":[1],"encryption":"***","syntax":"DEFAULT"}`)
	show := func(v json.RawMessage) string {
		if v == nil {
			return "(none)"
		}
		return string(v)
	}
	for _, c := range cloudtrail.Changes(requested, returned) {
		fmt.Printf("%-8s %-10s %s -> %s\n", c.Kind, c.Path, show(c.Requested), show(c.Returned))
	}
	// Output:
	// changed  bitrate    5000000 -> 4500000
	// dropped  slices[1]  2 -> (none)
	// redacted encryption "***" -> "***"
	// filled   syntax     (none) -> "DEFAULT"
}
