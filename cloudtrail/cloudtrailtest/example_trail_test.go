package cloudtrailtest_test

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
)

// A trail of a thousand records, a fifth of them media events, read back
// with a cloudtrail.Reader that keeps the MediaConvert events.
func ExampleTrail() {
	data := cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 1, Records: 1000, MediaFraction: 0.2})

	r := cloudtrail.NewReader(bytes.NewReader(data), cloudtrail.WithEventSources("mediaconvert.amazonaws.com"))
	n := 0
	for e, err := range r.All() {
		if err != nil {
			log.Fatal(err)
		}
		if n < 3 {
			fmt.Println(e.EventTime.Format(time.TimeOnly), e.AWSRegion, e.EventName, e.Actor())
		}
		n++
	}
	fmt.Println(n, "MediaConvert events")
	// Output:
	// 00:00:21 ap-northeast-1 GetJob user/dana
	// 00:00:36 us-west-2 CreateJob role/DataPlatform (session alice@example.com)
	// 00:00:38 us-east-1 GetJob role/MediaConvert_Default_Role (session aws-go-sdk-1714521600123456789)
	// 71 MediaConvert events
}

// Two days of the logs of two regions of an account, four files a day,
// as an organization trail delivers them.
func ExampleWriteS3Layout() {
	dir, err := os.MkdirTemp("", "trail")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	keys, err := cloudtrailtest.WriteS3Layout(dir, cloudtrailtest.S3LayoutConfig{
		Trail:        cloudtrailtest.TrailConfig{Seed: 1, Records: 20},
		Regions:      []string{"us-east-1", "eu-west-1"},
		Start:        time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC),
		Days:         2,
		FilesPerDay:  4,
		Organization: "o-exampleorgid",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(keys), "files")
	fmt.Println(keys[0])

	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(keys[0])))
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var first, last *cloudtrail.Event
	for e, err := range cloudtrail.NewReader(f).All() {
		if err != nil {
			log.Fatal(err)
		}
		if first == nil {
			first = e
		}
		last = e
	}
	fmt.Println(first.RecipientAccountID, first.AWSRegion, first.EventTime.Format(time.DateTime), "to", last.EventTime.Format(time.DateTime))
	// Output:
	// 16 files
	// AWSLogs/o-exampleorgid/111122223333/CloudTrail/eu-west-1/2024/05/01/111122223333_CloudTrail_eu-west-1_20240501T0559Z_XFHeXJj7a1F6GshI.json.gz
	// 111122223333 eu-west-1 2024-05-01 00:15:33 to 2024-05-01 05:44:39
}
