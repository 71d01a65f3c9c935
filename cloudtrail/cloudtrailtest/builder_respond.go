package cloudtrailtest

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// responders write the responses the kit knows, from the request; keyed
// by event source and event name.
var responders = map[cloudtrail.Operation]func(b *builder, req *jsonObject) *jsonObject{
	{EventSource: "mediaconvert.amazonaws.com", EventName: "CreateJob"}:                  (*builder).mediaConvertJob,
	{EventSource: "elastictranscoder.amazonaws.com", EventName: "CreateJob"}:             (*builder).transcoderJob,
	{EventSource: "transcribe.amazonaws.com", EventName: "StartTranscriptionJob"}:        transcribeJob("transcriptionJob", "transcriptionJobName", "transcriptionJobStatus"),
	{EventSource: "transcribe.amazonaws.com", EventName: "StartMedicalTranscriptionJob"}: transcribeJob("medicalTranscriptionJob", "medicalTranscriptionJobName", "transcriptionJobStatus"),
	{EventSource: "transcribe.amazonaws.com", EventName: "StartCallAnalyticsJob"}:        transcribeJob("callAnalyticsJob", "callAnalyticsJobName", "callAnalyticsJobStatus"),
	{EventSource: "transcribe.amazonaws.com", EventName: "StartMedicalScribeJob"}:        transcribeJob("medicalScribeJob", "medicalScribeJobName", "medicalScribeJobStatus"),
	{EventSource: "mediatailor.amazonaws.com", EventName: "PutPlaybackConfiguration"}:    (*builder).playbackConfiguration,
}

// respond returns the response the service gives to req, or nil where
// the kit does not know it.
func (b *builder) respond(op cloudtrail.Operation, req json.RawMessage) json.RawMessage {
	f, ok := responders[op]
	if !ok {
		return nil
	}
	r := parseObject(req)
	if r == nil {
		r = &jsonObject{}
	}
	out, err := json.Marshal(f(b, r))
	if err != nil {
		panic(fmt.Sprintf("cloudtrailtest: NewEvent: the response does not encode: %v", err))
	}
	return out
}

// mediaConvertJob answers CreateJob: the job as submitted, with its id in
// MediaConvert's form (the creation time in milliseconds and six
// characters), ARN, queue, status SUBMITTED and times.
func (b *builder) mediaConvertJob(req *jsonObject) *jsonObject {
	id := fmt.Sprintf("%d-%s", b.time.UnixMilli(), b.lowerID(6))
	job := &jsonObject{}
	job.set("arn", fmt.Sprintf("arn:aws:mediaconvert:%s:%s:jobs/%s", b.region, b.account, id))
	job.set("id", id)
	job.set("createdAt", b.time.Unix())
	queue := fmt.Sprintf("arn:aws:mediaconvert:%s:%s:queues/Default", b.region, b.account)
	if q, ok := req.get("queue"); ok {
		job.setRaw("queue", q)
	} else {
		job.set("queue", queue)
	}
	for _, name := range []string{"role", "settings", "jobTemplate", "userMetadata", "accelerationSettings", "billingTagsSource", "hopDestinations", "jobEngineVersion", "simulateReservedQueue", "statusUpdateInterval", "priority"} {
		if v, ok := req.get(name); ok {
			job.setRaw(name, v)
		}
	}
	if _, ok := job.get("priority"); !ok {
		job.set("priority", 0)
	}
	if _, ok := job.get("statusUpdateInterval"); !ok {
		job.set("statusUpdateInterval", "SECONDS_60")
	}
	if _, ok := job.get("accelerationSettings"); !ok {
		job.setRaw("accelerationSettings", json.RawMessage(`{"mode":"DISABLED"}`))
	}
	job.set("accelerationStatus", "NOT_APPLICABLE")
	job.set("status", "SUBMITTED")
	job.setRaw("timing", json.RawMessage(`{"submitTime":`+strconv.FormatInt(b.time.Unix(), 10)+`}`))
	job.setRaw("messages", json.RawMessage(`{"info":[],"warning":[]}`))
	job.set("clientRequestToken", b.uuid())
	out := &jsonObject{}
	out.set("job", job)
	return out
}

// transcoderJob answers Elastic Transcoder's CreateJob: the job and its
// outputs Submitted, with the job's id in the service's form.
func (b *builder) transcoderJob(req *jsonObject) *jsonObject {
	id := fmt.Sprintf("%d-%s", b.time.UnixMilli(), b.lowerID(6))
	job := &jsonObject{}
	job.set("id", id)
	job.set("arn", fmt.Sprintf("arn:aws:elastictranscoder:%s:%s:job/%s", b.region, b.account, id))
	for _, name := range []string{"pipelineId", "input", "inputs", "outputKeyPrefix", "playlists", "userMetadata"} {
		if v, ok := req.get(name); ok {
			job.setRaw(name, v)
		}
	}
	var outputs []*jsonObject
	if v, ok := req.get("outputs"); ok {
		outputs = parseArray(v)
	}
	if v, ok := req.get("output"); ok && len(outputs) == 0 {
		if o := parseObject(v); o != nil {
			outputs = []*jsonObject{o}
		}
	}
	for i, o := range outputs {
		o.set("id", strconv.Itoa(i+1))
		o.set("status", "Submitted")
	}
	if len(outputs) > 0 {
		job.set("output", outputs[0])
	}
	job.set("outputs", outputs)
	job.set("status", "Submitted")
	job.setRaw("timing", json.RawMessage(`{"submitTimeMillis":`+strconv.FormatInt(b.time.UnixMilli(), 10)+`}`))
	out := &jsonObject{}
	out.set("job", job)
	return out
}

// transcribeJob returns the responder of a Transcribe Start...Job call:
// the job (member job of the response) IN_PROGRESS, with the request's
// settings and media, and its creation and start times as Transcribe
// writes them.
func transcribeJob(member, nameKey, statusKey string) func(b *builder, req *jsonObject) *jsonObject {
	return func(b *builder, req *jsonObject) *jsonObject {
		job := &jsonObject{}
		if v, ok := req.get(nameKey); ok {
			job.setRaw(nameKey, v)
		}
		job.set(statusKey, "IN_PROGRESS")
		for _, m := range *req {
			if jsonscan.EqualFold(m.k, nameKey) || skipInResponse(m.k) {
				continue
			}
			job.setRaw(m.k, m.v)
		}
		t := b.time.Add(time.Duration(b.rng.IntN(900)) * time.Millisecond).Format("2006-01-02T15:04:05.000Z")
		job.set("creationTime", t)
		job.set("startTime", t)
		out := &jsonObject{}
		out.set(member, job)
		return out
	}
}

// skipInResponse reports the request members a Transcribe job does not
// echo: where its output goes and the key that encrypts it.
func skipInResponse(name string) bool {
	switch strings.ToLower(name) {
	case "outputbucketname", "outputkey", "outputencryptionkmskeyid", "kmsencryptioncontext", "tags", "clientrequesttoken":
		return true
	}
	return false
}

// playbackConfiguration answers MediaTailor's PutPlaybackConfiguration:
// the configuration with its ARN and endpoints.
func (b *builder) playbackConfiguration(req *jsonObject) *jsonObject {
	name := "config"
	if v, ok := req.get("Name"); ok {
		_ = json.Unmarshal(v, &name)
	}
	host := fmt.Sprintf("https://%s.mediatailor.%s.amazonaws.com", strings.ToLower(b.key(32)), b.region)
	key := "AKIA" + b.key(16)
	out := &jsonObject{}
	for _, m := range *req {
		out.setRaw(m.k, m.v)
	}
	out.set("PlaybackConfigurationArn", fmt.Sprintf("arn:aws:mediatailor:%s:%s:playbackConfiguration/%s", b.region, b.account, name))
	out.set("PlaybackEndpointPrefix", host)
	out.set("SessionInitializationEndpointPrefix", fmt.Sprintf("%s/v1/session/%s/%s/", host, key, name))
	hls := &jsonObject{}
	hls.set("ManifestEndpointPrefix", fmt.Sprintf("%s/v1/master/%s/%s/", host, key, name))
	out.set("HlsConfiguration", hls)
	dash := &jsonObject{}
	dash.set("ManifestEndpointPrefix", fmt.Sprintf("%s/v1/dash/%s/%s/", host, key, name))
	dash.set("MpdLocation", "EMT_DEFAULT")
	dash.set("OriginManifestType", "MULTI_PERIOD")
	out.set("DashConfiguration", dash)
	if _, ok := out.get("CdnConfiguration"); !ok {
		out.setRaw("CdnConfiguration", json.RawMessage(`{}`))
	}
	return out
}

// parseObject reads a JSON object; nil when raw is none.
func parseObject(raw []byte) *jsonObject {
	i := jsonscan.SkipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '{' {
		return nil
	}
	o := &jsonObject{}
	for {
		m, ok := jsonscan.NextMember(raw, i)
		if !ok {
			return o
		}
		*o = append(*o, jsonMember{k: jsonscan.Key(raw, m), v: raw[m.ValueStart:m.ValueEnd]})
		i = m.ValueEnd
	}
}

// parseArray reads a JSON array of objects, leaving out other elements.
func parseArray(raw []byte) []*jsonObject {
	var out []*jsonObject
	for i := 0; ; {
		s, e, ok := jsonscan.NextElement(raw, i)
		if !ok {
			return out
		}
		if o := parseObject(raw[s:e]); o != nil {
			out = append(out, o)
		}
		i = e
	}
}

// get returns the member name, matched without regard to ASCII case.
func (o *jsonObject) get(name string) (json.RawMessage, bool) {
	for _, m := range *o {
		if jsonscan.EqualFold(m.k, name) {
			return m.v, true
		}
	}
	return nil, false
}

// set sets the member name to v encoded as JSON.
func (o *jsonObject) set(name string, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("cloudtrailtest: %s does not encode: %v", name, err))
	}
	o.setRaw(name, data)
}

// setRaw sets the member name (in any case) to raw JSON, in its place
// when it is there, else last.
func (o *jsonObject) setRaw(name string, v json.RawMessage) {
	for i, m := range *o {
		if jsonscan.EqualFold(m.k, name) {
			(*o)[i].v = v
			return
		}
	}
	*o = append(*o, jsonMember{k: name, v: v})
}
