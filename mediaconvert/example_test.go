package mediaconvert_test

import (
	"fmt"
	"log"
	"os"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/mediaconvert"
)

// Decode a CreateJob record to its typed form and read its settings through
// nil-safe getters.
func Example() {
	data, err := os.ReadFile("../testdata/records/mediaconvert/CreateJob-2017.json")
	if err != nil {
		log.Fatal(err)
	}
	e, err := cloudtrail.Parse(data)
	if err != nil {
		log.Fatal(err)
	}
	v, err := cloudtrail.Decode(e)
	if err != nil {
		log.Fatal(err)
	}
	job := v.(*mediaconvert.CreateJobEvent)
	group := job.Request.GetSettings().GetOutputGroups()[0]
	video := group.Outputs[0].GetVideoDescription().GetCodecSettings()
	fmt.Println(job.Response.GetJob().GetId(), job.Response.GetJob().GetStatus())
	fmt.Println(video.GetCodec(), video.GetH264Settings().GetBitrate())
	for _, fe := range job.Errors {
		fmt.Println("not converted:", fe.Path)
	}
	// Output:
	// 1510714652428-jyvx95 SUBMITTED
	// H_264 5000000
	// not converted: requestParameters.settings.outputGroups[0].outputGroupSettings.dashIsoGroupSettings.encryption
	// not converted: responseElements.job.settings.outputGroups[0].outputGroupSettings.dashIsoGroupSettings.encryption
}

// Summarize the jobs a typed MediaConvert event shows.
func ExampleJobSummaries() {
	data, err := os.ReadFile("../testdata/records/mediaconvert/CreateJob-2024.json")
	if err != nil {
		log.Fatal(err)
	}
	e, err := cloudtrail.Parse(data)
	if err != nil {
		log.Fatal(err)
	}
	v, err := cloudtrail.Decode(e)
	if err != nil {
		log.Fatal(err)
	}
	for _, j := range mediaconvert.JobSummaries(v) {
		fmt.Println(j.ID, j.Status)
		for _, g := range j.Outputs {
			for _, o := range g.Outputs {
				fmt.Println(g.Kind(), o.Container, o.VideoCodec, o.Resolution(), o.Bitrate)
			}
		}
	}
	// Output:
	// 1712252725875-defhgi SUBMITTED
	// file MP4 H_264 1920x1080 5000000
}
