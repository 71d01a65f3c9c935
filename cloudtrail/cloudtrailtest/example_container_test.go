package cloudtrailtest_test

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
)

// encExampleRecord is a short record of a MediaConvert call.
const encExampleRecord = `{
  "eventVersion": "1.09",
  "userIdentity": {"type": "IAMUser", "principalId": "AIDACKCEVSQ6C2EXAMPLE", "arn": "arn:aws:iam::111122223333:user/alice", "accountId": "111122223333", "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "userName": "alice"},
  "eventTime": "2024-04-04T17:45:26Z",
  "eventSource": "mediaconvert.amazonaws.com",
  "eventName": "CreateQueue",
  "awsRegion": "us-west-2",
  "requestParameters": {"name": "LiveToVod"},
  "responseElements": {"queue": {"name": "LiveToVod", "status": "ACTIVE"}},
  "eventID": "0987dcba-09fe-87dc-65ba-ab0987654321",
  "readOnly": false,
  "eventType": "AwsApiCall",
  "recipientAccountId": "111122223333"
}`

// A record written as an EventBridge event, as an EventBridge rule
// delivers it, and read back.
func ExampleEncode() {
	e, err := cloudtrail.Parse([]byte(encExampleRecord))
	if err != nil {
		log.Fatal(err)
	}
	b := cloudtrailtest.Encode(cloudtrailtest.EventBridge, e)
	fmt.Printf("%.207s...\n", b)

	r := cloudtrail.NewReader(bytes.NewReader(b))
	for got, err := range r.All() {
		if err != nil {
			log.Fatal(err)
		}
		eb := got.Delivery.EventBridge
		fmt.Println(got.EventName, "from", got.Delivery.Format)
		fmt.Println(eb.DetailType, eb.Source, eb.Account, eb.Region, eb.Time.Format(time.RFC3339))
	}
	// Output:
	// {"version":"0","id":"644c42d6-6850-4f6f-befd-bef55b419c79","detail-type":"AWS API Call via CloudTrail","source":"aws.mediaconvert","account":"111122223333","time":"2024-04-04T17:45:26Z","region":"us-west-2",...
	// CreateQueue from EventBridge event
	// AWS API Call via CloudTrail aws.mediaconvert 111122223333 us-west-2 2024-04-04T17:45:26Z
}

// Every container, and what a Reader tells of the records it reads from
// it.
func ExampleContainers() {
	e, err := cloudtrail.Parse([]byte(encExampleRecord))
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range cloudtrailtest.Containers() {
		r := cloudtrail.NewReader(bytes.NewReader(cloudtrailtest.Encode(c, e, e)))
		var d *cloudtrail.Delivery
		for got, err := range r.All() {
			if err != nil {
				log.Fatal(err)
			}
			d = got.Delivery
		}
		fmt.Printf("%-28s %-23s %-23s %q\n", c, r.Format(), d.Format, d.Via)
	}
	// Output:
	// CloudTrail log file          CloudTrail log file     CloudTrail log file     []
	// gzip CloudTrail log file     CloudTrail log file     CloudTrail log file     []
	// JSON array                   JSON array              JSON array              []
	// JSON Lines                   JSON Lines              record                  []
	// EventBridge events           JSON Lines              EventBridge event       []
	// CloudWatch Logs payload      CloudWatch Logs payload CloudWatch Logs payload []
	// CloudWatch Logs Lambda event CloudWatch Logs payload CloudWatch Logs payload []
	// lookup-events output         LookupEvents output     LookupEvents output     []
	// SNS notifications            JSON Lines              EventBridge event       ["SNS notification"]
	// SQS Lambda event             EventBridge event       EventBridge event       ["SQS message"]
	// Kinesis Lambda event         CloudWatch Logs payload CloudWatch Logs payload ["Kinesis record"]
}

// A record wrapped by hand as AWS wraps it when an EventBridge rule
// targets an SNS topic to which an SQS queue is subscribed, and a Lambda
// function reads the queue.
func ExampleWrapSQS() {
	e, err := cloudtrail.Parse([]byte(encExampleRecord))
	if err != nil {
		log.Fatal(err)
	}
	event := bytes.TrimSpace(cloudtrailtest.Encode(cloudtrailtest.EventBridge, e))
	in := cloudtrailtest.WrapSQS(cloudtrailtest.WrapSNS(event))

	r := cloudtrail.NewReader(bytes.NewReader(in))
	for got, err := range r.All() {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(got.EventName, got.Delivery.Via)
	}
	// Output:
	// CreateQueue [SQS message SNS notification]
}

// The S3 event notification of a new log file holds no records: a
// Reader reports it, with the object to read.
func ExampleS3Notification() {
	key := "AWSLogs/111122223333/CloudTrail/us-west-2/2024/04/04/111122223333_CloudTrail_us-west-2_20240404T1705Z_EXAMPLE1.json.gz"
	in := cloudtrailtest.S3Notification("amzn-s3-demo-bucket", key)

	_, err := cloudtrail.NewReader(bytes.NewReader(in)).Next()
	var nre *cloudtrail.NotRecordsError
	if errors.As(err, &nre) && errors.Is(err, cloudtrail.ErrNotification) {
		fmt.Println(nre.Kind)
		fmt.Println(nre.Bucket, nre.Keys[0])
	}
	// Output:
	// S3 event notification
	// amzn-s3-demo-bucket AWSLogs/111122223333/CloudTrail/us-west-2/2024/04/04/111122223333_CloudTrail_us-west-2_20240404T1705Z_EXAMPLE1.json.gz
}

// A digest file holds no records either.
func ExampleDigestFile() {
	end := time.Date(2024, 4, 4, 18, 0, 0, 0, time.UTC)
	in := cloudtrailtest.DigestFile("amzn-s3-demo-bucket", end,
		"AWSLogs/111122223333/CloudTrail/us-west-2/2024/04/04/111122223333_CloudTrail_us-west-2_20240404T1705Z_EXAMPLE1.json.gz")

	_, err := cloudtrail.NewReader(bytes.NewReader(in)).Next()
	fmt.Println(errors.Is(err, cloudtrail.ErrDigestFile))
	fmt.Println(err)
	// Output:
	// true
	// cloudtrail: CloudTrail digest file at offset 0 carries no CloudTrail records: it covers 2024-04-04T17:00:00Z to 2024-04-04T18:00:00Z; it points at s3://amzn-s3-demo-bucket/AWSLogs/111122223333/CloudTrail/us-west-2/2024/04/04/111122223333_CloudTrail_us-west-2_20240404T1705Z_EXAMPLE1.json.gz
}
