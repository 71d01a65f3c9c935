package cloudtrailtest

import (
	"strconv"
	"time"
)

// mediaEvent makes a call to one of the media services.
func (g *trailGen) mediaEvent(ev *trailEvent) {
	g.fillCaller(ev, false)
	ev.version = "1.09"
	switch n := g.rng.IntN(100); {
	case n < 40:
		g.mediaconvert(ev)
	case n < 65:
		g.transcribe(ev)
	case n < 80:
		g.elastictranscoder(ev)
	default:
		g.mediatailor(ev)
	}
}

func (g *trailGen) jobID() string {
	b := strconv.AppendInt(nil, g.now.UnixMilli(), 10)
	b = append(b, '-')
	const chars = "abcdefghijklmnopqrstuvwxyz0123456789"
	for i := 0; i < 6; i++ {
		b = append(b, chars[g.rng.IntN(len(chars))])
	}
	return string(b)
}

func (g *trailGen) mediaconvert(ev *trailEvent) {
	ev.source = "mediaconvert.amazonaws.com"
	ev.host = "mediaconvert." + ev.region + ".amazonaws.com"
	id := g.jobID()
	queue := "arn:aws:mediaconvert:" + ev.region + ":" + g.account + ":queues/Default"
	role := "arn:aws:iam::" + g.account + ":role/service-role/MediaConvert_Default_Role"
	switch n := g.rng.IntN(10); {
	case n < 4:
		ev.name = "CreateJob"
		groups := 1 + g.rng.IntN(3)
		r := trailObj()
		r.key("settings")
		g.jobSettings(r, groups)
		r.kobj("accelerationSettings")
		r.ks("mode", "DISABLED")
		r.close('}')
		r.ks("role", role)
		r.key("clientRequestToken")
		r.beginStr()
		r.b = strconv.AppendInt(r.b, g.now.UnixMilli(), 10)
		r.b = append(r.b, '-')
		r.b = g.appendHex(r.b, 7)
		r.endStr()
		r.ks("statusUpdateInterval", "SECONDS_60")
		r.ks("billingTagsSource", "JOB")
		r.ki("priority", 0)
		r.ks("queue", queue)
		r.kobj("userMetadata")
		r.ks("pipeline", "vod-ingest")
		r.ks("asset", "episode-"+strconv.Itoa(g.rng.IntN(500)))
		r.close('}')
		ev.req = r.done()
		resp := trailObj()
		resp.kobj("job")
		resp.strsKey("arn", "arn:aws:mediaconvert:", ev.region, ":", g.account, ":jobs/", id)
		resp.ks("id", id)
		resp.ki("createdAt", g.now.Unix())
		resp.ks("queue", queue)
		resp.ks("role", role)
		resp.key("settings")
		g.jobSettings(resp, groups)
		resp.ks("status", "SUBMITTED")
		resp.kobj("timing")
		resp.ki("submitTime", g.now.Unix())
		resp.close('}')
		resp.ks("billingTagsSource", "JOB")
		resp.kobj("accelerationSettings")
		resp.ks("mode", "DISABLED")
		resp.close('}')
		resp.ks("statusUpdateInterval", "SECONDS_60")
		resp.ki("priority", 0)
		resp.ks("accelerationStatus", "NOT_APPLICABLE")
		resp.kobj("messages")
		resp.karr("info")
		resp.close(']')
		resp.karr("warning")
		resp.close(']')
		resp.close('}')
		resp.close('}')
		ev.resp = resp.done()
	case n < 8:
		ev.name = "GetJob"
		ev.readOnly = true
		r := trailObj()
		r.ks("id", id)
		ev.req = r.done()
		if g.chance(0.5) {
			resp := trailObj()
			resp.kobj("job")
			resp.strsKey("arn", "arn:aws:mediaconvert:", ev.region, ":", g.account, ":jobs/", id)
			resp.ks("id", id)
			resp.ki("createdAt", g.now.Add(-10*time.Minute).Unix())
			resp.ks("queue", queue)
			resp.ks("role", role)
			resp.key("settings")
			g.jobSettings(resp, 1)
			resp.ks("status", "COMPLETE")
			resp.kobj("timing")
			resp.ki("submitTime", g.now.Add(-10*time.Minute).Unix())
			resp.ki("startTime", g.now.Add(-9*time.Minute).Unix())
			resp.ki("finishTime", g.now.Add(-time.Minute).Unix())
			resp.close('}')
			resp.ki("jobPercentComplete", 100)
			resp.close('}')
			ev.resp = resp.done()
		}
	default:
		ev.name = "ListJobs"
		ev.readOnly = true
		r := trailObj()
		r.ki("maxResults", 20)
		r.ks("order", "DESCENDING")
		r.ks("status", []string{"COMPLETE", "ERROR", "PROGRESSING"}[g.rng.IntN(3)])
		r.ks("queue", queue)
		ev.req = r.done()
	}
}

// jobSettings writes a MediaConvert job settings tree with the given
// number of output groups.
func (g *trailGen) jobSettings(w *trailJW, groups int) {
	w.open('{')
	w.karr("inputs")
	w.open('{')
	w.kobj("audioSelectors")
	w.kobj("Audio Selector 1")
	w.ki("offset", 0)
	w.ks("defaultSelection", "DEFAULT")
	w.ki("programSelection", 1)
	w.close('}')
	w.close('}')
	w.kobj("videoSelector")
	w.ks("colorSpace", "FOLLOW")
	w.ks("rotate", "DEGREE_0")
	w.close('}')
	w.ks("filterEnable", "AUTO")
	w.ks("psiControl", "USE_PSI")
	w.ki("filterStrength", 0)
	w.ks("deblockFilter", "DISABLED")
	w.ks("denoiseFilter", "DISABLED")
	w.ks("timecodeSource", "ZEROBASED")
	w.strsKey("fileInput", "s3://acme-media-ingest/source/", g.pick(trailObjectNames))
	w.close('}')
	w.close(']')
	w.karr("outputGroups")
	kinds := []string{"HLS_GROUP_SETTINGS", "FILE_GROUP_SETTINGS", "DASH_ISO_GROUP_SETTINGS", "CMAF_GROUP_SETTINGS"}
	for i := 0; i < groups; i++ {
		kind := kinds[(i+g.rng.IntN(2))%len(kinds)]
		w.open('{')
		w.ks("name", map[string]string{"HLS_GROUP_SETTINGS": "Apple HLS", "FILE_GROUP_SETTINGS": "File Group", "DASH_ISO_GROUP_SETTINGS": "DASH ISO", "CMAF_GROUP_SETTINGS": "CMAF"}[kind])
		w.kobj("outputGroupSettings")
		w.ks("type", kind)
		switch kind {
		case "HLS_GROUP_SETTINGS":
			w.kobj("hlsGroupSettings")
			w.ki("segmentLength", 6)
			w.ks("destination", "s3://acme-media-output/hls/")
			w.ki("minSegmentLength", 0)
			w.ks("directoryStructure", "SINGLE_DIRECTORY")
			w.ks("manifestDurationFormat", "INTEGER")
			w.ks("streamInfResolution", "INCLUDE")
			w.ks("segmentControl", "SEGMENTED_FILES")
			w.close('}')
		case "FILE_GROUP_SETTINGS":
			w.kobj("fileGroupSettings")
			w.ks("destination", "s3://acme-media-output/mp4/")
			w.close('}')
		case "DASH_ISO_GROUP_SETTINGS":
			w.kobj("dashIsoGroupSettings")
			w.ki("segmentLength", 30)
			w.ks("destination", "s3://acme-media-output/dash/")
			w.ki("fragmentLength", 2)
			w.ks("segmentControl", "SINGLE_FILE")
			w.ks("hbbtvCompliance", "NONE")
			w.close('}')
		default:
			w.kobj("cmafGroupSettings")
			w.ki("segmentLength", 6)
			w.ks("destination", "s3://acme-media-output/cmaf/")
			w.ki("fragmentLength", 2)
			w.ks("writeDashManifest", "ENABLED")
			w.ks("writeHlsManifest", "ENABLED")
			w.close('}')
		}
		w.close('}')
		w.karr("outputs")
		renditions := 1 + g.rng.IntN(4)
		for j := 0; j < renditions; j++ {
			height := []int64{1080, 720, 540, 360}[j%4]
			w.open('{')
			w.kobj("containerSettings")
			w.ks("container", map[string]string{"HLS_GROUP_SETTINGS": "M3U8", "FILE_GROUP_SETTINGS": "MP4", "DASH_ISO_GROUP_SETTINGS": "MPD", "CMAF_GROUP_SETTINGS": "CMFC"}[kind])
			w.close('}')
			w.kobj("videoDescription")
			w.ki("width", height*16/9)
			w.ki("height", height)
			w.ks("scalingBehavior", "DEFAULT")
			w.ks("timecodeInsertion", "DISABLED")
			w.ks("antiAlias", "ENABLED")
			w.ki("sharpness", 50)
			w.kobj("codecSettings")
			w.ks("codec", "H_264")
			w.kobj("h264Settings")
			w.ks("interlaceMode", "PROGRESSIVE")
			w.ki("numberReferenceFrames", 3)
			w.ks("syntax", "DEFAULT")
			w.ki("softness", 0)
			w.ki("gopClosedCadence", 1)
			w.key("gopSize")
			w.raw("90.0")
			w.ki("slices", 1)
			w.ks("gopBReference", "DISABLED")
			w.ks("slowPal", "DISABLED")
			w.ks("spatialAdaptiveQuantization", "ENABLED")
			w.ks("temporalAdaptiveQuantization", "ENABLED")
			w.ks("flickerAdaptiveQuantization", "DISABLED")
			w.ks("entropyEncoding", "CABAC")
			w.ki("maxBitrate", height*5000)
			w.ks("framerateControl", "INITIALIZE_FROM_SOURCE")
			w.ks("rateControlMode", "QVBR")
			w.kobj("qvbrSettings")
			w.ki("qvbrQualityLevel", 7)
			w.close('}')
			w.ks("codecProfile", "MAIN")
			w.ks("telecine", "NONE")
			w.ki("minIInterval", 0)
			w.ks("adaptiveQuantization", "HIGH")
			w.ks("codecLevel", "AUTO")
			w.ks("fieldEncoding", "PAFF")
			w.ks("sceneChangeDetect", "ENABLED")
			w.ks("qualityTuningLevel", "SINGLE_PASS_HQ")
			w.ks("framerateConversionAlgorithm", "DUPLICATE_DROP")
			w.ks("unregisteredSeiTimecode", "DISABLED")
			w.ks("gopSizeUnits", "FRAMES")
			w.ks("parControl", "INITIALIZE_FROM_SOURCE")
			w.ki("numberBFramesBetweenReferenceFrames", 2)
			w.ks("repeatPps", "DISABLED")
			w.close('}')
			w.close('}')
			w.ks("afdSignaling", "NONE")
			w.ks("dropFrameTimecode", "ENABLED")
			w.ks("respondToAfd", "NONE")
			w.ks("colorMetadata", "INSERT")
			w.close('}')
			w.karr("audioDescriptions")
			w.open('{')
			w.ks("audioTypeControl", "FOLLOW_INPUT")
			w.kobj("codecSettings")
			w.ks("codec", "AAC")
			w.kobj("aacSettings")
			w.ks("audioDescriptionBroadcasterMix", "NORMAL")
			w.ki("bitrate", 96000)
			w.ks("rateControlMode", "CBR")
			w.ks("codecProfile", "LC")
			w.ks("codingMode", "CODING_MODE_2_0")
			w.ks("rawFormat", "NONE")
			w.ki("sampleRate", 48000)
			w.ks("specification", "MPEG4")
			w.close('}')
			w.close('}')
			w.ks("languageCodeControl", "FOLLOW_INPUT")
			w.close('}')
			w.close(']')
			w.ks("nameModifier", "_"+strconv.FormatInt(height, 10)+"p")
			w.close('}')
		}
		w.close(']')
		w.close('}')
	}
	w.close(']')
	w.ki("adAvailOffset", 0)
	w.kobj("timecodeConfig")
	w.ks("source", "ZEROBASED")
	w.close('}')
	w.close('}')
}

func (g *trailGen) transcribe(ev *trailEvent) {
	ev.source = "transcribe.amazonaws.com"
	ev.host = "transcribe." + ev.region + ".amazonaws.com"
	name := "call-" + string(g.appendHex(nil, 12))
	lang := []string{"en-US", "es-US", "de-DE", "fr-FR"}[g.rng.IntN(4)]
	format := []string{"mp3", "wav", "flac", "mp4"}[g.rng.IntN(4)]
	media := "s3://acme-media-ingest/calls/" + name + "." + format
	if g.chance(0.5) {
		ev.name = "StartTranscriptionJob"
		r := trailObj()
		r.ks("transcriptionJobName", name)
		r.ks("languageCode", lang)
		r.ks("mediaFormat", format)
		r.kobj("media")
		r.ks("mediaFileUri", media)
		r.close('}')
		r.ks("outputBucketName", "acme-media-output")
		r.kobj("settings")
		r.kb("showSpeakerLabels", true)
		r.ki("maxSpeakerLabels", 2)
		r.close('}')
		ev.req = r.done()
		resp := trailObj()
		resp.kobj("transcriptionJob")
		resp.ks("transcriptionJobName", name)
		resp.ks("transcriptionJobStatus", "IN_PROGRESS")
		resp.ks("languageCode", lang)
		resp.ks("mediaFormat", format)
		resp.kobj("media")
		resp.ks("mediaFileUri", media)
		resp.close('}')
		resp.key("startTime")
		resp.beginStr()
		resp.b = g.now.AppendFormat(resp.b, "Jan 2, 2006, 3:04:05 PM")
		resp.endStr()
		resp.key("creationTime")
		resp.beginStr()
		resp.b = g.now.AppendFormat(resp.b, "Jan 2, 2006, 3:04:05 PM")
		resp.endStr()
		resp.close('}')
		ev.resp = resp.done()
		return
	}
	ev.name = "GetTranscriptionJob"
	ev.readOnly = true
	r := trailObj()
	r.ks("transcriptionJobName", name)
	ev.req = r.done()
	resp := trailObj()
	resp.kobj("transcriptionJob")
	resp.ks("transcriptionJobName", name)
	resp.ks("transcriptionJobStatus", "COMPLETED")
	resp.ks("languageCode", lang)
	resp.ki("mediaSampleRateHertz", 44100)
	resp.ks("mediaFormat", format)
	resp.kobj("media")
	resp.ks("mediaFileUri", media)
	resp.close('}')
	resp.kobj("transcript")
	resp.key("transcriptFileUri")
	resp.beginStr()
	resp.b = append(resp.b, "https://s3.us-east-1.amazonaws.com/acme-media-output/"...)
	resp.b = append(resp.b, name...)
	resp.b = append(resp.b, ".json?X-Amz-Security-Token=IQoJb3JpZ2luX2VjE"...)
	resp.b = g.appendID(resp.b, "", 400)
	resp.b = append(resp.b, "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240501T000000Z&X-Amz-SignedHeaders=host&X-Amz-Expires=900&X-Amz-Credential=ASIAEXAMPLE%2F20240501%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature="...)
	resp.b = g.appendHex(resp.b, 64)
	resp.endStr()
	resp.close('}')
	resp.key("startTime")
	resp.beginStr()
	resp.b = g.now.Add(-2*time.Minute).AppendFormat(resp.b, "Jan 2, 2006, 3:04:05 PM")
	resp.endStr()
	resp.key("creationTime")
	resp.beginStr()
	resp.b = g.now.Add(-2*time.Minute).AppendFormat(resp.b, "Jan 2, 2006, 3:04:05 PM")
	resp.endStr()
	resp.key("completionTime")
	resp.beginStr()
	resp.b = g.now.AppendFormat(resp.b, "Jan 2, 2006, 3:04:05 PM")
	resp.endStr()
	resp.kobj("settings")
	resp.kb("showSpeakerLabels", true)
	resp.ki("maxSpeakerLabels", 2)
	resp.kb("channelIdentification", false)
	resp.kb("showAlternatives", false)
	resp.close('}')
	resp.close('}')
	ev.resp = resp.done()
}

func (g *trailGen) elastictranscoder(ev *trailEvent) {
	ev.source = "elastictranscoder.amazonaws.com"
	ev.host = "elastictranscoder." + ev.region + ".amazonaws.com"
	id := strconv.FormatInt(g.now.UnixMilli(), 10) + "-" + string(g.appendID(nil, "", 6))
	pipeline := strconv.FormatInt(g.now.Add(-90*24*time.Hour).UnixMilli(), 10) + "-abc123"
	in := "source/" + g.pick(trailObjectNames)
	// output writes the members of the job's one output.
	output := func(w *trailJW) {
		w.ks("rotate", "auto")
		w.ks("presetId", "1351620000001-000010")
		w.ks("thumbnailPattern", "")
		w.karr("watermarks")
		w.close(']')
		w.ks("id", "1")
		w.ks("key", "output/"+id+".mp4")
		w.ks("status", "Submitted")
		w.close('}')
	}
	job := func(w *trailJW) {
		w.kobj("job")
		w.kobj("output")
		output(w)
		w.ks("status", "Submitted")
		w.karr("playlists")
		w.close(']')
		w.strsKey("arn", "arn:aws:elastictranscoder:", ev.region, ":", g.account, ":job/", id)
		w.ks("id", id)
		w.karr("outputs")
		w.open('{')
		output(w)
		w.close(']')
		w.ks("pipelineId", pipeline)
		w.kobj("input")
		w.ks("interlaced", "auto")
		w.ks("resolution", "auto")
		w.ks("frameRate", "auto")
		w.ks("aspectRatio", "auto")
		w.ks("container", "auto")
		w.ks("key", in)
		w.close('}')
		w.close('}')
	}
	if g.chance(0.5) {
		ev.name = "CreateJob"
		r := trailObj()
		r.kobj("input")
		r.ks("interlaced", "auto")
		r.ks("resolution", "auto")
		r.ks("frameRate", "auto")
		r.ks("aspectRatio", "auto")
		r.ks("container", "auto")
		r.ks("key", in)
		r.close('}')
		r.kobj("output")
		r.ks("presetId", "1351620000001-000010")
		r.ks("key", "output/"+id+".mp4")
		r.ks("thumbnailPattern", "")
		r.ks("rotate", "auto")
		r.close('}')
		r.ks("pipelineId", pipeline)
		ev.req = r.done()
		resp := trailObj()
		job(resp)
		ev.resp = resp.done()
		return
	}
	ev.name = "ReadJob"
	ev.readOnly = true
	r := trailObj()
	r.ks("id", id)
	ev.req = r.done()
	if g.chance(0.5) {
		resp := trailObj()
		job(resp)
		ev.resp = resp.done()
	}
}

func (g *trailGen) mediatailor(ev *trailEvent) {
	ev.source = "mediatailor.amazonaws.com"
	ev.host = "api.mediatailor." + ev.region + ".amazonaws.com"
	name := []string{"live-news", "vod-catalog", "sports-east", "kids-channel"}[g.rng.IntN(4)]
	prefix := "https://" + string(g.appendHex(nil, 32)) + ".mediatailor." + ev.region + ".amazonaws.com"
	config := func(w *trailJW) {
		w.ks("SessionInitializationEndpointPrefix", prefix+"/v1/session/"+g.account+"/"+name+"/")
		w.kobj("DashConfiguration")
		w.ks("ManifestEndpointPrefix", prefix+"/v1/dash/"+g.account+"/"+name+"/")
		w.ks("MpdLocation", "EMT_DEFAULT")
		w.ks("OriginManifestType", "MULTI_PERIOD")
		w.close('}')
		w.ks("AdDecisionServerUrl", "https://ads.example.com/vast?cust_params=[player_params.cust_params]&correlator=[avail.random]")
		w.kobj("CdnConfiguration")
		w.ks("AdSegmentUrlPrefix", "https://cdn.example.com/ads")
		w.close('}')
		w.ks("PlaybackEndpointPrefix", prefix)
		w.kobj("HlsConfiguration")
		w.ks("ManifestEndpointPrefix", prefix+"/v1/master/"+g.account+"/"+name+"/")
		w.close('}')
		w.ks("VideoContentSourceUrl", "https://origin.example.com/"+name)
		w.ks("Name", name)
		w.strsKey("PlaybackConfigurationArn", "arn:aws:mediatailor:", ev.region, ":", g.account, ":playbackConfiguration/", name)
		w.kobj("tags")
		w.close('}')
	}
	if g.chance(0.6) {
		ev.name = "GetPlaybackConfiguration"
		ev.readOnly = true
		r := trailObj()
		r.ks("Name", name)
		ev.req = r.done()
		if g.chance(0.3) {
			resp := trailObj()
			config(resp)
			ev.resp = resp.done()
		}
		return
	}
	ev.name = "PutPlaybackConfiguration"
	r := trailObj()
	r.ks("VideoContentSourceUrl", "https://origin.example.com/"+name)
	r.ks("Name", name)
	r.ks("AdDecisionServerUrl", "https://ads.example.com/vast?cust_params=[player_params.cust_params]&correlator=[avail.random]")
	ev.req = r.done()
	resp := trailObj()
	config(resp)
	ev.resp = resp.done()
}
