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
	dir, err := defaultModels()
	require.NoError(t, err)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		t.Skipf("no Smithy models at %s (set MEDIATRAIL_MODELS): skipped", dir)
	}
	return dir
}

// TestOperationCounts checks the operations bound to each service, directly
// and through its resources.
func TestOperationCounts(t *testing.T) {
	dir := modelsDir(t)
	for _, tt := range []struct {
		service       string
		ops, viaRes   int
		source, proto string
	}{
		{"mediaconvert", 31, 0, "mediaconvert.amazonaws.com", "restJson1"},
		{"elastictranscoder", 17, 0, "elastictranscoder.amazonaws.com", "restJson1"},
		{"transcribe", 43, 0, "transcribe.amazonaws.com", "awsJson1_1"},
		{"mediatailor", 44, 39, "mediatailor.amazonaws.com", "restJson1"},
	} {
		m, err := loadModel(filepath.Join(dir, tt.service+".json"))
		require.NoError(t, err)
		_, svc, err := m.service()
		require.NoError(t, err)
		ops, err := m.operations(svc)
		require.NoError(t, err)
		require.Len(t, ops, tt.ops, tt.service)
		direct, err := m.operations(&shape{Operations: svc.Operations})
		require.NoError(t, err)
		require.Equal(t, tt.viaRes, len(ops)-len(direct), "%s: operations bound through resources", tt.service)

		p, err := newPlan(m, tt.service, tt.service+".json", &declared{names: map[string]bool{}})
		require.NoError(t, err)
		require.Equal(t, tt.source, p.source)
		require.Equal(t, tt.proto, p.protocol)
	}
}

var header = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.\n`)

// TestGeneratedFilesUpToDate regenerates every service package in memory:
// the output must be deterministic, gofmt'd, marked as generated, and equal
// to the files in the repository.
func TestGeneratedFilesUpToDate(t *testing.T) {
	dir := modelsDir(t)
	for _, service := range []string{"mediaconvert", "elastictranscoder", "transcribe", "mediatailor"} {
		pkgDir := filepath.Join("..", "..", service)
		first, err := generateService(service, dir, pkgDir)
		require.NoError(t, err)
		second, err := generateService(service, dir, pkgDir)
		require.NoError(t, err)
		require.Equal(t, first, second, "%s: output differs between runs", service)
		for name, src := range first {
			require.Regexp(t, header, string(src), name)
			formatted, err := format.Source(src)
			require.NoError(t, err)
			require.True(t, bytes.Equal(formatted, src), "%s/%s is not gofmt'd", service, name)
			onDisk, err := os.ReadFile(filepath.Join(pkgDir, name))
			require.NoError(t, err, "%s/%s: run go generate ./...", service, name)
			require.True(t, bytes.Equal(onDisk, src), "%s/%s is stale: run go generate ./...", service, name)
		}
	}
}

// synthModel exercises what the real models do not: nested resources and
// collection operations, Unit input and output, names that collide, a
// string with the enum trait, an intEnum, unions with scalar members, maps
// with enum keys, and the prelude's shapes.
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

// synthTest is compiled and run with the package generated from synthModel.
const synthTest = `package synth

import (
	"encoding/json"
	"testing"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

func TestSynth(t *testing.T) {
	ops := Operations()
	want := []string{"CreateThing", "DeleteChild", "GetThing", "ListThings", "Ping", "PutChild"}
	if len(ops) != len(want) {
		t.Fatalf("operations %v", ops)
	}
	for i := range want {
		if ops[i] != want[i] {
			t.Fatalf("operations %v", ops)
		}
		if _, ok := cloudtrail.DefaultRegistry.Lookup(EventSource, want[i]); !ok {
			t.Fatalf("%s is not registered", want[i])
		}
	}
	var _ ListOfThing_ = []Thing{}
	var _ ListOfThing = []Thing{}
	var _ *Operations_ = new(GetThingEvent).Request
	var _ *PingRequest = new(PingEvent).Request
	var _ *PingResponse = new(PingEvent).Response
	var _ *DeleteChildResponse = new(DeleteChildEvent).Response
	if ColorRed != "red" || ColorLightBlue != "light-blue" || LevelLow != 1 || LevelHigh != 10 {
		t.Fatal("enum constants")
	}
	if len(Color("").Values()) != 2 || len(Level(0).Values()) != 2 {
		t.Fatal("Values")
	}

	e := &cloudtrail.Event{EventSource: EventSource, EventName: "CreateThing",
		RequestParameters: json.RawMessage(` + "`" + `{"thing":{"NAME":"a","name2":"b","bar":"true","getBar":"7","unknownMembers":"u","marshalJSON":"m",
			"color":"red","level":10,"choice":{"Level":1},"choices":[{"Text":"x"},{"Thing":{"name":"c"}},{"Other":[1]}],
			"byColor":{"red":[[1,2],[3]]},"when":1510714652,"data":"aGk=","doc":{"any":[true]},"ratio":0.5,"big":1e400,
			"child":{"name":"d"},"extra":1},"count":"3"}` + "`" + `)}
	ev, err := DecodeCreateThing(e)
	if err != nil || len(ev.Errors) != 0 {
		t.Fatal(err, ev.Errors)
	}
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
	const enc = ` + "`" + `{"Count":3,"thing":{"Bar":true,"Big":1e400,"ByColor":{"red":[[1,2],[3]]},"Child":{"name":"d"},"Choice":{"Level":1},` +
	`"Choices":[{"Text":"x"},{"Thing":{"name":"c"}},{"Other":[1]}],"Color":"red","Data":"aGk=","Doc":{"any":[true]},"GetBar":7,"Level":10,` +
	`"MarshalJSON":"m","name":"a","Ratio":0.5,"UnknownMembers":"u","When":1510714652,"name2":"b","extra":1}}` + "`" + `
	if string(out) != enc {
		t.Fatalf("encoded\n%s\nwant\n%s", out, enc)
	}
}
`

// TestSynthModel generates a package from synthModel into a temporary
// directory of the module and runs synthTest with it.
func TestSynthModel(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles a package")
	}
	models := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(models, "synth.json"), []byte(synthModel), 0o644))
	// The package must be inside the module to import its packages; under
	// testdata, go test ./... does not see it.
	require.NoError(t, os.MkdirAll("testdata", 0o755))
	pkg, err := os.MkdirTemp("testdata", "synth-")
	require.NoError(t, err)
	t.Cleanup(func() {
		os.RemoveAll(pkg)
		os.Remove("testdata") // only when empty
	})
	// The package is named after the model; a copy keeps the name synth.
	pkg2 := filepath.Join(pkg, "synth")
	require.NoError(t, os.Mkdir(pkg2, 0o755))
	require.NoError(t, run("synth", models, pkg2))
	require.NoError(t, os.WriteFile(filepath.Join(pkg2, "synth_test.go"), []byte(synthTest), 0o644))

	cmd := exec.Command("go", "test", "-count=1", "./"+filepath.ToSlash(pkg2))
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)

	// Running again over the same directory changes nothing.
	before, err := os.ReadFile(filepath.Join(pkg2, "zz_generated_types.go"))
	require.NoError(t, err)
	require.NoError(t, run("synth", models, pkg2))
	after, err := os.ReadFile(filepath.Join(pkg2, "zz_generated_types.go"))
	require.NoError(t, err)
	require.Equal(t, string(before), string(after))
	require.True(t, strings.Contains(string(before), "type ListOfThing_ = []Thing"), "collision of __listOfThing and ListOfThing")
}
