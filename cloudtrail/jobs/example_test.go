package jobs_test

import (
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	"github.com/mediatrail/mediatrail/cloudtrail/jobs"
	"github.com/mediatrail/mediatrail/mediaconvert"
)

// The history of a MediaConvert job from its CloudTrail records and the
// event MediaConvert sent to EventBridge when the job completed, one per
// line as a Firehose stream writes them, the completion first.
func Example() {
	// The records CloudTrail wrote: the job created, then read back.
	start := time.Date(2026, 4, 1, 9, 30, 0, 0, time.UTC)
	create := cloudtrailtest.NewEvent(&mediaconvert.CreateJobRequest{
		Role: cloudtrail.Ptr("arn:aws:iam::111122223333:role/MediaConvert_Default_Role"),
		Settings: &mediaconvert.JobSettings{
			Inputs: []mediaconvert.Input{{FileInput: cloudtrail.Ptr("s3://amzn-s3-demo-bucket/in/clip.mov")}},
			OutputGroups: []mediaconvert.OutputGroup{{OutputGroupSettings: &mediaconvert.OutputGroupSettings{
				Type:              mediaconvert.OutputGroupTypeFileGroupSettings,
				FileGroupSettings: &mediaconvert.FileGroupSettings{Destination: cloudtrail.Ptr("s3://amzn-s3-demo-bucket/out/")},
			}}},
		},
	}, nil, cloudtrailtest.WithTime(start))
	id := create.ResponseElement("job.id").String()
	get := cloudtrailtest.NewEvent(&mediaconvert.GetJobRequest{Id: cloudtrail.Ptr(id)},
		&mediaconvert.GetJobResponse{Job: &mediaconvert.Job{Id: cloudtrail.Ptr(id), Status: mediaconvert.JobStatusProgressing}},
		cloudtrailtest.WithTime(start.Add(time.Minute)), cloudtrailtest.WithIdentity(cloudtrailtest.IAMUser), cloudtrailtest.WithSeed(2))

	// The event MediaConvert sent itself.
	complete := `{"version":"0","id":"9e1c2d3e-5a7b-4cf7-a9f1-bf3703467718","detail-type":"MediaConvert Job State Change",` +
		`"source":"aws.mediaconvert","account":"111122223333","time":"2026-04-01T09:34:12Z","region":"us-west-2",` +
		`"resources":["arn:aws:mediaconvert:us-west-2:111122223333:jobs/` + id + `"],"detail":{"timestamp":1775036052412,` +
		`"accountId":"111122223333","queue":"arn:aws:mediaconvert:us-west-2:111122223333:queues/Default","jobId":"` + id + `",` +
		`"status":"COMPLETE","userMetadata":{},"outputGroupDetails":[{"outputDetails":[{"outputFilePaths":` +
		`["s3://amzn-s3-demo-bucket/out/clip.mp4"],"durationInMs":30041}],"type":"FILE_GROUP"}]}}`
	input := complete + "\n" + string(cloudtrailtest.Encode(cloudtrailtest.JSONLines, get, create))

	r := cloudtrail.NewReader(strings.NewReader(input), cloudtrail.WithServiceEvents())
	tracker := jobs.NewTracker()
	for e, err := range r.All() {
		if err != nil {
			log.Print(err)
			continue
		}
		if err := tracker.Add(e); err != nil {
			log.Print(err)
		}
	}
	for _, h := range tracker.Histories() {
		fmt.Println(h.Kind, h.ID == id, "submitted by", h.Submitted.Actor)
		for _, o := range h.Observations {
			line := strings.Join([]string{o.Time.Format(time.TimeOnly), o.Operation, string(o.Actor.Kind), o.Status, o.Detail}, " ")
			fmt.Println("  " + strings.TrimSpace(line))
		}
		fmt.Println("  final:", h.Final.Status, h.Final.Outputs)
	}
	// Output:
	// MediaConvert job true submitted by role/MediaPipelineRole (session dave)
	//   09:30:00 CreateJob Role SUBMITTED queue Default, 1 output group
	//   09:31:00 GetJob IAMUser PROGRESSING
	//   09:34:12 MediaConvert Job State Change AWSService COMPLETE 1 output file
	//   final: COMPLETE [s3://amzn-s3-demo-bucket/out/clip.mp4]
}
