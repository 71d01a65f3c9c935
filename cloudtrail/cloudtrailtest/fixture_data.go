package cloudtrailtest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// The fixtures and examples are data that internal/gen generates (go
// generate ./... writes them with the service packages):
//
//   - zz_generated_fixtures.jsonl has one line per operation of the
//     service models: its eventSource and eventName as registered, the
//     further event names (aliases, such as the WebSocket forms of the
//     Transcribe streaming calls) and event sources it is registered
//     under, and a request and response (null for none) made from the
//     model: every member set, realistic values within the model's
//     constraints, keys as the typed packages encode them;
//   - zz_generated_examples.jsonl has the example records of testdata/
//     with their text as it is: testdata/records/<service>/<file> as
//     "<service>/<file>" without the extension, testdata/docs/<file> as
//     "docs/<file>" and testdata/trails/<file> as "trails/<file>". The
//     documentation examples that are not valid JSON (.txt files) are
//     marked lenient: they read with cloudtrail.Lenient. Some examples
//     (docs/elastictranscoder-log, docs/transcribe-log and those of
//     trails/) are log files of several records.
//
// Both are parsed once, on first use, so that programs that import the
// kit but use neither pay nothing for them.

//go:embed zz_generated_fixtures.jsonl
var fixFixturesData []byte

//go:embed zz_generated_examples.jsonl
var fixExamplesData []byte

// fixParts is the request and response of an operation; nil for null.
type fixParts struct {
	request, response json.RawMessage
}

var (
	fixFixturesOnce sync.Once
	fixByOperation  map[cloudtrail.Operation]*fixParts
	fixOperations   []cloudtrail.Operation
)

// fixExample is one example of the examples file.
type fixExample struct {
	file    string // the file of testdata/ it is a copy of
	lenient bool   // reads only with cloudtrail.Lenient
	text    []byte
}

var (
	fixExamplesOnce sync.Once
	fixExamples     map[string]*fixExample
	fixExampleList  []string
)

// fixLines calls fn with every line of a generated JSON Lines file but its
// first, which is a comment. A line that does not decode is a mistake of
// the generator: it panics.
func fixLines(data []byte, fn func(line []byte) error) {
	for i, line := range bytes.Split(data, []byte("\n")) {
		if i == 0 || len(line) == 0 {
			continue
		}
		if err := fn(line); err != nil {
			panic(fmt.Sprintf("cloudtrailtest: generated data, line %d: %v", i+1, err))
		}
	}
}

// fixNull returns nil for the JSON null.
func fixNull(raw json.RawMessage) json.RawMessage {
	if raw == nil || string(raw) == "null" {
		return nil
	}
	return raw
}

func fixLoadFixtures() {
	fixByOperation = map[cloudtrail.Operation]*fixParts{}
	fixLines(fixFixturesData, func(line []byte) error {
		var l struct {
			EventSource  string          `json:"eventSource"`
			EventName    string          `json:"eventName"`
			Aliases      []string        `json:"aliases"`
			EventSources []string        `json:"eventSources"`
			Request      json.RawMessage `json:"request"`
			Response     json.RawMessage `json:"response"`
		}
		if err := json.Unmarshal(line, &l); err != nil {
			return err
		}
		if l.EventSource == "" || l.EventName == "" {
			return fmt.Errorf("no eventSource or eventName")
		}
		parts := &fixParts{request: fixNull(l.Request), response: fixNull(l.Response)}
		for _, src := range append([]string{l.EventSource}, l.EventSources...) {
			for _, name := range append([]string{l.EventName}, l.Aliases...) {
				op := cloudtrail.Operation{EventSource: src, EventName: name}
				if _, dup := fixByOperation[op]; dup {
					return fmt.Errorf("%s %s comes twice", src, name)
				}
				fixByOperation[op] = parts
				fixOperations = append(fixOperations, op)
			}
		}
		return nil
	})
	slices.SortFunc(fixOperations, func(a, b cloudtrail.Operation) int {
		if c := strings.Compare(a.EventSource, b.EventSource); c != 0 {
			return c
		}
		return strings.Compare(a.EventName, b.EventName)
	})
}

func fixLoadExamples() {
	fixExamples = map[string]*fixExample{}
	fixLines(fixExamplesData, func(line []byte) error {
		var l struct {
			Name    string `json:"name"`
			File    string `json:"file"`
			Lenient bool   `json:"lenient"`
			Text    string `json:"text"`
		}
		if err := json.Unmarshal(line, &l); err != nil {
			return err
		}
		if _, dup := fixExamples[l.Name]; dup || l.Name == "" {
			return fmt.Errorf("example name %q is empty or comes twice", l.Name)
		}
		fixExamples[l.Name] = &fixExample{file: l.File, lenient: l.Lenient, text: []byte(l.Text)}
		fixExampleList = append(fixExampleList, l.Name)
		return nil
	})
	slices.Sort(fixExampleList)
}

// fixtureParts returns the request and response of the fixture of an
// operation, each nil when the operation's records have none (null), and
// whether there is a fixture. eventSource may be in any form that
// cloudtrail.CanonicalEventSource accepts ("aws.mediaconvert" too). The
// results are the caller's to modify.
func fixtureParts(eventSource, eventName string) (request, response json.RawMessage, ok bool) {
	fixFixturesOnce.Do(fixLoadFixtures)
	p, ok := fixByOperation[cloudtrail.Operation{EventSource: cloudtrail.CanonicalEventSource(eventSource), EventName: eventName}]
	if !ok {
		return nil, nil, false
	}
	return bytes.Clone(p.request), bytes.Clone(p.response), true
}

// fixtureOperations returns the operations that have fixtures, each event
// source and event name under which an operation is registered, sorted by
// event source and event name as cloudtrail.Registry.Operations sorts.
func fixtureOperations() []cloudtrail.Operation {
	fixFixturesOnce.Do(fixLoadFixtures)
	return slices.Clone(fixOperations)
}

// exampleRecord returns the text of an example by name (see exampleNames),
// as it is in testdata/, and whether there is one. The result is the
// caller's to modify.
func exampleRecord(name string) ([]byte, bool) {
	fixExamplesOnce.Do(fixLoadExamples)
	e, ok := fixExamples[name]
	if !ok {
		return nil, false
	}
	return bytes.Clone(e.text), true
}

// exampleNames returns the names of the examples, sorted.
func exampleNames() []string {
	fixExamplesOnce.Do(fixLoadExamples)
	return slices.Clone(fixExampleList)
}

// fixExampleLenient reports whether an example is text that reads only with
// cloudtrail.Lenient (a documentation example that is not valid JSON).
func fixExampleLenient(name string) bool {
	fixExamplesOnce.Do(fixLoadExamples)
	e, ok := fixExamples[name]
	return ok && e.lenient
}

// fixExampleFile returns the file of testdata/ that an example is a copy
// of, such as "testdata/records/mediaconvert/CreateJob-2024.json".
func fixExampleFile(name string) string {
	fixExamplesOnce.Do(fixLoadExamples)
	if e, ok := fixExamples[name]; ok {
		return e.file
	}
	return ""
}
