package cloudtrail_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/elastictranscoder"
	"github.com/mediatrail/mediatrail/internal/jsonscan"
	"github.com/mediatrail/mediatrail/mediaconvert"
	"github.com/mediatrail/mediatrail/mediatailor"
	"github.com/mediatrail/mediatrail/transcribe"
)

// raw is a json.RawMessage of s, for the changes the tests want.
func raw(s string) json.RawMessage { return json.RawMessage(s) }

func filled(path, returned string) cloudtrail.Change {
	return cloudtrail.Change{Path: path, Kind: cloudtrail.ChangeFilled, Returned: raw(returned)}
}

func changed(path, requested, returned string) cloudtrail.Change {
	return cloudtrail.Change{Path: path, Kind: cloudtrail.ChangeChanged, Requested: raw(requested), Returned: raw(returned)}
}

func dropped(path, requested string) cloudtrail.Change {
	return cloudtrail.Change{Path: path, Kind: cloudtrail.ChangeDropped, Requested: raw(requested)}
}

// redacted is a ChangeRedacted; an empty side is absent.
func redacted(path, requested, returned string) cloudtrail.Change {
	c := cloudtrail.Change{Path: path, Kind: cloudtrail.ChangeRedacted}
	if requested != "" {
		c.Requested = raw(requested)
	}
	if returned != "" {
		c.Returned = raw(returned)
	}
	return c
}

func TestChanges(t *testing.T) {
	// bigObject is an object of n members "m0" to "m(n-1)", past the size
	// at which members are looked up in maps, with the names cased by
	// caseOf and the values given by valueOf.
	bigObject := func(n int, caseOf func(string) string, valueOf func(int) string) string {
		var b strings.Builder
		b.WriteByte('{')
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%q:%s", caseOf(fmt.Sprintf("m%d", i)), valueOf(i))
		}
		b.WriteByte('}')
		return b.String()
	}
	same := func(s string) string { return s }

	tests := []struct {
		name                string
		requested, returned string
		want                []cloudtrail.Change
	}{
		{"equal", `{"a":1,"b":[true,null,"x"]}`, `{"b":[true,null,"x"],"a":1}`, nil},
		{"white space and member order aside", "{\n  \"a\": {\"x\": 1, \"y\": 2}\n}", `{"a":{"y":2,"x":1}}`, nil},
		{"filled", `{"a":1}`, `{"a":1,"b":"x"}`, []cloudtrail.Change{filled("b", `"x"`)}},
		{"filled object whole", `{"a":{}}`, `{"a":{"b":{"c":1}}}`, []cloudtrail.Change{filled("a.b", `{"c":1}`)}},
		{"changed", `{"a":1,"b":"x"}`, `{"a":2,"b":"y"}`, []cloudtrail.Change{changed("a", `1`, `2`), changed("b", `"x"`, `"y"`)}},
		{"changed type", `{"a":{"b":1},"c":"1"}`, `{"a":[1],"c":1}`, []cloudtrail.Change{changed("a", `{"b":1}`, `[1]`), changed("c", `"1"`, `1`)}},
		{"dropped", `{"a":1,"b":2}`, `{"a":1}`, []cloudtrail.Change{dropped("b", `2`)}},
		{"order: returned members, then dropped ones",
			`{"d1":1,"x":1,"d2":2,"y":1}`, `{"y":2,"f":0,"x":2}`,
			[]cloudtrail.Change{changed("y", `1`, `2`), filled("f", `0`), changed("x", `1`, `2`), dropped("d1", `1`), dropped("d2", `2`)}},
		{"90 and 90.0 are equal", `{"gopSize":90,"b":1.5e3,"c":-0}`, `{"gopSize":90.0,"b":1500,"c":0}`, nil},
		{"90 and 90.5 are not", `{"gopSize":90}`, `{"gopSize":90.5}`, []cloudtrail.Change{changed("gopSize", `90`, `90.5`)}},
		{"strings by content", `{"a":"caf\u00e9"}`, `{"a":"café"}`, nil},
		{"key case: the returned side's spelling", `{"GopSize":90,"Name":"a"}`, `{"gopSize":90.0,"name":"b","Extra":1}`,
			[]cloudtrail.Change{changed("name", `"a"`, `"b"`), filled("Extra", `1`)}},
		{"key case: a dropped member as requested", `{"OldKey":1,"keep":2}`, `{"KEEP":2}`, []cloudtrail.Change{dropped("OldKey", `1`)}},
		{"key case: an exact match first", `{"tags":1,"Tags":2}`, `{"Tags":2}`, []cloudtrail.Change{dropped("tags", `1`)}},
		{"of a name given twice, the first counts", `{"a":1,"a":2}`, `{"a":1,"a":3}`, nil},
		{"array longer", `{"a":[1,2]}`, `{"a":[1,2,3,{"x":1}]}`, []cloudtrail.Change{filled("a[2]", `3`), filled("a[3]", `{"x":1}`)}},
		{"array shorter", `{"a":[1,2,3]}`, `{"a":[1]}`, []cloudtrail.Change{dropped("a[1]", `2`), dropped("a[2]", `3`)}},
		{"array emptied", `{"a":[1]}`, `{"a":[]}`, []cloudtrail.Change{dropped("a[0]", `1`)}},
		{"arrays at the top", `[1,{"a":1}]`, `[1,{"a":2},3]`, []cloudtrail.Change{changed("[1].a", `1`, `2`), filled("[2]", `3`)}},
		{"nested", `{"settings":{"outputGroups":[{"outputs":[{"videoDescription":{"width":1920}}]}]}}`,
			`{"settings":{"outputGroups":[{"outputs":[{"videoDescription":{"width":1920,"scalingBehavior":"DEFAULT"}}]}]}}`,
			[]cloudtrail.Change{filled("settings.outputGroups[0].outputs[0].videoDescription.scalingBehavior", `"DEFAULT"`)}},
		{"null is absent", `{"a":null,"b":1,"c":null}`, `{"a":1,"b":null,"c":null}`, []cloudtrail.Change{filled("a", `1`), dropped("b", `1`)}},
		{"null in arrays", `[null,1]`, `[1,null]`, []cloudtrail.Change{filled("[0]", `1`), dropped("[1]", `1`)}},
		{"names that need quoting", `{"a.b":1,"":1,"[0]":1,"Audio Selector 1":{"x":1}}`, `{"a.b":2,"":2,"[0]":2,"Audio Selector 1":{"x":2}}`,
			[]cloudtrail.Change{changed(`["a.b"]`, `1`, `2`), changed(`[""]`, `1`, `2`), changed(`["[0]"]`, `1`, `2`), changed("Audio Selector 1.x", `1`, `2`)}},
		{"escaped names", `{"caf\u00e9":1}`, `{"café":2}`, []cloudtrail.Change{changed("café", `1`, `2`)}},
		{"values as written", "{\"a\":[ 1 ,\n 2 ]}", "{\"a\":[1, 3 ], \"b\": { \"c\" : 1 } }", []cloudtrail.Change{changed("a[1]", `2`, `3`), filled("b", `{ "c" : 1 }`)}},
		{"redacted on one side", `{"a":"***","b":"x"}`, `{"a":"secret","b":"HIDDEN_DUE_TO_SECURITY_REASONS"}`,
			[]cloudtrail.Change{redacted("a", `"***"`, `"secret"`), redacted("b", `"x"`, `"HIDDEN_DUE_TO_SECURITY_REASONS"`)}},
		{"redacted on both sides, equal or not", `{"a":"***","b":"***"}`, `{"a":"***","b":"HIDDEN_DUE_TO_SECURITY_REASONS"}`,
			[]cloudtrail.Change{redacted("a", `"***"`, `"***"`), redacted("b", `"***"`, `"HIDDEN_DUE_TO_SECURITY_REASONS"`)}},
		{"redacted in place of an object", `{"encryption":"***"}`, `{"encryption":{"type":"SPEKE"}}`,
			[]cloudtrail.Change{redacted("encryption", `"***"`, `{"type":"SPEKE"}`)}},
		{"redacted on one side only: neither filled nor dropped", `{"a":"\u002a\u002a\u002a\u002a"}`, `{"b":"***"}`,
			[]cloudtrail.Change{redacted("b", ``, `"***"`), redacted("a", `"\u002a\u002a\u002a\u002a"`, ``)}},
		{"no redactions", `{"a":"**","b":"*"}`, `{"a":"x","b":"y"}`, []cloudtrail.Change{changed("a", `"**"`, `"x"`), changed("b", `"*"`, `"y"`)}},
		{"scalars at the top", `1`, `2`, []cloudtrail.Change{changed(".", `1`, `2`)}},
		{"scalars at the top, equal", ` 90 `, "90.0\n", nil},
		{"nothing requested", ``, ` {"a":1} `, []cloudtrail.Change{filled(".", `{"a":1}`)}},
		{"nothing returned", `{"a":1}`, `null`, []cloudtrail.Change{dropped(".", `{"a":1}`)}},
		{"nothing on either side", "  ", `null`, nil},
		{"redacted at the top", `"HIDDEN_DUE_TO_SECURITY_REASONS"`, `{"a":1}`, []cloudtrail.Change{redacted(".", `"HIDDEN_DUE_TO_SECURITY_REASONS"`, `{"a":1}`)}},
		{"invalid JSON: one change, byte for byte", `{"a":1,"b":2}`, `{"a":`, []cloudtrail.Change{changed(".", `{"a":1,"b":2}`, `{"a":`)}},
		{"invalid JSON on both sides, the same", `{"a":1,}`, ` {"a":1,}`, nil},
		{"invalid JSON, nothing returned", `[1,2`, ``, []cloudtrail.Change{dropped(".", `[1,2`)}},
		{"big objects", bigObject(40, same, func(i int) string { return "1" }), bigObject(41, strings.ToUpper, func(i int) string { return fmt.Sprint(i % 2) }),
			func() []cloudtrail.Change {
				var want []cloudtrail.Change
				for i := 0; i < 40; i += 2 {
					want = append(want, changed(fmt.Sprintf("M%d", i), `1`, `0`))
				}
				return append(want, filled("M40", `0`))
			}()},
		{"big objects, dropped and given twice",
			`{"m3":7,` + bigObject(20, same, func(int) string { return "1" })[1:],
			`{"m0":1,"M0":1,"m3":7,"m3":1}`,
			func() []cloudtrail.Change {
				// "m0" matches "m0", and "M0" no other member; the
				// second "m3" of the request is a later one of a name
				// given twice, as is the second of the response.
				want := []cloudtrail.Change{filled("M0", `1`)}
				for i := 1; i < 20; i++ {
					if i != 3 {
						want = append(want, dropped(fmt.Sprintf("m%d", i), `1`))
					}
				}
				return want
			}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cloudtrail.Changes(raw(tt.requested), raw(tt.returned))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Changes(%s, %s) (-want +got):\n%s", tt.requested, tt.returned, diff)
			}
			checkChanges(t, got)
		})
	}
}

// checkChanges checks what holds of every list of changes.
func checkChanges(t *testing.T, changes []cloudtrail.Change) {
	t.Helper()
	for _, c := range changes {
		require.NotEmpty(t, c.Path, "%+v", c)
		switch c.Kind {
		case cloudtrail.ChangeFilled:
			require.Nil(t, c.Requested, "%+v", c)
			require.NotNil(t, c.Returned, "%+v", c)
		case cloudtrail.ChangeDropped:
			require.NotNil(t, c.Requested, "%+v", c)
			require.Nil(t, c.Returned, "%+v", c)
		case cloudtrail.ChangeChanged:
			require.NotNil(t, c.Requested, "%+v", c)
			require.NotNil(t, c.Returned, "%+v", c)
		case cloudtrail.ChangeRedacted:
			require.False(t, c.Requested == nil && c.Returned == nil, "%+v", c)
		default:
			t.Fatalf("change of no kind: %+v", c)
		}
	}
}

// TestChangesSharesMemory checks that the values of the changes are the
// input's, and that appending to one does not write into the input.
func TestChangesSharesMemory(t *testing.T) {
	req, ret := []byte(`{"a":1,"b":2}`), []byte(`{"a":3,"b":2}`)
	got := cloudtrail.Changes(req, ret)
	require.Len(t, got, 1)
	_ = append(got[0].Returned, 'x')
	require.Equal(t, `{"a":3,"b":2}`, string(ret))
}

func TestChangesDeepNesting(t *testing.T) {
	const depth = 100_000
	nest := func(open, close, inner string) string {
		return strings.Repeat(open, depth) + inner + strings.Repeat(close, depth)
	}
	start := time.Now()

	// Equal, however deep.
	deep := nest(`[`, `]`, `1`)
	require.Empty(t, cloudtrail.Changes(raw(deep), raw(deep)))

	// Different at the bottom: compared whole below the bound, as one
	// change that names where.
	for _, tt := range []struct{ open, close, elem string }{{`[`, `]`, `[0]`}, {`{"a":`, `}`, `a`}} {
		req, ret := nest(tt.open, tt.close, `1`), nest(tt.open, tt.close, `2`)
		got := cloudtrail.Changes(raw(req), raw(ret))
		require.Len(t, got, 1)
		c := got[0]
		require.Equal(t, cloudtrail.ChangeChanged, c.Kind)
		require.True(t, strings.HasPrefix(c.Path, tt.elem), c.Path[:min(len(c.Path), 40)])
		require.Less(t, len(c.Path), 1000, "compared whole below a bounded depth")
		require.True(t, strings.Contains(req, string(c.Requested)))
		require.True(t, strings.Contains(ret, string(c.Returned)))
	}

	// Deep on one side only, and unbalanced (invalid): one change.
	require.Equal(t, []cloudtrail.Change{changed("a", `1`, deep)}, cloudtrail.Changes(raw(`{"a":1}`), raw(`{"a":`+deep+`}`)))
	got := cloudtrail.Changes(raw(deep), raw(strings.Repeat(`[`, depth)))
	require.Len(t, got, 1)
	require.Equal(t, ".", got[0].Path)

	require.Less(t, time.Since(start), 20*time.Second)
}

// parseRecord returns the event of a file of testdata/records, by its
// name, such as "mediaconvert/CreateJob-2024".
func parseRecord(t testing.TB, name string) *cloudtrail.Event {
	t.Helper()
	e, err := cloudtrail.Parse(readTestdata(t, "records/"+name+".json"))
	require.NoError(t, err)
	return e
}

// changesByPath returns the service changes of e, which must have some,
// by path, and checks that no path is given twice.
func changesByPath(t *testing.T, e *cloudtrail.Event) map[string]cloudtrail.Change {
	t.Helper()
	changes, ok := e.ServiceChanges()
	require.True(t, ok)
	checkChanges(t, changes)
	m := make(map[string]cloudtrail.Change, len(changes))
	for _, c := range changes {
		require.NotContains(t, m, c.Path, "path given twice")
		m[c.Path] = c
	}
	return m
}

func TestServiceChangesMediaConvertCreateJob(t *testing.T) {
	e := parseRecord(t, "mediaconvert/CreateJob-2024")
	got := changesByPath(t, e)

	const output = "settings.outputGroups[0].outputs[0]."
	for path, value := range map[string]string{
		output + "containerSettings.mp4Settings.cslgAtom":                      `"INCLUDE"`,
		output + "containerSettings.mp4Settings.moovPlacement":                 `"PROGRESSIVE_DOWNLOAD"`,
		output + "videoDescription.scalingBehavior":                            `"DEFAULT"`,
		output + "videoDescription.sharpness":                                  `50`,
		output + "videoDescription.codecSettings.h264Settings.gopSize":         `90`,
		output + "videoDescription.codecSettings.h264Settings.codecProfile":    `"MAIN"`,
		output + "audioDescriptions[0].codecSettings.aacSettings.codecProfile": `"LC"`,
		"settings.inputs[0].audioSelectors.Audio Selector 1.offset":            `0`,
		"settings.inputs[0].videoSelector.colorSpace":                          `"FOLLOW"`,
		"settings.inputs[0].inputScanType":                                     `"AUTO"`,
	} {
		if diff := cmp.Diff(filled(path, value), got[path]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", path, diff)
		}
	}
	// The example's two client request tokens differ (as published).
	if diff := cmp.Diff(changed("clientRequestToken", `"1712252705233-zyxwvut"`, `"1712252705233-abcDEF"`), got["clientRequestToken"]); diff != "" {
		t.Errorf("clientRequestToken (-want +got):\n%s", diff)
	}
	// What was requested and returned alike is no change, nor is what the
	// job has beside the request.
	for _, path := range []string{
		output + "videoDescription.width", output + "videoDescription.codecSettings.h264Settings.maxBitrate",
		output + "videoDescription.codecSettings.h264Settings.rateControlMode", output + "containerSettings.mp4Settings",
		"settings.inputs[0].audioSelectors.Audio Selector 1.defaultSelection", "role", "queue", "priority",
		"id", "arn", "status", "timing", "createdAt", "accelerationStatus", "messages",
	} {
		require.NotContains(t, got, path)
	}
	require.Len(t, got, 60)
	for path, c := range got {
		if path != "clientRequestToken" {
			require.Equal(t, cloudtrail.ChangeFilled, c.Kind, path)
			require.True(t, strings.HasPrefix(path, "settings."), path)
		}
	}
}

// TestServiceChangesMediaConvert2017 is the documentation's record: gopSize
// 90 in the request and 90.0 in the response, the encryption redacted on
// both sides, and a destination bucket that the example renamed on one
// side only.
func TestServiceChangesMediaConvert2017(t *testing.T) {
	changes, ok := parseRecord(t, "mediaconvert/CreateJob-2017").ServiceChanges()
	require.True(t, ok)
	const group = "settings.outputGroups[0].outputGroupSettings.dashIsoGroupSettings."
	want := []cloudtrail.Change{
		changed(group+"destination", `"s3://testuser-testuser/clip01.mp4"`, `"s3://mediaconvert-testuser/clip01.mp4"`),
		redacted(group+"encryption", `"***"`, `"***"`),
	}
	if diff := cmp.Diff(want, changes); diff != "" {
		t.Errorf("ServiceChanges (-want +got):\n%s", diff)
	}
}

func TestServiceChangesRecords(t *testing.T) {
	tests := []struct {
		record string
		want   []cloudtrail.Change
	}{
		// The job as requested, with its status and creation time beside.
		{"transcribe/StartTranscriptionJob", nil},
		{"transcribe/StartCallAnalyticsJob", nil},
		// The KMS key id is redacted, and not echoed: no change.
		{"transcribe/StartMedicalTranscriptionJob", nil},
		// The phrases are redacted, and not echoed.
		{"transcribe/CreateVocabulary", nil},
		// The three members requested come back as they were; the
		// endpoints and configurations beside them are not compared.
		{"mediatailor/PutPlaybackConfiguration", nil},
		{"mediatailor/CreateChannel", []cloudtrail.Change{
			filled("Outputs[0].PlaybackUrl", `"https://abcdef0123456789.channel-assembly.mediatailor.us-west-2.amazonaws.com/v1/channel/news-247/index.m3u8"`),
			filled("Outputs[1].PlaybackUrl", `"https://abcdef0123456789.channel-assembly.mediatailor.us-west-2.amazonaws.com/v1/channel/news-247/index.mpd"`),
		}},
		{"mediatailor/CreateSourceLocation", []cloudtrail.Change{
			redacted("AccessConfiguration.SecretsManagerAccessTokenConfiguration.SecretStringKey", `"***"`, `"***"`),
		}},
		{"elastictranscoder/CreateJob", []cloudtrail.Change{
			filled("output.watermarks", `[]`), filled("output.id", `"1"`), filled("output.status", `"Submitted"`),
		}},
		{"elastictranscoder/CreatePipeline", []cloudtrail.Change{
			filled("contentConfig.permissions", `[]`), filled("thumbnailConfig.permissions", `[]`),
		}},
		{"elastictranscoder/UpdatePipelineStatus", nil},
		// The documentation's example returns an empty description.
		{"mediaconvert/CreateQueue", []cloudtrail.Change{changed("description", `"Example queue description."`, `""`)}},
		{"mediaconvert/UpdateJobTemplate", nil},
	}
	for _, tt := range tests {
		t.Run(tt.record, func(t *testing.T) {
			changes, ok := parseRecord(t, tt.record).ServiceChanges()
			require.True(t, ok)
			if diff := cmp.Diff(tt.want, changes); diff != "" {
				t.Errorf("ServiceChanges (-want +got):\n%s", diff)
			}
		})
	}
}

// TestServiceChangesEveryRecord checks the echoes that the service
// packages declare against every record of testdata: each record of an
// operation with an echo that did not fail has one, and each change is
// inside a member of the request.
func TestServiceChangesEveryRecord(t *testing.T) {
	withEcho := map[string]bool{}
	for _, file := range testdataFiles(t, "records", ".json") {
		e, err := cloudtrail.Parse(readTestdata(t, file))
		require.NoError(t, err)
		changes, ok := e.ServiceChanges()
		_, declared := cloudtrail.EchoMember(e.EventSource, e.EventName)
		if !declared || e.Failed() {
			require.False(t, ok, file)
			require.Nil(t, changes, file)
			continue
		}
		withEcho[file] = true
		require.True(t, ok, "%s has no echo where its service declares one", file)
		checkChanges(t, changes)
		for _, c := range changes {
			first, _, _ := strings.Cut(strings.SplitN(c.Path, "[", 2)[0], ".")
			require.True(t, e.RequestParameter(first).Exists(), "%s: %s is outside the request", file, c.Path)
		}
	}
	require.GreaterOrEqual(t, len(withEcho), 29)
}

func TestServiceChangesNone(t *testing.T) {
	const job = `"eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob"`
	tests := []struct {
		name   string
		record string
	}{
		{"failed call", `{` + job + `,"errorCode":"BadRequestException","requestParameters":{"role":"r"},"responseElements":{"job":{"role":"s"}}}`},
		{"no request", `{` + job + `,"responseElements":{"job":{"role":"s"}}}`},
		{"no response", `{` + job + `,"requestParameters":{"role":"r"},"responseElements":null}`},
		{"no echo in the response", `{` + job + `,"requestParameters":{"role":"r"},"responseElements":{}}`},
		{"a null echo", `{` + job + `,"requestParameters":{"role":"r"},"responseElements":{"job":null}}`},
		{"a response that is no object", `{` + job + `,"requestParameters":{"role":"r"},"responseElements":[{"job":{}}]}`},
		{"an operation without echo", `{"eventSource":"mediaconvert.amazonaws.com","eventName":"GetJob","requestParameters":{"id":"1"},"responseElements":{"job":{"id":"1"}}}`},
		{"an unknown service", `{"eventSource":"s3.amazonaws.com","eventName":"CreateJob","requestParameters":{"role":"r"},"responseElements":{"job":{"role":"s"}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			changes, ok := mustParse(t, tt.record).ServiceChanges()
			require.False(t, ok)
			require.Nil(t, changes)
		})
	}
	changes, ok := parseRecord(t, "transcribe/StartTranscriptionJob-Conflict").ServiceChanges()
	require.False(t, ok)
	require.Nil(t, changes)

	var nilEvent *cloudtrail.Event
	_, ok = nilEvent.ServiceChanges()
	require.False(t, ok)

	// Invalid JSON, in an Event made in code.
	_, ok = (&cloudtrail.Event{EventSource: mediaconvert.EventSource, EventName: "CreateJob",
		RequestParameters: raw(`{"role":`), ResponseElements: raw(`{"job":{}}`)}).ServiceChanges()
	require.False(t, ok)
}

func TestServiceChangesTop(t *testing.T) {
	const job = `"eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob"`
	tests := []struct {
		name   string
		record string
		want   []cloudtrail.Change
	}{
		{"only the members the request has, in the echo's order",
			`{` + job + `,"requestParameters":{"tags":{"a":"b"},"role":"r","settings":{"a":1}},` +
				`"responseElements":{"job":{"id":"1","settings":{"a":1,"b":2},"role":"s","status":"SUBMITTED"}}}`,
			[]cloudtrail.Change{filled("settings.b", `2`), changed("role", `"r"`, `"s"`)}},
		{"the echo member and the top members without regard to case",
			`{` + job + `,"requestParameters":{"Role":"r"},"responseElements":{"Job":{"role":"s"}}}`,
			[]cloudtrail.Change{changed("role", `"r"`, `"s"`)}},
		{"a request redacted whole",
			`{` + job + `,"requestParameters":"HIDDEN_DUE_TO_SECURITY_REASONS","responseElements":{"job":{"role":"s"}}}`,
			[]cloudtrail.Change{redacted(".", `"HIDDEN_DUE_TO_SECURITY_REASONS"`, `{"role":"s"}`)}},
		{"a response redacted whole",
			`{` + job + `,"requestParameters":{"role":"r"},"responseElements":"***"}`,
			[]cloudtrail.Change{redacted(".", `{"role":"r"}`, `"***"`)}},
		{"an echo redacted whole",
			`{` + job + `,"requestParameters":{"role":"r"},"responseElements":{"job":"***"}}`,
			[]cloudtrail.Change{redacted(".", `{"role":"r"}`, `"***"`)}},
		{"the whole response echoes",
			`{"eventSource":"mediatailor.amazonaws.com","eventName":"PutPlaybackConfiguration","requestParameters":{"Name":"n","DashConfiguration":{"MpdLocation":"DISABLED"}},` +
				`"responseElements":{"Name":"n","DashConfiguration":{"MpdLocation":"EMT_DEFAULT","OriginManifestType":"MULTI_PERIOD"}}}`,
			[]cloudtrail.Change{changed("DashConfiguration.MpdLocation", `"DISABLED"`, `"EMT_DEFAULT"`), filled("DashConfiguration.OriginManifestType", `"MULTI_PERIOD"`)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			changes, ok := mustParse(t, tt.record).ServiceChanges()
			require.True(t, ok)
			if diff := cmp.Diff(tt.want, changes); diff != "" {
				t.Errorf("ServiceChanges (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRegisterEcho(t *testing.T) {
	for _, tt := range []struct{ source, name, member string }{
		{mediaconvert.EventSource, "CreateJob", "job"},
		{"aws.mediaconvert", "UpdatePreset", "preset"},
		{transcribe.EventSource, "StartMedicalScribeJob", "medicalScribeJob"},
		{transcribe.StreamingEventSource, "StartStreamTranscriptionWebSocket", ""},
		{mediatailor.EventSource, "CreateSourceLocation", ""},
		{elastictranscoder.EventSource, "CreatePreset", "preset"},
	} {
		member, ok := cloudtrail.EchoMember(tt.source, tt.name)
		require.True(t, ok, "%s %s", tt.source, tt.name)
		require.Equal(t, tt.member, member, "%s %s", tt.source, tt.name)
	}
	_, ok := cloudtrail.EchoMember(mediaconvert.EventSource, "GetJob")
	require.False(t, ok)

	const source = "changes-test.mediatrail.example.com"
	cloudtrail.RegisterEcho("aws.changes-test", "Make", "thing")
	member, ok := cloudtrail.EchoMember("changes-test.amazonaws.com", "Make")
	require.True(t, ok)
	require.Equal(t, "thing", member)
	require.Panics(t, func() { cloudtrail.RegisterEcho("changes-test.amazonaws.com", "Make", "thing") })

	cloudtrail.RegisterEcho(source, "Put", "")
	changes, ok := mustParse(t, `{"eventSource":"`+source+`","eventName":"Put","requestParameters":{"a":[1]},"responseElements":{"a":[1,2],"b":3}}`).ServiceChanges()
	require.True(t, ok)
	if diff := cmp.Diff([]cloudtrail.Change{filled("a[1]", `2`)}, changes); diff != "" {
		t.Errorf("ServiceChanges (-want +got):\n%s", diff)
	}
}

// FuzzChanges checks that Changes never panics, that every change has a
// path and a kind, and that a value compared with itself has no changes.
func FuzzChanges(f *testing.F) {
	// Parts of records, small enough for the fuzzer to minimize what it
	// finds quickly.
	for _, seed := range []struct{ record, requested, returned string }{
		{"mediaconvert/CreateJob-2024", "settings.outputGroups.0.outputs.0.containerSettings", "job.settings.outputGroups.0.outputs.0.containerSettings"},
		{"mediaconvert/CreateJob-2024", "settings.inputs", "job.settings.inputs"},
		{"mediaconvert/CreateJob-2017", "settings.outputGroups.0.outputGroupSettings", "job.settings.outputGroups.0.outputGroupSettings"},
		{"mediatailor/CreateSourceLocation", "AccessConfiguration", "AccessConfiguration"},
		{"elastictranscoder/CreateJob", "output", "job.output"},
	} {
		e := parseRecord(f, seed.record)
		f.Add([]byte(e.RequestParameter(seed.requested).Raw), []byte(e.ResponseElement(seed.returned).Raw))
	}
	for _, s := range [][2]string{
		{`{"a":1}`, `{"A":1.0,"b":[1,2]}`}, {`[1,2,3]`, `[1]`}, {`"***"`, `{"a":"HIDDEN_DUE_TO_SECURITY_REASONS"}`},
		{``, `null`}, {`{"a":`, `{"a":1}`}, {`{"a":1,"a":2,"A":3}`, `{"a":{"":[]}}`}, {`{"\u0041":1}`, `{"a":2}`},
		{`[[[[[[1]]]]]]`, `[[[[[[2]]]]]]`}, {`1e400`, `10e399`},
	} {
		f.Add([]byte(s[0]), []byte(s[1]))
	}
	f.Fuzz(func(t *testing.T, requested, returned []byte) {
		req, ret := bytes.Clone(requested), bytes.Clone(returned)
		changes := cloudtrail.Changes(requested, returned)
		require.Equal(t, req, requested, "Changes modified its input")
		require.Equal(t, ret, returned, "Changes modified its input")
		checkChanges(t, changes)
		valid := jsonscan.Valid(requested) && jsonscan.Valid(returned)
		if !valid {
			require.LessOrEqual(t, len(changes), 1, "invalid JSON gives one change at most")
		}
		for _, c := range changes {
			if !valid {
				require.Equal(t, ".", c.Path)
			}
			// (Objects and arrays deep enough to be compared by their
			// text may be equal by value.)
			deep := len(c.Requested) > 0 && len(c.Returned) > 0 && c.Requested[0] == c.Returned[0] &&
				(c.Requested[0] == '{' || c.Requested[0] == '[')
			if c.Kind == cloudtrail.ChangeChanged && !deep {
				require.False(t, jsonscan.Equal(c.Requested, c.Returned), "%+v", c)
			}
		}
		for _, v := range [][]byte{requested, returned} {
			if self := cloudtrail.Changes(v, v); len(self) > 0 {
				for _, c := range self {
					require.Equal(t, cloudtrail.ChangeRedacted, c.Kind, "a value differs from itself: %+v", c)
				}
			}
		}
	})
}
