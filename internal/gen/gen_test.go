package main

import (
	"bytes"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTypeName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"JobSettings", "JobSettings"},
		{"H264Settings", "H264Settings"},
		{"__listOfOutputGroup", "ListOfOutputGroup"},
		{"__mapOf__string", "MapOfString"},
		{"__listOf__integerMin1Max2147483647", "ListOfIntegerMin1Max2147483647"},
		{"__listOf__listOf__string", "ListOfListOfString"},
		{"lowerCase", "LowerCase"},
		{"Has_Underscore", "Has_Underscore"},
		{"__", "X"},
	} {
		require.Equal(t, tt.want, typeName(tt.in), tt.in)
	}
}

func TestEnumSuffix(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"EN_US", "EnUs"},
		{"HEV1", "Hev1"},
		{"ITU_2020_10bit", "Itu202010bit"},
		{"ITU_2100ICtCp", "Itu2100ictcp"},
		{"YCgCo", "Ycgco"},
		{"NARROW_BAND", "NarrowBand"},
		{"en-US", "EnUs"},
		{"MP3", "Mp3"},
		{"CODING_MODE_2_0", "CodingMode20"},
		{"quicktime", "Quicktime"},
		{"", "Value"},
		{"--", "Value"},
	} {
		require.Equal(t, tt.want, enumSuffix(tt.in), tt.in)
	}
}

func TestFieldNameAndNamer(t *testing.T) {
	require.Equal(t, "Message", fieldName("message"))
	require.Equal(t, "X1a", fieldName("1a"))
	require.Equal(t, "A_b", fieldName("a-b"))
	n := newNamer("UnknownMembers")
	require.Equal(t, "UnknownMembers_", n.claim("UnknownMembers"))
	require.Equal(t, "Foo", n.claim("Foo"))
	require.Equal(t, "Foo_", n.claim("Foo"))
	require.Equal(t, "Foo__", n.claim("Foo"))
}

// modelsDir returns the models directory as the generator finds it, or
// skips the test.
func modelsDir(t *testing.T) string {
	t.Helper()
	dir := defaultModels(moduleRootOf(t))
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		t.Skipf("no Smithy models at %s (set MEDIATRAIL_MODELS): skipped", dir)
	}
	return dir
}

// moduleRootOf returns the module root.
func moduleRootOf(t *testing.T) string {
	t.Helper()
	root, err := moduleRoot()
	require.NoError(t, err)
	return root
}

// TestOperationCounts checks the operations bound to each model's service,
// directly and through its resources, against a count of the operation
// shapes of the model (every one of which these models bind).
func TestOperationCounts(t *testing.T) {
	dir := modelsDir(t)
	for _, s := range services {
		models, err := loadModels(s, dir)
		require.NoError(t, err)
		for _, mf := range models {
			ops, err := mf.m.operations(mf.svc)
			require.NoError(t, err)
			var shapes int
			for _, sh := range mf.m.Shapes {
				if sh.Type == "operation" {
					shapes++
				}
			}
			require.Len(t, ops, shapes, mf.file)
			require.True(t, strings.HasSuffix(mf.source, ".amazonaws.com"), mf.file)
		}
	}
}

// TestEveryModelHasAService fails for a model file that no entry of the
// list of services uses, or that two use.
func TestEveryModelHasAService(t *testing.T) {
	dir := modelsDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	used := map[string]string{}
	for _, s := range services {
		for _, m := range s.Models {
			prev, dup := used[m]
			require.False(t, dup, "model %s is in the entries of %s and %s", m, prev, s.Package)
			used[m] = s.Package
		}
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		_, ok := used[name]
		require.True(t, ok, "the model %s has no entry in the list of services (internal/gen/services.go)", filepath.Base(f))
	}
}

var header = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.\n`)

// TestGeneratedFilesUpToDate regenerates everything in memory: the output
// must be deterministic, gofmt'd, marked as generated, and equal to the
// files in the repository, the README's table included.
func TestGeneratedFilesUpToDate(t *testing.T) {
	dir := modelsDir(t)
	root := moduleRootOf(t)
	first, err := generateAll(dir, root)
	require.NoError(t, err)
	second, err := generateAll(dir, root)
	require.NoError(t, err)
	require.Equal(t, first, second, "output differs between runs")
	for pkg, files := range first.packages {
		for name, src := range files {
			require.Regexp(t, header, string(src), name)
			formatted, err := format.Source(src)
			require.NoError(t, err)
			require.True(t, bytes.Equal(formatted, src), "%s/%s is not gofmt'd", pkg, name)
			onDisk, err := os.ReadFile(filepath.Join(root, pkg, name))
			require.NoError(t, err, "%s/%s: run go generate ./...", pkg, name)
			require.True(t, bytes.Equal(onDisk, src), "%s/%s is stale: run go generate ./...", pkg, name)
		}
		generated, err := filepath.Glob(filepath.Join(root, pkg, "zz_generated_*.go"))
		require.NoError(t, err)
		require.Len(t, generated, len(files), "%s has stale generated files: run go generate ./...", pkg)
	}
	for path, data := range first.data {
		onDisk, err := os.ReadFile(filepath.Join(root, path))
		require.NoError(t, err, "%s: run go generate ./...", path)
		require.True(t, bytes.Equal(onDisk, data), "%s is stale: run go generate ./...", path)
	}
	require.Len(t, first.data, 2, "the fixtures and the examples of the test kit")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	require.Equal(t, string(first.readme), string(readme), "the README's table of services is stale: run go generate ./...")
	require.NoError(t, checkNoStrayPackages(root))
}

// synthModel exercises what the real models do not: nested resources and
// collection operations, Unit input and output, names that collide, a
// string with the enum trait, an intEnum, unions with scalar members, maps
// with enum keys, and the prelude's shapes. synthExtra is a second model of
// the same package: a shape alike to one of synthModel's (shared), one of
// the same name that differs (prefixed), an event source of its own,
// members bound to HTTP headers and query parameters, and event streams.
const synthModel = `{
  "smithy": "2.0",
  "shapes": {
    "ex#Svc": {"type": "service", "version": "1",
      "operations": [{"target": "ex#Ping"}],
      "resources": [{"target": "ex#Parent"}],
      "traits": {"aws.api#service": {"sdkId": "Synth", "cloudTrailEventSource": "synth.amazonaws.com"}, "aws.protocols#restJson1": {}}},
    "ex#Parent": {"type": "resource", "identifiers": {"Id": {"target": "smithy.api#String"}},
      "create": {"target": "ex#CreateThing"}, "read": {"target": "ex#GetThing"},
      "collectionOperations": [{"target": "ex#ListThings"}],
      "resources": [{"target": "ex#Child"}]},
    "ex#Child": {"type": "resource", "put": {"target": "ex#PutChild"}, "delete": {"target": "ex#DeleteChild"},
      "operations": [{"target": "ex#Ping"}]},
    "ex#Ping": {"type": "operation", "input": {"target": "smithy.api#Unit"}, "output": {"target": "smithy.api#Unit"}},
    "ex#CreateThing": {"type": "operation", "input": {"target": "ex#CreateThingRequest"}, "output": {"target": "ex#Thing"}},
    "ex#GetThing": {"type": "operation", "input": {"target": "ex#Operations"}, "output": {"target": "ex#Thing"}},
    "ex#ListThings": {"type": "operation", "input": {"target": "smithy.api#Unit"}, "output": {"target": "ex#ListThingsResponse"}},
    "ex#PutChild": {"type": "operation", "input": {"target": "ex#Thing"}},
    "ex#DeleteChild": {"type": "operation"},
    "ex#Unused": {"type": "structure", "members": {}},
    "ex#Operations": {"type": "structure", "members": {"Id": {"target": "smithy.api#String"}}},
    "ex#CreateThingRequest": {"type": "structure", "members": {
      "Thing": {"target": "ex#Thing", "traits": {"smithy.api#jsonName": "thing"}},
      "Count": {"target": "smithy.api#Integer"}}},
    "ex#ListThingsResponse": {"type": "structure", "members": {
      "Things": {"target": "ex#__listOfThing", "traits": {"smithy.api#jsonName": "things"}},
      "More": {"target": "ex#ListOfThing"}}},
    "ex#__listOfThing": {"type": "list", "member": {"target": "ex#Thing"}},
    "ex#ListOfThing": {"type": "list", "member": {"target": "ex#Thing"}},
    "ex#Thing": {"type": "structure", "members": {
      "Name": {"target": "ex#__string", "traits": {"smithy.api#jsonName": "name", "smithy.api#required": {}}},
      "name2": {"target": "ex#__string"},
      "Bar": {"target": "smithy.api#Boolean"},
      "GetBar": {"target": "smithy.api#Long"},
      "UnknownMembers": {"target": "smithy.api#String"},
      "MarshalJSON": {"target": "smithy.api#String"},
      "Color": {"target": "ex#Color"},
      "Level": {"target": "ex#Level"},
      "Choice": {"target": "ex#Choice"},
      "Choices": {"target": "ex#ChoiceList"},
      "ByColor": {"target": "ex#ColorMap"},
      "Grid": {"target": "ex#Grid"},
      "When": {"target": "smithy.api#Timestamp"},
      "Data": {"target": "smithy.api#Blob"},
      "Doc": {"target": "smithy.api#Document"},
      "Ratio": {"target": "smithy.api#Float"},
      "Big": {"target": "smithy.api#BigDecimal"},
      "Child": {"target": "ex#Thing"}}},
    "ex#__string": {"type": "string"},
    "ex#Color": {"type": "string", "traits": {"smithy.api#enum": [{"value": "red", "name": "RED"}, {"value": "light-blue"}]}},
    "ex#Level": {"type": "intEnum", "members": {"LOW": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}},
      "HIGH": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 10}}}},
    "ex#Choice": {"type": "union", "members": {"Text": {"target": "smithy.api#String"}, "Thing": {"target": "ex#Thing"}, "Level": {"target": "ex#Level"}}},
    "ex#ChoiceList": {"type": "list", "member": {"target": "ex#Choice"}},
    "ex#ColorMap": {"type": "map", "key": {"target": "ex#Color"}, "value": {"target": "ex#Grid"}},
    "ex#Grid": {"type": "list", "member": {"target": "ex#Row"}},
    "ex#Row": {"type": "list", "member": {"target": "smithy.api#Integer"}}
  }
}`

const synthExtra = `{
  "smithy": "2.0",
  "shapes": {
    "ex2#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex2#StreamThing"}],
      "traits": {"aws.api#service": {"sdkId": "Synth Extra", "cloudTrailEventSource": "synthextra.amazonaws.com", "arnNamespace": "synth"},
        "aws.protocols#restJson1": {}}},
    "ex2#StreamThing": {"type": "operation", "input": {"target": "ex2#StreamThingRequest"}, "output": {"target": "ex2#StreamThingResponse"},
      "traits": {"smithy.api#documentation": "<p>Streams a <b>thing</b>.</p>"}},
    "ex2#StreamThingRequest": {"type": "structure", "members": {
      "LanguageCode": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "x-amzn-synth-language-code"}},
      "Color": {"target": "ex2#Color", "traits": {"smithy.api#httpQuery": "color-q"}},
      "Level": {"target": "ex2#Level"},
      "Audio": {"target": "ex2#AudioStream", "traits": {"smithy.api#httpPayload": {}}}}},
    "ex2#StreamThingResponse": {"type": "structure", "members": {
      "RequestId": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "x-amzn-request-id"}},
      "Events": {"target": "ex2#Events", "traits": {"smithy.api#httpPayload": {}}}}},
    "ex2#AudioStream": {"type": "union", "members": {"Chunk": {"target": "smithy.api#Blob"}}, "traits": {"smithy.api#streaming": {}}},
    "ex2#Events": {"type": "union", "members": {"Text": {"target": "smithy.api#String"}}, "traits": {"smithy.api#streaming": {}}},
    "ex2#Color": {"type": "string", "traits": {"smithy.api#enum": [{"value": "red", "name": "RED"}, {"value": "light-blue"}]}},
    "ex2#Level": {"type": "intEnum", "members": {"LOW": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 2}}}}
  }
}`

// synthTest is compiled and run with the package generated from the
// synthetic models.
const synthTest = `package synth

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

func decode(t *testing.T, e *cloudtrail.Event) any {
	t.Helper()
	v, err := cloudtrail.Decode(e)
	if err != nil {
		t.Fatal(err)
	}
	if errs := v.(cloudtrail.TypedEvent).FieldErrors(); len(errs) != 0 {
		t.Fatal(errs)
	}
	return v
}

func TestSynth(t *testing.T) {
	ops := Operations()
	want := []string{"CreateThing", "DeleteChild", "GetThing", "ListThings", "Ping", "PutChild", "StreamThing"}
	if !reflect.DeepEqual(ops, want) {
		t.Fatalf("operations %v", ops)
	}
	for _, op := range want {
		if _, ok := cloudtrail.DefaultRegistry.Lookup(EventSource, op); !ok {
			t.Fatalf("%s is not registered", op)
		}
	}
	for _, src := range []string{EventSource, ExtraEventSource} {
		for _, op := range []string{"StreamThing", "StreamThingWebSocket"} {
			if _, ok := cloudtrail.DefaultRegistry.Lookup(src, op); !ok {
				t.Fatalf("%s %s is not registered", src, op)
			}
		}
	}
	if _, ok := cloudtrail.DefaultRegistry.Lookup(ExtraEventSource, "Ping"); ok {
		t.Fatal("Ping is registered under the event source of the other model")
	}
	var _ *Operations_ = new(GetThingEvent).Request
	var _ *PingRequest = new(PingEvent).Request
	var _ *PingResponse = new(PingEvent).Response
	var _ *DeleteChildResponse = new(DeleteChildEvent).Response
	var _ []Thing = new(ListThingsResponse).More
	if ColorRed != "red" || ColorLightBlue != "light-blue" || LevelLow != 1 || LevelHigh != 10 || ExtraLevelLow != 2 {
		t.Fatal("enum constants")
	}
	if len(Color("").Values()) != 2 || len(Level(0).Values()) != 2 {
		t.Fatal("Values")
	}
	var _ Color = new(StreamThingRequest).Color // alike in both models: one type
	var _ ExtraLevel = new(StreamThingRequest).Level
	if _, ok := reflect.TypeFor[StreamThingRequest]().FieldByName("Audio"); ok {
		t.Fatal("the event stream is a field")
	}

	v := decode(t, &cloudtrail.Event{EventSource: EventSource, EventName: "CreateThing",
		RequestParameters: json.RawMessage(` + "`" + `{"thing":{"NAME":"a","name2":"b","bar":"true","getBar":"7","unknownMembers":"u","marshalJSON":"m",
			"color":"red","level":10,"choice":{"Level":1},"choices":[{"Text":"x"},{"Thing":{"name":"c"}},{"Other":[1]}],
			"byColor":{"red":[[1,2],[3]]},"when":1510714652,"data":"aGk=","doc":{"any":[true]},"ratio":0.5,"big":1e400,
			"child":{"name":"d"},"extra":1},"count":"3"}` + "`" + `)})
	ev := v.(*CreateThingEvent)
	th := ev.Request.GetThing()
	if th.GetName() != "a" || th.GetName2() != "b" || !th.GetBar_() || th.GetGetBar() != 7 || th.GetUnknownMembers_() != "u" || th.GetMarshalJSON_() != "m" {
		t.Fatalf("members %+v", th)
	}
	if th.GetColor() != ColorRed || th.GetLevel() != LevelHigh || th.GetRatio() != 0.5 || string(th.GetData()) != "hi" || string(th.GetBig()) != "1e400" {
		t.Fatalf("members %+v", th)
	}
	if c, ok := th.GetChoice().(*ChoiceMemberLevel); !ok || c.Value != LevelLow {
		t.Fatalf("choice %#v", th.GetChoice())
	}
	if c, ok := th.GetChoices()[1].(*ChoiceMemberThing); !ok || c.Value.GetName() != "c" {
		t.Fatalf("choices %#v", th.GetChoices())
	}
	if c, ok := th.GetChoices()[2].(*UnknownUnionMember); !ok || c.Tag != "Other" {
		t.Fatalf("choices %#v", th.GetChoices())
	}
	if g := th.GetByColor()[ColorRed]; len(g) != 2 || g[0][1] != 2 {
		t.Fatalf("byColor %#v", th.GetByColor())
	}
	if th.GetWhen().Unix() != 1510714652 || th.GetChild().GetName() != "d" || ev.Request.GetCount() != 3 {
		t.Fatalf("members %+v", th)
	}
	out, err := ev.Request.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	// Values written in another form than the encoder's ("3", "true") come
	// back as written.
	const enc = ` + "`" + `{"count":"3","thing":{"bar":"true","Big":1e400,"ByColor":{"red":[[1,2],[3]]},"Child":{"name":"d"},"Choice":{"Level":1},` +
	`"Choices":[{"Text":"x"},{"Thing":{"name":"c"}},{"Other":[1]}],"Color":"red","Data":"aGk=","Doc":{"any":[true]},"getBar":"7","Level":10,` +
	`"MarshalJSON":"m","name":"a","Ratio":0.5,"UnknownMembers":"u","When":1510714652,"name2":"b","extra":1}}` + "`" + `
	if string(out) != enc {
		t.Fatalf("encoded\n%s\nwant\n%s", out, enc)
	}

	// Members bound to headers and query parameters match under those
	// names too, the headers also without their x-amzn-<service>- prefix.
	for _, req := range []string{
		` + "`" + `{"languageCode":"en-US","color":"red","level":2}` + "`" + `,
		` + "`" + `{"x-amzn-synth-language-code":"en-US","color-q":"red","Level":2}` + "`" + `,
		` + "`" + `{"language-code":"en-US","COLOR":"red","level":"2"}` + "`" + `,
	} {
		v := decode(t, &cloudtrail.Event{EventSource: ExtraEventSource, EventName: "StreamThingWebSocket", RequestParameters: json.RawMessage(req),
			ResponseElements: json.RawMessage(` + "`" + `{"x-amzn-request-id":"r1"}` + "`" + `)})
		ev := v.(*StreamThingEvent)
		if ev.Request.GetLanguageCode() != "en-US" || ev.Request.Color != ColorRed || ev.Request.Level != ExtraLevelLow || ev.Response.GetRequestId() != "r1" {
			t.Fatalf("%s: %+v %+v", req, ev.Request, ev.Response)
		}
	}
}
`

// TestSynthModel generates a package from the synthetic models into a
// temporary directory of the module and runs synthTest with it, and the
// generated test of the package, which checks it against the models.
func TestSynthModel(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles a package")
	}
	models := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(models, "synth.json"), []byte(synthModel), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(models, "synth-extra.json"), []byte(synthExtra), 0o644))
	// The package must be inside the module to import its packages; under
	// testdata, go test ./... does not see it.
	require.NoError(t, os.MkdirAll("testdata", 0o755))
	pkg, err := os.MkdirTemp("testdata", "synth-")
	require.NoError(t, err)
	t.Cleanup(func() {
		os.RemoveAll(pkg)
		os.Remove("testdata") // only when empty
	})
	dir := filepath.Join(pkg, "synth")
	s := service{
		Package: "synth",
		Models:  []string{"synth", "synth-extra"},
		Example: example{"CreateThing", "ev.Request.GetThing()"},
		Aliases: map[string][]string{"StreamThing": {"StreamThingWebSocket"}},
	}
	generate := func() {
		_, files, err := generatePackage(s, models, dir)
		require.NoError(t, err)
		require.NoError(t, writeFiles(dir, files))
	}
	generate()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "synth_test.go"), []byte(synthTest), 0o644))

	cmd := exec.Command("go", "test", "-count=1", "./"+filepath.ToSlash(dir))
	cmd.Env = append(os.Environ(), "MEDIATRAIL_MODELS="+models)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)

	// Running again over the same directory changes nothing.
	before, err := os.ReadFile(filepath.Join(dir, "zz_generated_types.go"))
	require.NoError(t, err)
	generate()
	after, err := os.ReadFile(filepath.Join(dir, "zz_generated_types.go"))
	require.NoError(t, err)
	require.Equal(t, string(before), string(after))
	ops, err := os.ReadFile(filepath.Join(dir, "zz_generated_operations.go"))
	require.NoError(t, err)
	require.Contains(t, string(ops), "// Streams a thing.", "documentation from the model")
	require.Contains(t, string(ops), "StreamThingEvent is a StreamThing record")
}
