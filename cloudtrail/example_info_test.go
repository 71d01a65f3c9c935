package cloudtrail_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/mediatrail/mediatrail/cloudtrail"
	_ "github.com/mediatrail/mediatrail/mediaconvert" // registers MediaConvert's operations and their facts
	_ "github.com/mediatrail/mediatrail/transcribe"
)

// mediaTrail is a log file of MediaConvert and Transcribe calls: some
// records have readOnly, as CloudTrail writes them, some do not, as in
// trimmed exports.
const mediaTrail = `{"Records":[
{"eventVersion":"1.11","eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob","readOnly":false,"eventID":"1"},
{"eventVersion":"1.11","eventSource":"mediaconvert.amazonaws.com","eventName":"GetJob","readOnly":true,"eventID":"2"},
{"eventVersion":"1.11","eventSource":"mediaconvert.amazonaws.com","eventName":"ListJobs","eventID":"3"},
{"eventVersion":"1.11","eventSource":"mediaconvert.amazonaws.com","eventName":"DeleteQueue","errorCode":"ConflictException","eventID":"4"},
{"eventVersion":"1.11","eventSource":"transcribe.amazonaws.com","eventName":"StartTranscriptionJob","eventID":"5"},
{"eventVersion":"1.11","eventSource":"transcribe.amazonaws.com","eventName":"GetTranscriptionJob","eventID":"6"},
{"eventVersion":"1.11","eventSource":"s3.amazonaws.com","eventName":"GetObject","eventID":"7"}
]}`

// Counting the changes in a trail: the record's readOnly decides where it
// has one, the model's facts of the operation elsewhere. A failed call of
// a changing operation is an attempted change.
func ExampleIsWrite() {
	var changes, failed, reads, unknown int
	for e, err := range cloudtrail.NewReader(strings.NewReader(mediaTrail)).All() {
		if err != nil {
			log.Print(err)
			continue
		}
		switch change, known := cloudtrail.IsWrite(e); {
		case !known:
			unknown++
		case change && e.Failed():
			failed++
		case change:
			changes++
			info, _ := cloudtrail.Info(e.EventSource, e.EventName)
			fmt.Println(e.EventName, info.Kind, info.Resource)
		default:
			reads++
		}
	}
	fmt.Printf("%d changes, %d failed, %d reads, %d unknown\n", changes, failed, reads, unknown)
	// Output:
	// CreateJob create Job
	// StartTranscriptionJob start TranscriptionJob
	// 2 changes, 1 failed, 3 reads, 1 unknown
}

// The Reader can leave out what is not a change before decoding it.
func ExampleWithWritesOnly() {
	r := cloudtrail.NewReader(strings.NewReader(mediaTrail), cloudtrail.WithWritesOnly())
	for e, err := range r.All() {
		if err != nil {
			log.Print(err)
			continue
		}
		fmt.Println(e.EventID, e.EventName, e.Failed())
	}
	// Output:
	// 1 CreateJob false
	// 4 DeleteQueue true
	// 5 StartTranscriptionJob false
}

func ExampleInfo() {
	for _, name := range []string{"CreateJob", "GetJob", "ListJobs", "UpdateQueue", "PutPolicy"} {
		info, ok := cloudtrail.Info("aws.mediaconvert", name)
		if !ok {
			continue
		}
		fmt.Printf("%-11s %-6s %-8s %-6s read-only %-5v idempotent %v\n", name, info.Kind, info.Resource, info.HTTPMethod, info.ReadOnly, info.Idempotent)
	}
	// Output:
	// CreateJob   create Job      POST   read-only false idempotent false
	// GetJob      read   Job      GET    read-only true  idempotent true
	// ListJobs    list   Job      GET    read-only true  idempotent true
	// UpdateQueue update Queue    PUT    read-only false idempotent true
	// PutPolicy   policy Policy   PUT    read-only false idempotent true
}
