package cloudtrailtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/services" // registers every service package
)

// fixRegistered returns the operations that the service packages register,
// sorted as cloudtrail.Registry.Operations sorts them.
func fixRegistered(t *testing.T) []cloudtrail.Operation {
	t.Helper()
	var sources []string
	for _, s := range services.All {
		sources = append(sources, s.EventSources...)
	}
	var ops []cloudtrail.Operation
	for _, op := range cloudtrail.DefaultRegistry.Operations() {
		if slices.Contains(sources, op.EventSource) {
			ops = append(ops, op)
		}
	}
	require.NotEmpty(t, ops)
	return ops
}

// TestFixtureOperations checks that every registered operation of the
// service packages has a fixture, and nothing else does.
func TestFixtureOperations(t *testing.T) {
	ops := fixRegistered(t)
	require.Empty(t, cmp.Diff(ops, fixtureOperations()), "fixtures and registered operations differ: run go generate ./...")
	for _, op := range ops {
		_, _, ok := fixtureParts(op.EventSource, op.EventName)
		require.True(t, ok, "%s %s", op.EventSource, op.EventName)
	}

	// Event sources in other forms.
	req, _, ok := fixtureParts("aws.mediaconvert", "CreateJob")
	require.True(t, ok)
	require.NotEmpty(t, req)
	_, _, ok = fixtureParts(" MediaConvert.amazonaws.com ", "CreateJob")
	require.True(t, ok)
	_, _, ok = fixtureParts("mediaconvert.amazonaws.com", "NoSuchOperation")
	require.False(t, ok)
	_, _, ok = fixtureParts("s3.amazonaws.com", "GetObject")
	require.False(t, ok)

	// The results are copies.
	req[0] = 'x'
	again, _, _ := fixtureParts("mediaconvert.amazonaws.com", "CreateJob")
	require.Equal(t, byte('{'), again[0])
	list := fixtureOperations()
	list[0] = cloudtrail.Operation{}
	require.Equal(t, ops[0], fixtureOperations()[0])
}

// fixRecord makes a minimal record around a fixture.
func fixRecord(t *testing.T, op cloudtrail.Operation, request, response json.RawMessage) []byte {
	t.Helper()
	orNull := func(raw json.RawMessage) json.RawMessage {
		if raw == nil {
			return json.RawMessage("null")
		}
		return raw
	}
	var b bytes.Buffer
	b.WriteString(`{"eventVersion":"1.11","eventTime":"2024-05-01T10:00:00Z","eventSource":`)
	b.WriteString(strconv.Quote(op.EventSource))
	b.WriteString(`,"eventName":`)
	b.WriteString(strconv.Quote(op.EventName))
	b.WriteString(`,"requestParameters":`)
	b.Write(orNull(request))
	b.WriteString(`,"responseElements":`)
	b.Write(orNull(response))
	b.WriteString(`}`)
	return b.Bytes()
}

// fixJSONValue decodes JSON for comparison by value.
func fixJSONValue(t *testing.T, data []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	require.NoError(t, d.Decode(&v), "%s", data)
	return v
}

// TestFixturesDecode decodes the fixture of every registered operation
// strictly into its typed event: no field errors, no member the model does
// not have, every field populated, and the typed request and response
// encode back to the same JSON values.
func TestFixturesDecode(t *testing.T) {
	for _, op := range fixRegistered(t) {
		request, response, ok := fixtureParts(op.EventSource, op.EventName)
		require.True(t, ok, "%s %s", op.EventSource, op.EventName)
		name := op.EventSource + " " + op.EventName
		e, err := cloudtrail.Parse(fixRecord(t, op, request, response))
		require.NoError(t, err, name)
		require.Empty(t, e.EnvelopeErrors, name)
		v, err := cloudtrail.Decode(e)
		require.NoError(t, err, name)
		typed, ok := v.(cloudtrail.TypedEvent)
		require.True(t, ok, "%s: %T", name, v)
		require.Empty(t, typed.FieldErrors(), name)

		ev := reflect.ValueOf(v).Elem()
		for _, part := range []struct {
			field string
			raw   json.RawMessage
		}{{"Request", request}, {"Response", response}} {
			got := ev.FieldByName(part.field)
			if part.raw == nil {
				require.True(t, got.IsNil(), "%s: %s is not nil for null", name, part.field)
				continue
			}
			require.False(t, got.IsNil(), "%s: %s", name, part.field)
			out, err := json.Marshal(got.Interface())
			require.NoError(t, err, name)
			if diff := cmp.Diff(fixJSONValue(t, part.raw), fixJSONValue(t, out)); diff != "" {
				t.Fatalf("%s: %s encodes otherwise than the fixture (-fixture +encoded):\n%s", name, part.field, diff)
			}
			var problems []string
			fixPopulated(strings.ToLower(part.field[:1])+part.field[1:], got, nil, &problems)
			require.Empty(t, problems, "%s: members not populated", name)
		}
	}
}

var (
	fixRawMembersType = reflect.TypeFor[cloudtrail.RawMembers]()
	fixTimeType       = reflect.TypeFor[cloudtrail.Time]()
)

// fixElemType returns the structure or union type that a field type holds,
// through pointers, slices and maps.
func fixElemType(t reflect.Type) reflect.Type {
	for {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			t = t.Elem()
		default:
			return t
		}
	}
}

// fixPopulated appends to problems every value within v, at path, that is
// not set: nil pointers, empty lists and maps, nil or unknown union
// members, empty enums, zero times, and members kept as unknown. A field
// whose type is one being walked (a recursive shape) may be unset.
func fixPopulated(path string, v reflect.Value, walking []reflect.Type, problems *[]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			*problems = append(*problems, path+": nil")
			return
		}
		fixPopulated(path, v.Elem(), walking, problems)
	case reflect.Interface:
		if v.IsNil() {
			*problems = append(*problems, path+": no union member")
			return
		}
		m := v.Elem()
		if strings.HasSuffix(m.Type().String(), "UnknownUnionMember") {
			*problems = append(*problems, path+": unknown union member")
			return
		}
		fixPopulated(path, m.Elem().Field(0), append(walking, v.Type()), problems)
	case reflect.Slice:
		if v.Len() == 0 {
			*problems = append(*problems, path+": empty")
			return
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // a blob, or a document as raw JSON
		}
		for i := range v.Len() {
			fixPopulated(path+"["+strconv.Itoa(i)+"]", v.Index(i), walking, problems)
		}
	case reflect.Map:
		if v.Len() == 0 {
			*problems = append(*problems, path+": empty")
			return
		}
		for _, k := range v.MapKeys() {
			fixPopulated(path+"."+k.String(), v.MapIndex(k), walking, problems)
		}
	case reflect.String:
		if v.Len() == 0 {
			*problems = append(*problems, path+": empty")
		}
	case reflect.Struct:
		if v.Type() == fixTimeType {
			if v.Interface().(cloudtrail.Time).IsZero() {
				*problems = append(*problems, path+": zero time")
			}
			return
		}
		walking = append(walking, v.Type())
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			fv := v.Field(i)
			p := path + "." + f.Name
			if f.Type == fixRawMembersType {
				if fv.Len() > 0 {
					*problems = append(*problems, p+": members kept as unknown: "+fmtRawNames(fv))
				}
				continue
			}
			if fv.IsZero() && slices.Contains(walking, fixElemType(f.Type)) {
				continue // a recursive shape, left out
			}
			fixPopulated(p, fv, walking, problems)
		}
	}
}

func fmtRawNames(v reflect.Value) string {
	var names []string
	for _, m := range v.Interface().(cloudtrail.RawMembers) {
		names = append(names, m.Name)
	}
	return strings.Join(names, ", ")
}

// TestFixtureShapes spot-checks what the fixtures look like: keys as the
// typed packages encode them, realistic values, CloudTrail's time forms.
func TestFixtureShapes(t *testing.T) {
	req, resp, ok := fixtureParts("mediaconvert.amazonaws.com", "CreateJob")
	require.True(t, ok)
	var in struct {
		Role     string `json:"role"`
		Settings struct {
			Inputs []struct {
				FileInput string `json:"fileInput"`
			} `json:"inputs"`
		} `json:"settings"`
	}
	require.NoError(t, json.Unmarshal(req, &in))
	require.Equal(t, "arn:aws:iam::111122223333:role/MediaConvert_Default_Role", in.Role)
	require.NotEmpty(t, in.Settings.Inputs)
	require.True(t, strings.HasPrefix(in.Settings.Inputs[0].FileInput, "s3://amzn-s3-demo-bucket/"), in.Settings.Inputs[0].FileInput)
	var out struct {
		Job struct {
			CreatedAt json.Number `json:"createdAt"`
		} `json:"job"`
	}
	require.NoError(t, json.Unmarshal(resp, &out))
	_, err := out.Job.CreatedAt.Int64()
	require.NoError(t, err, "MediaConvert times are epoch seconds")

	// Streaming calls: registered under both event sources and their
	// WebSocket names, with the request's headers as members.
	for _, src := range []string{"transcribe.amazonaws.com", "transcribestreaming.amazonaws.com"} {
		for _, name := range []string{"StartStreamTranscription", "StartStreamTranscriptionWebSocket"} {
			req, resp, ok := fixtureParts(src, name)
			require.True(t, ok, "%s %s", src, name)
			require.Contains(t, string(req), `"languageCode":`)
			require.Contains(t, string(req), `"mediaSampleRateHertz":16000`)
			require.Contains(t, string(resp), `"sessionId":`)
		}
	}

	// Operations without input or output members log null.
	req, resp, ok = fixtureParts("mediatailor.amazonaws.com", "DeleteChannel")
	require.True(t, ok)
	require.NotNil(t, req)
	require.Nil(t, resp)
}

// TestExamples loads every example and reads its records, with
// cloudtrail.Lenient for the documentation examples that are not valid
// JSON; each is a copy of its file in testdata/.
func TestExamples(t *testing.T) {
	names := exampleNames()
	require.True(t, slices.IsSorted(names))
	for _, want := range []string{"mediaconvert/CreateJob-2024", "transcribe/StartStreamTranscription", "docs/mediaconvert-2024-createjob", "trails/media-sample"} {
		require.Contains(t, names, want)
	}
	root := filepath.Join("..", "..")
	records, err := filepath.Glob(filepath.Join(root, "testdata", "records", "*", "*.json"))
	require.NoError(t, err)
	var fromRecords int
	for _, name := range names {
		data, ok := exampleRecord(name)
		require.True(t, ok, name)
		require.NotEmpty(t, data, name)

		file := fixExampleFile(name)
		require.NotEmpty(t, file, name)
		if onDisk, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(file))); err == nil {
			require.True(t, bytes.Equal(onDisk, data), "%s differs from %s: run go generate ./...", name, file)
		}
		lenient := fixExampleLenient(name)
		require.Equal(t, strings.HasSuffix(file, ".txt"), lenient, name)

		var opts []cloudtrail.Option
		if lenient {
			opts = append(opts, cloudtrail.Lenient())
		}
		r := cloudtrail.NewReader(bytes.NewReader(data), opts...)
		var n int
		for {
			e, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			require.NoError(t, err, name)
			require.NotEmpty(t, e.EventName, name)
			n++
		}
		require.NoError(t, r.Err(), name)
		require.Positive(t, n, name)

		if !strings.Contains(name, "/") || strings.HasPrefix(name, "docs/") || strings.HasPrefix(name, "trails/") {
			continue
		}
		fromRecords++
		e, err := cloudtrail.Parse(data)
		require.NoError(t, err, name)
		require.Equal(t, strings.SplitN(strings.TrimPrefix(name, filepath.Base(filepath.Dir(file))+"/"), "-", 2)[0], e.EventName, name)
	}
	if len(records) > 0 { // in the repository
		require.Len(t, records, fromRecords, "every record of testdata/records is an example")
	}

	_, ok := exampleRecord("no/such-example")
	require.False(t, ok)
	// The results are copies.
	data, _ := exampleRecord(names[0])
	data[0] = 'x'
	again, _ := exampleRecord(names[0])
	require.NotEqual(t, byte('x'), again[0])
}

// TestFixPopulatedFinds checks the check of TestFixturesDecode: a member
// left out and a member the model does not have are found.
func TestFixPopulatedFinds(t *testing.T) {
	op := cloudtrail.Operation{EventSource: "mediaconvert.amazonaws.com", EventName: "CreateJob"}
	req, _, ok := fixtureParts(op.EventSource, op.EventName)
	require.True(t, ok)
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(req, &m))
	delete(m, "role")
	m["newMember2026"] = json.RawMessage(`1`)
	req, err := json.Marshal(m)
	require.NoError(t, err)
	e, err := cloudtrail.Parse(fixRecord(t, op, req, nil))
	require.NoError(t, err)
	v, err := cloudtrail.Decode(e)
	require.NoError(t, err)
	var problems []string
	fixPopulated("request", reflect.ValueOf(v).Elem().FieldByName("Request"), nil, &problems)
	require.Equal(t, []string{"request.Role: nil", "request.UnknownMembers: members kept as unknown: newMember2026"}, problems)
}
