package s3trail_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/multi"
	"github.com/mediatrail/mediatrail/cloudtrail/s3trail"
	"github.com/mediatrail/mediatrail/mediaconvert"
)

// The MediaConvert calls of one account and region over the last day,
// straight from the trail's bucket.
func Example() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		log.Fatal(err)
	}
	r := s3trail.Open(ctx, s3.NewFromConfig(cfg), s3trail.Query{
		Bucket:   "amzn-s3-demo-bucket",
		Accounts: []string{"111122223333"},
		Regions:  []string{"us-east-1"},
		Since:    time.Now().Add(-24 * time.Hour),
	}, multi.WithReaderOptions(cloudtrail.WithEventSources(mediaconvert.EventSource)))
	defer r.Close()
	for e, err := range r.All() {
		if err != nil {
			log.Print(err) // names its object: s3://amzn-s3-demo-bucket/AWSLogs/...
			continue
		}
		fmt.Println(e.EventTime, e.EventName, e.Actor())
	}
	if err := r.Err(); err != nil {
		log.Fatal(err) // an object could not be read to its end
	}
}

// The log files of an organization trail delivered in one hour, without
// reading them.
func ExampleList() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		log.Fatal(err)
	}
	start := time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)
	for o, err := range s3trail.List(ctx, s3.NewFromConfig(cfg), s3trail.Query{
		Bucket:       "amzn-s3-demo-bucket",
		Organization: "o-exampleorgid",
		Since:        start,
		Until:        start.Add(time.Hour),
		Lag:          -1, // the files of the hour only
	}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(o.Account, o.Region, o.Delivered, o.Size, o.Key)
	}
}
