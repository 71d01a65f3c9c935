package cloudtrail_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/mediatrail/mediatrail/cloudtrail"
)

// logFile is a small CloudTrail log file, as CloudTrail writes to S3 (but
// not gzipped, which the Reader would detect all the same).
const logFile = `{"Records":[
{"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","userName":"alice"},"eventTime":"2024-04-04T17:45:26Z","eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob","awsRegion":"us-west-2","requestParameters":{"queue":"Default"},"responseElements":{"job":{"id":"1712252725875-defhgi","status":"SUBMITTED"}}},
{"eventVersion":"1.09","userIdentity":{"type":"AWSService","invokedBy":"s3.amazonaws.com"},"eventTime":"2024-04-04T17:45:27Z","eventSource":"kms.amazonaws.com","eventName":"Decrypt","awsRegion":"us-west-2"},
{"eventVersion":"1.09","userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/Transcriber/worker-1","sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::111122223333:role/Transcriber","userName":"Transcriber"}}},"eventTime":"2024-04-04T17:46:02Z","eventSource":"transcribe.amazonaws.com","eventName":"StartTranscriptionJob","awsRegion":"us-east-1","errorCode":"LimitExceededException"}
]}`

func ExampleNewReader() {
	r := cloudtrail.NewReader(strings.NewReader(logFile),
		cloudtrail.WithEventSources("aws.mediaconvert", "aws.transcribe"))
	for {
		e, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Print(err) // a bad record (reading goes on), or what ended reading
			continue
		}
		fmt.Println(e.EventTime.Format("15:04:05"), e.EventName, e.Actor(), e.Failed())
	}
	if err := r.Err(); err != nil {
		log.Print("the input could not be read to its end: ", err)
	}
	fmt.Println(r.Format())
	// Output:
	// 17:45:26 CreateJob user/alice false
	// 17:46:02 StartTranscriptionJob role/Transcriber (session worker-1) true
	// CloudTrail log file
}

// Damaged input costs only what is damaged: here a record cut short in a
// JSON Lines file, and a gzip stream cut short at its end.
func ExampleReader_Err() {
	lines := `{"eventVersion":"1.08","eventName":"CreateJob","eventSource":"mediaconvert.amazonaws.com"}
{"eventVersion":"1.08","eventName":"GetJ
{"eventVersion":"1.08","eventName":"ListJobs","eventSource":"mediaconvert.amazonaws.com"}
`
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(lines))
	zw.Close()
	for _, in := range [][]byte{[]byte(lines), z.Bytes()[:z.Len()-10]} {
		r := cloudtrail.NewReader(bytes.NewReader(in))
		for e, err := range r.All() {
			var re *cloudtrail.RecordError
			var se *cloudtrail.SyntaxError
			switch {
			case errors.As(err, &re) && errors.As(err, &se):
				fmt.Printf("record %d at offset %d is damaged: %s\n", re.Index, re.Offset, se.Msg)
			case err != nil:
				fmt.Println("error:", err)
			default:
				fmt.Println(e.EventName)
			}
		}
		fmt.Println("ended early:", errors.Is(r.Err(), cloudtrail.ErrTruncated))
	}
	// Output:
	// CreateJob
	// record 1 at offset 91 is damaged: the line ends before its JSON value does
	// ListJobs
	// ended early: false
	// CreateJob
	// record 1 at offset 91 is damaged: the line ends before its JSON value does
	// ListJobs
	// error: cloudtrail: gzip stream at offset 222: input is truncated: the gzip member at offset 0 of the compressed input ends early
	// ended early: true
}

func ExampleReader_All() {
	r := cloudtrail.NewReader(strings.NewReader(logFile))
	for e, err := range r.All() {
		if err != nil {
			log.Print(err)
			continue
		}
		fmt.Println(e.Delivery.Index, e.EventSource, e.Delivery.Offset)
	}
	// Output:
	// 0 mediaconvert.amazonaws.com 13
	// 1 kms.amazonaws.com 435
	// 2 transcribe.amazonaws.com 643
}

// An EventBridge rule's target, or a Firehose stream, gets the records as
// the detail of EventBridge events; the event's own members are in
// Delivery.
func ExampleDelivery_eventBridge() {
	const event = `{"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"AWS API Call via CloudTrail","source":"aws.mediaconvert","account":"111122223333","time":"2024-04-04T17:45:26Z","region":"us-west-2","resources":[],"detail":{"eventVersion":"1.09","eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob","awsRegion":"us-west-2"}}`
	r := cloudtrail.NewReader(strings.NewReader(event))
	for e, err := range r.All() {
		if err != nil {
			log.Fatal(err)
		}
		eb := e.Delivery.EventBridge
		fmt.Println(e.EventName, "from", eb.Source, eb.DetailType, eb.ID)
	}
	// Output:
	// CreateJob from aws.mediaconvert AWS API Call via CloudTrail 6a7e8feb-b491-4cf7-a9f1-bf3703467718
}

// A Lambda function subscribed to a bucket's notifications, or to
// CloudTrail's SNS topic, gets messages that name log files rather than
// records; the error says which.
func ExampleNotRecordsError() {
	const notification = `{"s3Bucket":"amzn-s3-demo-bucket","s3ObjectKey":["AWSLogs/111122223333/CloudTrail/us-west-2/2024/04/04/111122223333_CloudTrail_us-west-2_20240404T1705Z_EXAMPLE.json.gz"]}`
	r := cloudtrail.NewReader(strings.NewReader(notification))
	_, err := r.Next()
	var nre *cloudtrail.NotRecordsError
	if errors.As(err, &nre) && errors.Is(err, cloudtrail.ErrNotification) {
		for _, key := range nre.Keys {
			fmt.Println("read s3://" + nre.Bucket + "/" + key)
		}
	}
	// Output:
	// read s3://amzn-s3-demo-bucket/AWSLogs/111122223333/CloudTrail/us-west-2/2024/04/04/111122223333_CloudTrail_us-west-2_20240404T1705Z_EXAMPLE.json.gz
}

// Documentation examples are often invalid JSON as published; Lenient
// reads them.
func ExampleLenient() {
	const doc = `{ "eventVersion": "1.09", "eventSource": "mediaconvert.amazonaws.com", "eventName": "CreateJob",
  "requestParameters": { "settings": {...}, "queue": "Default", }, }`
	_, err := cloudtrail.NewReader(strings.NewReader(doc)).Next()
	fmt.Println(errors.Is(err, cloudtrail.ErrSyntax))

	e, err := cloudtrail.NewReader(strings.NewReader(doc), cloudtrail.Lenient()).Next()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(e.EventName, string(e.RequestParameters))
	// Output:
	// true
	// CreateJob { "settings": {}, "queue": "Default" }
}
