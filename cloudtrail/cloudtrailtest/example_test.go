package cloudtrailtest_test

import (
	"fmt"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	"github.com/mediatrail/mediatrail/mediaconvert"
)

// A record of a MediaConvert job submitted by an IAM Identity Center
// user; the response is MediaConvert's answer to the request.
func ExampleNewEvent() {
	req := &mediaconvert.CreateJobRequest{
		Role:     cloudtrail.Ptr("arn:aws:iam::111122223333:role/MediaConvert_Default_Role"),
		Settings: &mediaconvert.JobSettings{Inputs: []mediaconvert.Input{{FileInput: cloudtrail.Ptr("s3://amzn-s3-demo-bucket/in/clip.mov")}}},
	}
	e := cloudtrailtest.NewEvent(req, nil,
		cloudtrailtest.WithIdentity(cloudtrailtest.IdentityCenterUser),
		cloudtrailtest.WithTime(time.Date(2026, 4, 1, 9, 30, 0, 0, time.UTC)))

	v, _ := cloudtrail.Decode(e)
	job := v.(*mediaconvert.CreateJobEvent).Response.GetJob()
	fmt.Println(e.EventTime, e.EventName, e.UserIdentity.Type)
	fmt.Println(job.GetStatus(), job.GetSettings().GetInputs()[0].GetFileInput())
	// Output:
	// 2026-04-01 09:30:00 +0000 UTC CreateJob IdentityCenterUser
	// SUBMITTED s3://amzn-s3-demo-bucket/in/clip.mov
}

// A failed call, with a change to the envelope.
func ExampleWithEdit() {
	e := cloudtrailtest.NewEvent(&mediaconvert.GetJobRequest{Id: cloudtrail.Ptr("1712252725875-defhgi")}, nil,
		cloudtrailtest.WithError("NotFoundException", "Job not found"),
		cloudtrailtest.WithEdit(func(e *cloudtrail.Event) { e.SourceIPAddress = "198.51.100.7" }))
	fmt.Println(e.EventName, e.ErrorCode, e.SourceIPAddress, *e.ReadOnly)
	// Output:
	// GetJob NotFoundException 198.51.100.7 true
}

// Comparing what a service under test received with what was sent: the
// same record read from another container, written compact, with its times
// as numbers or strings, compares equal.
func ExampleOptions() {
	sent := cloudtrailtest.NewEvent(&mediaconvert.GetQueueRequest{Name: cloudtrail.Ptr("Default")}, nil)
	received, _ := cloudtrail.Parse(sent.Raw())
	received.Delivery = &cloudtrail.Delivery{Format: cloudtrail.FormatEventBridge}
	fmt.Printf("%q\n", cmp.Diff(sent, received, cloudtrailtest.Options()...))

	received.AWSRegion = "eu-west-1"
	fmt.Println(cmp.Diff(sent, received, cloudtrailtest.Options()...) != "")
	// Output:
	// ""
	// true
}
