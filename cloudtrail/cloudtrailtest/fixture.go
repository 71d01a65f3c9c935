package cloudtrailtest

import (
	"bytes"
	"fmt"
	"hash/fnv"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// Fixture returns a fully populated, realistic record of the operation
// eventName of eventSource (in any form cloudtrail.CanonicalEventSource
// accepts): a request and a response made from the service's AWS model,
// with every member set to a value the model allows (enum values, numbers
// within the model's ranges, strings that fit its lengths and patterns),
// in the envelope NewEvent writes. The options change the envelope as they
// do for NewEvent; by default the seed is the operation's, so that each
// operation's fixture is always the same record.
//
// Every registered operation of the four service packages has a fixture,
// under each event source and event name it is registered under
// (FixtureOperations lists them). Fixture panics for an operation that
// has none: a mistake of the test.
func Fixture(eventSource, eventName string, opts ...Option) *cloudtrail.Event {
	req, resp, ok := fixtureParts(eventSource, eventName)
	if !ok {
		panic(fmt.Sprintf("cloudtrailtest: Fixture: no fixture for %s of %s", eventName, eventSource))
	}
	h := fnv.New64a()
	h.Write([]byte(cloudtrail.CanonicalEventSource(eventSource) + " " + eventName))
	all := append([]Option{WithSeed(h.Sum64()), WithOperation(eventSource, eventName)}, opts...)
	var response any
	if resp != nil {
		response = resp
	}
	var request any
	if req != nil {
		request = req
	}
	return NewEvent(request, response, all...)
}

// FixtureOperations returns the operations Fixture has records of, sorted
// by event source and event name as cloudtrail.Registry.Operations sorts.
func FixtureOperations() []cloudtrail.Operation { return fixtureOperations() }

// Example returns the records of an example of the library's own test
// data by name: the documentation examples of AWS and real records, such
// as "mediaconvert/CreateJob-2024" (testdata/records/mediaconvert/CreateJob-2024.json
// of the repository), "docs/transcribe-log" or "trails/media-sample"; see
// ExampleNames. Most examples are one record; log files give each of
// their records. Documentation examples that are not valid JSON are read
// with cloudtrail.Lenient, as they are written. Example panics for a name
// that is not an example: a mistake of the test.
func Example(name string) []*cloudtrail.Event {
	text, ok := exampleRecord(name)
	if !ok {
		panic(fmt.Sprintf("cloudtrailtest: Example: no example named %q", name))
	}
	var opts []cloudtrail.Option
	if fixExampleLenient(name) {
		opts = append(opts, cloudtrail.Lenient())
	}
	var out []*cloudtrail.Event
	r := cloudtrail.NewReader(bytes.NewReader(text), opts...)
	for e, err := range r.All() {
		if err != nil {
			panic(fmt.Sprintf("cloudtrailtest: Example %q does not read: %v", name, err))
		}
		out = append(out, e)
	}
	return out
}

// ExampleNames returns the names of the examples, sorted.
func ExampleNames() []string { return exampleNames() }
