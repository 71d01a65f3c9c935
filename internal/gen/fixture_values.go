package main

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"
)

// The realistic values of the fixtures: what a member of a given name holds
// in the records of a media workflow, with the documentation values that
// AWS reserves for examples (account 111122223333, the bucket
// amzn-s3-demo-bucket, domains under example.com). Each function returns
// candidates, best first; the maker takes the first that satisfies the
// member's constraints.

const (
	fixAccount = "111122223333"
	fixRegion  = "us-west-2"
	fixBucket  = "amzn-s3-demo-bucket"
)

// fixCtx is where a value goes.
type fixCtx struct {
	svc    string // the ARN namespace of the model: mediaconvert, transcribe, ...
	op     string // the operation
	parent string // the structure or union the member is in
	member string // the member's name; for list elements and map values, the list's or map's
	index  int    // the index of the element in its list or map that the value is or is in
}

// fixArn is an ARN of a resource of a service in the fixtures' account.
func fixArn(svc, resource string) string {
	return "arn:aws:" + svc + ":" + fixRegion + ":" + fixAccount + ":" + resource
}

func fixRole(name string) string { return "arn:aws:iam::" + fixAccount + ":role/" + name }

func fixS3(key string) string { return "s3://" + fixBucket + "/" + key }

// fixUUID is a version 4 UUID made from a seed.
func fixUUID(seed string) string {
	h := fnv.New128a()
	h.Write([]byte(seed))
	b := h.Sum(nil)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// fixHex is n hexadecimal digits made from a seed.
func fixHex(seed string, n int) string {
	var out string
	for i := 0; len(out) < n; i++ {
		h := fnv.New64a()
		fmt.Fprintf(h, "%s/%d", seed, i)
		out += fmt.Sprintf("%016x", h.Sum64())
	}
	return out[:n]
}

// fixWords splits a CamelCase name into lower-case words: "OutputGroupName"
// gives output, group, name.
func fixWords(name string) []string {
	var words []string
	var cur []rune
	runes := []rune(name)
	for i, r := range runes {
		if i > 0 && unicode.IsUpper(r) && (unicode.IsLower(runes[i-1]) || i+1 < len(runes) && unicode.IsLower(runes[i+1])) {
			words = append(words, strings.ToLower(string(cur)))
			cur = nil
		}
		if r == '_' || r == '-' {
			if len(cur) > 0 {
				words = append(words, strings.ToLower(string(cur)))
			}
			cur = nil
			continue
		}
		cur = append(cur, r)
	}
	if len(cur) > 0 {
		words = append(words, strings.ToLower(string(cur)))
	}
	return words
}

func fixKebab(name string) string { return strings.Join(fixWords(name), "-") }

// The names of the resources of each service that the fixtures share, so
// that the ARNs, names and ids of one workflow agree across operations.
const (
	fixMCJobID      = "1714557600123-a1b2c3"
	fixMCQueue      = "Default"
	fixMCTemplate   = "hls-abr-ladder"
	fixMCPreset     = "hls-1080p-h264-aac"
	fixETPipelineID = "1714557600000-p1a2b3"
	fixETPresetID   = "1351620000001-000010"
	fixETJobID      = "1714557612345-j7k8l9"
	fixTJob         = "support-call-20240501-0001"
	fixTMedicalJob  = "clinic-visit-20240501-0001"
	fixTScribeJob   = "scribe-visit-20240501-0001"
	fixTCallJob     = "contact-center-call-0001"
	fixTVocabulary  = "media-terms"
	fixTFilter      = "profanity-filter"
	fixTModel       = "broadcast-news-model"
	fixTCategory    = "escalation-request"
	fixMTChannel    = "live-channel"
	fixMTSource     = "origin-source-location"
	fixMTVod        = "feature-film-01"
	fixMTLive       = "live-event-feed"
	fixMTConfig     = "vod-ads-config"
	fixMTProgram    = "evening-news"
	fixMTPrefetch   = "prime-time-prefetch"
)

// fixResourceArn is the ARN that a member named like an ARN holds, by the
// service and the structure it is in.
func fixResourceArn(c fixCtx) []string {
	p := c.parent
	switch c.svc {
	case "mediaconvert":
		switch {
		case strings.HasPrefix(p, "Job") && !strings.Contains(p, "Template") || strings.Contains(c.op, "Job") && !strings.Contains(c.op, "Template") && p != "Queue":
			return []string{fixArn("mediaconvert", "jobs/"+fixMCJobID)}
		case strings.Contains(p, "Template") || strings.Contains(c.op, "Template"):
			return []string{fixArn("mediaconvert", "jobTemplates/"+fixMCTemplate)}
		case strings.Contains(p, "Preset") || strings.Contains(c.op, "Preset"):
			return []string{fixArn("mediaconvert", "presets/"+fixMCPreset)}
		case strings.Contains(p, "Feed"):
			return []string{fixArn("elemental-inference", "feed/"+fixHex("feed", 17))}
		}
		return []string{fixArn("mediaconvert", "queues/"+fixMCQueue)}
	case "mediatailor":
		for _, r := range []struct{ key, arn string }{
			{"Channel", "channel/" + fixMTChannel},
			{"Program", "program/" + fixMTChannel + "/" + fixMTProgram},
			{"ScheduleEntry", "program/" + fixMTChannel + "/" + fixMTProgram},
			{"SourceLocation", "sourceLocation/" + fixMTSource},
			{"VodSource", "vodSource/" + fixMTSource + "/" + fixMTVod},
			{"LiveSource", "liveSource/" + fixMTSource + "/" + fixMTLive},
			{"Prefetch", "prefetchSchedule/" + fixMTConfig + "/" + fixMTPrefetch},
			{"Playback", "playbackConfiguration/" + fixMTConfig},
		} {
			if strings.Contains(p, r.key) || strings.Contains(c.op, r.key) {
				return []string{fixArn("mediatailor", r.arn)}
			}
		}
		return []string{fixArn("mediatailor", "channel/"+fixMTChannel)}
	case "transcribe":
		for _, r := range []struct{ key, arn string }{
			{"MedicalScribe", "medical-scribe-job/" + fixTScribeJob},
			{"MedicalTranscription", "medical-transcription-job/" + fixTMedicalJob},
			{"MedicalVocabulary", "medical-vocabulary/" + fixTVocabulary},
			{"CallAnalytics", "analytics-job/" + fixTCallJob},
			{"VocabularyFilter", "vocabulary-filter/" + fixTFilter},
			{"Vocabular", "vocabulary/" + fixTVocabulary},
			{"LanguageModel", "language-model/" + fixTModel},
		} {
			if strings.Contains(p, r.key) || strings.Contains(c.op, r.key) {
				return []string{fixArn("transcribe", r.arn)}
			}
		}
		return []string{fixArn("transcribe", "transcription-job/"+fixTJob)}
	case "elastictranscoder":
		switch {
		case strings.Contains(p, "Pipeline"):
			return []string{fixArn("elastictranscoder", "pipeline/"+fixETPipelineID)}
		case strings.Contains(p, "Preset"):
			return []string{fixArn("elastictranscoder", "preset/"+fixETPresetID)}
		}
		return []string{fixArn("elastictranscoder", "job/"+fixETJobID)}
	}
	return []string{fixArn(c.svc, "resource/example")}
}

// fixStrings are the candidates for a string member, by its name and
// where it is; nil leaves the value to the generic rules.
func fixStrings(c fixCtx) []string {
	m, p := c.member, c.parent
	i := c.index
	nth := func(vals ...string) []string { // the element's value first
		out := make([]string, 0, len(vals))
		for k := range vals {
			out = append(out, vals[(i+k)%len(vals)])
		}
		return out
	}
	switch c.svc {
	case "mediaconvert":
		switch m {
		case "Id", "JobId":
			if strings.Contains(c.op, "JobsQuery") || p == "StartJobsQueryResponse" {
				return []string{fixUUID("jobs-query")}
			}
			return []string{fixMCJobID}
		case "Name", "QueueName":
			switch {
			case p == "OutputGroup":
				return nth("Apple HLS", "File Group")
			case p == "ServiceOverride":
				return []string{"ElementalInference"}
			case strings.Contains(p, "Template") || strings.Contains(c.op, "Template"):
				return []string{fixMCTemplate}
			case strings.Contains(p, "Preset") || strings.Contains(c.op, "Preset"):
				return []string{fixMCPreset}
			}
			return []string{fixMCQueue}
		case "Queue", "DestinationQueue", "SourceQueue":
			if m == "DestinationQueue" {
				return []string{"transcode-priority"}
			}
			if m == "SourceQueue" {
				return []string{fixMCQueue}
			}
			return []string{fixArn("mediaconvert", "queues/"+fixMCQueue)}
		case "JobTemplate":
			return []string{fixMCTemplate}
		case "Preset":
			return nth(fixMCPreset, "hls-720p-h264-aac")
		case "Role":
			return []string{fixRole("MediaConvert_Default_Role")}
		case "Category":
			return []string{"vod-streaming"}
		case "Description":
			switch {
			case strings.Contains(p, "Template") || strings.Contains(c.op, "Template"):
				return []string{"HLS ABR ladder, 1080p to 360p, AAC stereo"}
			case strings.Contains(p, "Preset") || strings.Contains(c.op, "Preset"):
				return []string{"H.264 1080p QVBR with AAC stereo for HLS"}
			}
			return []string{"Queue for on-demand transcoding jobs"}
		case "ClientRequestToken":
			return []string{"1714557598765-" + fixHex("token"+c.op, 6)}
		case "FileInput", "InputFile":
			return []string{fixS3("mezzanine/sample-1080p.mov"), fixS3("lut/rec709-to-hdr10.cube"), "https://www.example.com/mezzanine/sample-1080p.mov"}
		case "Destination":
			return []string{fixS3("vod/sample-1080p/")}
		case "BaseUrl":
			return []string{"https://d111111abcdef8.cloudfront.net/vod/sample-1080p/"}
		case "ExternalAudioFileInput":
			return []string{fixS3("audio/sample-stereo.wav")}
		case "SourceFile":
			return nth(fixS3("captions/sample-en.scc"), fixS3("captions/sample-es.srt"))
		case "ImageInserterInput", "ImageInput":
			return []string{fixS3("overlays/logo-1080p.png")}
		case "AvailBlankingImage":
			return []string{fixS3("slates/avail-blanking.png")}
		case "Input":
			return []string{fixS3("overlays/motion/logo_000001.png"), fixS3("overlays/motion/logo.mov")}
		case "DolbyVisionMetadataXml":
			return []string{fixS3("metadata/dolby-vision.xml")}
		case "AdiFilename":
			return []string{fixS3("cable/adi-manifest.xml")}
		case "FontFileRegular":
			return []string{fixS3("fonts/NotoSans-Regular.ttf")}
		case "FontFileBold":
			return []string{fixS3("fonts/NotoSans-Bold.ttf")}
		case "FontFileItalic":
			return []string{fixS3("fonts/NotoSans-Italic.ttf")}
		case "FontFileBoldItalic":
			return []string{fixS3("fonts/NotoSans-BoldItalic.ttf")}
		case "FileUrl":
			return []string{fixS3("lut/rec709-to-hdr10.cube")}
		case "SupplementalImp", "SupplementalImps":
			return []string{fixS3("imf/supplemental/ASSETMAP.xml"), fixS3("imf/supplemental/")}
		case "LogDestination", "MetadataDestination":
			return []string{fixS3("logs/mediaconvert/")}
		case "Url":
			if p == "Endpoint" {
				return []string{"https://abcd1234.mediaconvert.us-west-2.amazonaws.com"}
			}
			if p == "StaticKeyProvider" {
				return []string{"https://keys.example.com/hls/key"}
			}
			return []string{"https://speke.example.com/v2.0/copyProtection"}
		case "KantarServerUrl":
			return []string{"https://watermark.kantarmedia.example.com/api"}
		case "TicServerUrl":
			return []string{"https://nielsen-tic.example.com/api"}
		case "CertificateArn":
			return []string{"arn:aws:acm:" + fixRegion + ":" + fixAccount + ":certificate/" + fixUUID("certificate")}
		case "KmsKeyArn", "SigningKmsKey":
			return []string{"arn:aws:kms:" + fixRegion + ":" + fixAccount + ":key/" + fixUUID("kms-key")}
		case "KmsKeyRegion":
			return []string{fixRegion}
		case "KmsEncryptionContext":
			return []string{"eyJwcm9qZWN0IjoibWVkaWEtcGlwZWxpbmUifQ=="}
		case "EncryptedDecryptionKey":
			return []string{"AQIDAHhN5oqJ1yQ2HnBp8mKkExAMPLEaaaaaaaaaaaaaaaa="}
		case "InitializationVector":
			return []string{fixHex("iv", 32), "ZXhhbXBsZS1pdi0xNi1ieQ=="}
		case "ConstantInitializationVector":
			return []string{fixHex("civ", 32)}
		case "StaticKeyValue":
			return []string{fixHex("static-key", 32)}
		case "CertificateSecret", "CredentialsSecretName":
			return []string{"arn:aws:secretsmanager:" + fixRegion + ":" + fixAccount + ":secret:mediaconvert/speke-" + fixHex("secret", 6)}
		case "AuthConnectionArn":
			return []string{"arn:aws:events:" + fixRegion + ":" + fixAccount + ":connection/speke-auth/" + fixUUID("connection")}
		case "ResourceId":
			return []string{"MediaConvert-VOD-" + fixHex("resource", 8)}
		case "SystemId", "SystemIds", "DashSignaledSystemId", "DashSignaledSystemIds", "HlsSignaledSystemId", "HlsSignaledSystemIds":
			return nth("edef8ba9-79d6-4ace-a3c8-27dcd51d21ed", "9a04f079-9840-4286-ab92-e65be0885f95")
		case "KeyFormat":
			return []string{"identity"}
		case "KeyFormatVersions":
			return []string{"1"}
		case "LanguageCode", "CustomLanguageCode":
			return []string{"en-US", "eng"}
		case "LanguageDescription":
			return []string{"English"}
		case "StreamName":
			return nth("English", "Spanish")
		case "AudioGroupId":
			return []string{"program_audio"}
		case "AudioRenditionSets":
			return []string{"program_audio"}
		case "RenditionGroupId":
			return []string{"program_audio"}
		case "RenditionName":
			return []string{"English"}
		case "AudioSourceName", "AudioSelectorName", "AudioSelectorNames":
			return nth("Audio Selector 1", "Audio Selector 2")
		case "CaptionSelectorName":
			return []string{"Captions Selector 1"}
		case "SelectedOutputs", "SelectedOutput":
			return nth("_1080p", "_720p")
		case "NameModifier":
			return nth("_1080p", "_720p")
		case "SegmentModifier":
			return []string{"$dt$"}
		case "ManifestNameModifier":
			return []string{"_main"}
		case "DashIFrameTrickPlayNameModifier":
			return []string{"_iframe"}
		case "Extension":
			return []string{"mp4"}
		case "Mp4MajorBrand":
			return []string{"isom"}
		case "MimeType":
			return []string{"video/mp4"}
		case "CustomName":
			return nth("HLS ladder", "MP4 archive")
		case "Timecode", "StartTimecode", "TimecodeStart", "Start", "Anchor":
			return []string{"00:00:00:00", "00:00:00;00"}
		case "EndTimecode":
			return []string{"00:10:00:00"}
		case "Timerange":
			return []string{"[0:1000_5000:1000]", "0:1000_5000:1000"}
		case "TimestampOffset":
			return []string{"2024-05-01"}
		case "StartTime":
			return []string{"00:00:10:00"}
		case "Prefix":
			return []string{"TC "}
		case "HexFontColor":
			return []string{"ffffff", "FFFFFF"}
		case "PageNumber":
			return []string{"801"}
		case "TimedMetadataSchemeIdUri":
			return []string{"https://aomedia.org/emsg/ID3"}
		case "TimedMetadataValue":
			return []string{"program-metadata"}
		case "Id3":
			return []string{"SUQzBAAAAAAAJFRYWFgAAAAQAAADZXhhbXBsZS1pZDMA"}
		case "ChannelName", "NetworkName":
			return []string{"Example Network"}
		case "ServiceName":
			return []string{"Example Service"}
		case "ServiceProviderName":
			return []string{"Example Provider"}
		case "ContentReference":
			return []string{"example.com/program/0001"}
		case "AssetId":
			return []string{"EXMP0001000000000001"}
		case "AssetName":
			return []string{"Example Feature"}
		case "EpisodeId":
			return []string{"EP0001"}
		case "DistributorId":
			return []string{"example.com"}
		case "CbetSourceId":
			return []string{"0x1A2B3C"}
		case "License":
			return []string{"AbC1234DeF5678gHi9012JkL3456mNo7"}
		case "Metadata3", "Metadata4", "Metadata5", "Metadata6", "Metadata7", "Metadata8":
			return []string{"Example metadata " + strings.TrimPrefix(m, "Metadata")}
		case "SourceId":
			return []string{fixUUID("tams-source")}
		case "Version":
			return []string{"2024-05-01"}
		case "JobEngineVersion", "JobEngineVersionRequested", "JobEngineVersionUsed":
			return []string{"2024-05-01"}
		case "ETag":
			return []string{"\"" + fixHex("etag", 32) + "\""}
		case "Info", "Warning":
			return []string{"Job started with the input's audio track 1", "The input has no closed captions"}
		case "Message", "ErrorMessage":
			if strings.HasSuffix(p, "Exception") {
				return []string{"The request could not be completed: " + strings.ToLower(strings.Join(fixWords(strings.TrimSuffix(p, "Exception")), " ")) + "."}
			}
			return []string{"Unable to open the input file: access denied (403)."}
		case "LastShareDetails":
			return []string{"Shared with AWS Support case 1234567890 on 2024-05-01"}
		case "SupportCaseId":
			return []string{"1234567890"}
		case "Level", "Profile":
			return []string{"MAIN"}
		case "ScanType":
			return []string{"progressive"}
		case "ChromaSubsampling":
			return []string{"4:2:0"}
		case "Value", "Values", "OverrideValue":
			if p == "ServiceOverride" {
				return []string{"DISABLED"}
			}
			return nth("COMPLETE", "Default")
		case "TagKey", "TagKeys":
			return nth("Project", "Environment")
		case "SccXml":
			return []string{`<SignalProcessingNotification xmlns="urn:cablelabs:iptvservices:esam:xsd:signal:1"><BatchId>1</BatchId></SignalProcessingNotification>`}
		case "MccXml":
			return []string{`<ManifestConfirmConditionNotification xmlns="http://www.cablelabs.com/namespaces/metadata/xsd/confirmation/2"><ManifestResponse acquisitionPointIdentity="example"/></ManifestConfirmConditionNotification>`}
		}
	case "elastictranscoder":
		switch m {
		case "Id":
			switch {
			case strings.Contains(p, "Pipeline") || strings.Contains(c.op, "Pipeline"):
				return []string{fixETPipelineID}
			case p == "PresetWatermark":
				return []string{"TopLeft"}
			case strings.Contains(p, "Preset") || strings.Contains(c.op, "Preset"):
				return []string{fixETPresetID}
			case p == "JobOutput":
				return []string{strconv.Itoa(i + 1)}
			}
			return []string{fixETJobID}
		case "PipelineId":
			return []string{fixETPipelineID}
		case "PresetId":
			return nth(fixETPresetID, "1351620000001-000020")
		case "PresetWatermarkId":
			return []string{"TopLeft"}
		case "Name":
			switch {
			case strings.Contains(p, "Pipeline") || strings.Contains(c.op, "Pipeline"):
				return []string{"web-video-pipeline"}
			case strings.Contains(p, "Preset") || strings.Contains(c.op, "Preset"):
				return []string{"Web 1080p H.264"}
			}
			return []string{"playlist-hls"}
		case "Description":
			return []string{"H.264 1080p for web playback with AAC stereo"}
		case "Role":
			return []string{fixRole("Elastic_Transcoder_Default_Role")}
		case "InputBucket", "OutputBucket", "Bucket":
			return []string{fixBucket}
		case "Key", "InputKey":
			switch p {
			case "Encryption", "HlsContentProtection", "PlayReadyDrm":
				return []string{"ZXhhbXBsZS1rZXktMTIzNDU2Nw=="}
			case "CaptionSource":
				return []string{"captions/sample-en.srt"}
			case "JobWatermark":
				return []string{"watermarks/logo-1080p.png"}
			case "Artwork":
				return []string{"artwork/album-cover.jpg"}
			case "CreateJobOutput", "JobOutput":
				return nth("web/sample-1080p.mp4", "web/sample-720p.mp4")
			}
			return []string{"source/sample-1080p.mov"}
		case "OutputKey", "OutputKeys":
			return nth("hls/sample-1080p", "hls/sample-720p")
		case "OutputKeyPrefix":
			return []string{"web/2024-05-01/"}
		case "KeyMd5":
			return []string{"ZXhhbXBsZS1rZXktbWQ1LTE2Yg=="}
		case "InitializationVector":
			return []string{"ZXhhbXBsZS1pdi0xNi1ieXRl"}
		case "KeyId":
			return []string{fixUUID("playready-key")}
		case "LicenseAcquisitionUrl":
			return []string{"https://license.example.com/playready"}
		case "AwsKmsKeyArn":
			return []string{"arn:aws:kms:" + fixRegion + ":" + fixAccount + ":key/" + fixUUID("kms-key")}
		case "Progressing", "Completed", "Warning", "Error":
			if p == "Notifications" {
				return []string{"arn:aws:sns:" + fixRegion + ":" + fixAccount + ":transcoder-" + strings.ToLower(m)}
			}
		case "Topics", "Topic":
			return []string{"arn:aws:sns:" + fixRegion + ":" + fixAccount + ":transcoder-events"}
		case "Grantee":
			return []string{"media-team@example.com"}
		case "Access":
			return nth("Read", "FullControl")
		case "Label":
			return []string{"English"}
		case "Language":
			return []string{"en"}
		case "ThumbnailPattern":
			return []string{"thumbnails/sample-{count}"}
		case "Pattern":
			return []string{"captions/sample-{language}"}
		case "AppliedColorSpaceConversion":
			return []string{"Bt601ToBt709"}
		case "SegmentDuration":
			return []string{"10"}
		case "Format":
			if p == "Thumbnails" {
				return []string{"png"}
			}
			return []string{"srt", "webvtt", "microsoft"}
		case "Code", "StatusDetail", "Message", "Messages":
			if m == "Code" {
				return []string{"4000"}
			}
			if strings.HasSuffix(p, "Exception") {
				return []string{"The request could not be completed."}
			}
			return []string{"The input file has no audio track; the output has silent audio."}
		case "Success":
			return []string{"true"}
		case "Status":
			return []string{"Complete", "Active"}
		case "Duration", "StartTime", "TimeOffset":
			return nth("00:00:05.000", "5.000")
		case "Interval":
			return []string{"60"}
		case "Resolution", "ThumbnailResolution":
			return []string{"1920x1080", "auto"}
		case "BitRate":
			return []string{"5400", "160"}
		case "MaxWidth":
			return []string{"1920", "auto", "20%"}
		case "MaxHeight":
			return []string{"1080", "auto", "20%"}
		case "FrameRate", "MaxFrameRate":
			return []string{"30", "auto"}
		case "KeyframesMaxDist":
			return []string{"90"}
		case "FixedGOP":
			return []string{"false"}
		case "SampleRate":
			return []string{"48000"}
		case "Channels":
			return []string{"2"}
		case "BitDepth":
			return []string{"16"}
		case "HorizontalOffset", "VerticalOffset":
			return []string{"10px", "5%"}
		case "Opacity":
			return []string{"80"}
		case "DisplayAspectRatio", "AspectRatio":
			return []string{"16:9"}
		case "Method":
			return []string{"aes-128"}
		case "PageToken", "NextPageToken":
			return []string{fixETJobID}
		}
	case "mediatailor":
		switch m {
		case "Name", "PlaybackConfigurationName":
			switch {
			case strings.Contains(p, "Prefetch") || strings.Contains(c.op, "Prefetch"):
				return []string{fixMTPrefetch}
			case p == "SegmentDeliveryConfiguration":
				return []string{"cdn-origin"}
			}
			return []string{fixMTConfig}
		case "ChannelName":
			return []string{fixMTChannel}
		case "SourceLocationName":
			return []string{fixMTSource}
		case "VodSourceName":
			return []string{fixMTVod}
		case "LiveSourceName":
			return []string{fixMTLive}
		case "ProgramName", "RelativeProgram":
			if m == "RelativeProgram" {
				return []string{"morning-news"}
			}
			return []string{fixMTProgram}
		case "PlaybackConfigurationArn":
			return []string{fixArn("mediatailor", "playbackConfiguration/"+fixMTConfig)}
		case "RelatedResourceArns":
			return nth(fixArn("mediatailor", "vodSource/"+fixMTSource+"/"+fixMTVod), fixArn("mediatailor", "sourceLocation/"+fixMTSource))
		case "SecretArn":
			return []string{"arn:aws:secretsmanager:" + fixRegion + ":" + fixAccount + ":secret:mediatailor/origin-token-" + fixHex("secret", 6)}
		case "SecretStringKey":
			return []string{"origin-token"}
		case "HeaderName":
			return []string{"X-Origin-Token"}
		case "AdDecisionServerUrl":
			return []string{"https://ads.example.com/vast?duration=[session.avail_duration_secs]&session=[session.id]"}
		case "VideoContentSourceUrl":
			return []string{"https://origin.example.com/out/v1/" + fixHex("origin", 12)}
		case "SlateAdUrl":
			return []string{"https://cdn.example.com/slates/slate-30s.mp4"}
		case "BaseUrl":
			if p == "HttpConfiguration" {
				return []string{"https://origin.example.com"}
			}
			return []string{"https://d111111abcdef8.cloudfront.net"}
		case "AdSegmentUrlPrefix":
			return []string{"https://d111111abcdef8.cloudfront.net/ads/"}
		case "ContentSegmentUrlPrefix":
			return []string{"https://d111111abcdef8.cloudfront.net/content/"}
		case "ManifestEndpointPrefix":
			return []string{"https://" + fixHex("hls", 32) + ".mediatailor.us-west-2.amazonaws.com/v1/master/" + fixHex("acct", 40) + "/" + fixMTConfig + "/"}
		case "PlaybackEndpointPrefix":
			return []string{"https://" + fixHex("hls", 32) + ".mediatailor.us-west-2.amazonaws.com"}
		case "SessionInitializationEndpointPrefix":
			return []string{"https://" + fixHex("hls", 32) + ".mediatailor.us-west-2.amazonaws.com/v1/session/" + fixHex("acct", 40) + "/" + fixMTConfig + "/"}
		case "PlaybackUrl":
			return []string{"https://" + fixHex("channel", 32) + ".channel-assembly.mediatailor.us-west-2.amazonaws.com/v1/channel/" + fixMTChannel + "/index.m3u8"}
		case "MpdLocation":
			return []string{"EMT_DEFAULT"}
		case "ManifestName":
			return []string{"index"}
		case "Path":
			return []string{"/out/v1/" + fixHex("path", 12) + "/index.m3u8"}
		case "SourceGroup":
			return []string{"hls"}
		case "Audience", "Audiences":
			return nth("premium-subscribers", "free-tier")
		case "AlertCode":
			return []string{"SCTE_BREAK_NOT_FOUND"}
		case "AlertMessage", "Message":
			return []string{"The SCTE-35 ad break was not found in the source manifest."}
		case "DynamicVariable":
			return []string{"player_params.ad_category"}
		case "TranscodeProfileName":
			return []string{"hls-1080p-profile"}
		case "DurationMinutes":
			return []string{"60"}
		case "Policy":
			return []string{`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::` + fixAccount + `:root"},"Action":"mediatailor:GetManifest","Resource":"` + fixArn("mediatailor", "channel/"+fixMTChannel) + `"}]}`}
		case "StreamId":
			return []string{"stream-1"}
		case "SegmentationUpid":
			return []string{"0x0000000000000001"}
		case "StartUrl":
			return []string{"https://origin.example.com/start"}
		case "EndUrl":
			return []string{"https://origin.example.com/end"}
		case "Body":
			return []string{`{"session":"[session.id]"}`}
		case "Tier":
			return []string{"BASIC"}
		case "ChannelState":
			return []string{"RUNNING"}
		case "PlaybackMode":
			return []string{"LINEAR"}
		case "Key":
			return []string{"player_params.ad_category"}
		case "Value":
			return []string{"sports"}
		case "Type":
			return []string{"RELATIVE"}
		case "NextToken":
			return []string{"eyJvZmZzZXQiOjUwfQ=="}
		}
	case "transcribe":
		switch m {
		case "TranscriptionJobName", "JobNameContains":
			return []string{fixTJob}
		case "MedicalTranscriptionJobName":
			return []string{fixTMedicalJob}
		case "MedicalScribeJobName":
			return []string{fixTScribeJob}
		case "CallAnalyticsJobName":
			return []string{fixTCallJob}
		case "VocabularyName", "VocabularyNames":
			return nth(fixTVocabulary, "product-names")
		case "VocabularyFilterName", "VocabularyFilterNames":
			return nth(fixTFilter, "competitor-names")
		case "LanguageModelName", "ModelName":
			return []string{fixTModel}
		case "CategoryName", "MatchedCategories", "MatchedCategory":
			return nth(fixTCategory, "positive-resolution")
		case "NameContains":
			return []string{"support"}
		case "MediaFileUri":
			return []string{fixS3("calls/" + fixTJob + ".flac")}
		case "RedactedMediaFileUri":
			return []string{"https://s3.us-west-2.amazonaws.com/" + fixBucket + "/redacted/" + fixTJob + ".flac"}
		case "TranscriptFileUri":
			return []string{"https://s3.us-west-2.amazonaws.com/" + fixBucket + "/transcripts/" + fixTJob + ".json"}
		case "RedactedTranscriptFileUri":
			return []string{"https://s3.us-west-2.amazonaws.com/" + fixBucket + "/redacted/" + fixTJob + ".json"}
		case "ClinicalDocumentUri":
			return []string{"https://s3.us-west-2.amazonaws.com/" + fixBucket + "/scribe/" + fixTScribeJob + "/summary.json"}
		case "SubtitleFileUris", "SubtitleFileUri":
			return nth("https://s3.us-west-2.amazonaws.com/"+fixBucket+"/subtitles/"+fixTJob+".vtt", "https://s3.us-west-2.amazonaws.com/"+fixBucket+"/subtitles/"+fixTJob+".srt")
		case "VocabularyFileUri":
			return []string{fixS3("vocabularies/media-terms.txt")}
		case "VocabularyFilterFileUri":
			return []string{fixS3("vocabularies/profanity-filter.txt")}
		case "DownloadUri":
			return []string{"https://s3.us-west-2.amazonaws.com/aws-transcribe-dictionary-model-us-west-2-prod/" + fixAccount + "/" + fixTVocabulary + "/" + fixUUID("download") + "/input.txt"}
		case "S3Uri":
			return []string{fixS3("training/broadcast-news/")}
		case "TuningDataS3Uri":
			return []string{fixS3("training/tuning/")}
		case "OutputBucketName":
			return []string{fixBucket}
		case "OutputKey":
			return []string{"transcripts/" + fixTJob + ".json"}
		case "OutputLocation":
			return []string{fixS3("transcripts/")}
		case "DataAccessRoleArn":
			return []string{fixRole("TranscribeDataAccessRole")}
		case "OutputEncryptionKMSKeyId", "KMSKeyId":
			return []string{"arn:aws:kms:" + fixRegion + ":" + fixAccount + ":key/" + fixUUID("kms-key")}
		case "FailureReason":
			return []string{"The media format that you specified doesn't match the detected media format."}
		case "Message":
			return []string{"The requested job couldn't be found. Check the job name and try again."}
		case "Phrases", "Phrase":
			return nth("MediaConvert", "Elemental")
		case "Words", "Word":
			return nth("darn", "heck")
		case "Targets", "Target":
			return nth("I'd like to speak to a manager", "cancel my subscription")
		case "Key":
			return nth("Project", "Environment")
		case "Value":
			return nth("support-analytics", "Production")
		case "NextToken":
			return []string{"eyJuZXh0VG9rZW4iOiAiMiJ9"}
		}
	}
	return nil
}

// fixStreamingStrings are the candidates for the members of the
// transcribe-streaming model, whose requests are HTTP headers.
func fixStreamingStrings(c fixCtx) []string {
	switch c.member {
	case "SessionId":
		return []string{fixUUID("stream-session")}
	case "RequestId":
		return []string{fixUUID("stream-request")}
	case "VocabularyName", "VocabularyNames":
		return []string{fixTVocabulary}
	case "VocabularyFilterName", "VocabularyFilterNames":
		return []string{fixTFilter}
	case "LanguageModelName":
		return []string{fixTModel}
	case "LanguageOptions":
		return []string{"en-US,es-US"}
	case "PiiEntityTypes":
		return []string{"NAME,ADDRESS,PHONE"}
	case "ResourceAccessRoleArn", "DataAccessRoleArn":
		return []string{fixRole("TranscribeStreamingAccessRole")}
	case "KmsKeyId":
		return []string{"arn:aws:kms:" + fixRegion + ":" + fixAccount + ":key/" + fixUUID("kms-key")}
	case "OutputBucketName":
		return []string{fixBucket}
	case "OutputEncryptionKMSKeyId":
		return []string{"arn:aws:kms:" + fixRegion + ":" + fixAccount + ":key/" + fixUUID("kms-key")}
	case "OutputLocation", "ClinicalNoteOutputLocation", "TranscriptOutputLocation":
		return []string{fixS3("scribe/" + fixTScribeJob + "/" + strings.ToLower(strings.TrimSuffix(c.member, "OutputLocation")))}
	case "FailureReason":
		return []string{"The stream ended before any audio was received."}
	case "Message":
		return []string{"The request could not be completed."}
	case "ChannelId":
		return []string{"ch_0"}
	case "Speaker":
		return []string{"spk_0"}
	case "Transcript", "Content":
		return []string{"Thanks for calling, how can I help you today?"}
	case "Category":
		return []string{"PERSONAL"}
	case "Type":
		return []string{"NAME"}
	case "ResultId", "SegmentId", "UtteranceId":
		return []string{fixUUID(c.member + strconv.Itoa(c.index))}
	case "MatchedCategories", "MatchedCategory":
		return []string{fixTCategory}
	}
	return nil
}

// fixGenericStrings are the candidates by the form of a member's name,
// after the tables.
func fixGenericStrings(c fixCtx) []string {
	m := c.member
	switch {
	case strings.HasSuffix(m, "Arn") || strings.HasSuffix(m, "ARN") || strings.HasSuffix(m, "Arns"):
		switch {
		case strings.Contains(m, "Role"):
			return []string{fixRole("MediaServiceRole")}
		case strings.Contains(m, "Kms") || strings.Contains(m, "KMS"):
			return []string{"arn:aws:kms:" + fixRegion + ":" + fixAccount + ":key/" + fixUUID("kms-key")}
		case strings.Contains(m, "Secret"):
			return []string{"arn:aws:secretsmanager:" + fixRegion + ":" + fixAccount + ":secret:media-" + fixHex("secret", 6)}
		case strings.Contains(m, "Sns") || strings.Contains(m, "Topic"):
			return []string{"arn:aws:sns:" + fixRegion + ":" + fixAccount + ":media-events"}
		}
		return fixResourceArn(c)
	case strings.Contains(m, "Role"):
		return []string{fixRole("MediaServiceRole")}
	case strings.HasSuffix(m, "Uri") || strings.HasSuffix(m, "Url") || strings.HasSuffix(m, "URI") || strings.HasSuffix(m, "Location"):
		return []string{fixS3("media/" + fixKebab(m)), "https://www.example.com/media/" + fixKebab(m)}
	case strings.HasSuffix(m, "Token"):
		return []string{"eyJvZmZzZXQiOjIwfQ=="}
	case strings.HasSuffix(m, "Id") || strings.HasSuffix(m, "ID") || strings.HasSuffix(m, "Ids"):
		return []string{fixUUID(c.svc + c.parent + m + strconv.Itoa(c.index))}
	case strings.HasSuffix(m, "Name") || strings.HasSuffix(m, "Names"):
		base := strings.TrimSuffix(strings.TrimSuffix(m, "s"), "Name")
		if base == "" {
			base = c.parent
		}
		return []string{"example-" + fixKebab(base)}
	case strings.Contains(m, "Description"):
		return []string{"Example " + strings.Join(fixWords(c.parent), " ")}
	case strings.Contains(m, "Message") || strings.Contains(m, "Reason"):
		return []string{"The operation completed with a warning."}
	case strings.Contains(m, "Language"):
		return []string{"en-US"}
	case strings.Contains(m, "Key"):
		return []string{"Environment"}
	case strings.Contains(m, "Value"):
		return []string{"Production"}
	}
	return []string{strings.Join(fixWords(m), "-")}
}

// fixMapKeys are the keys of a map, by the map's member name.
func fixMapKeys(c fixCtx) []string {
	switch c.member {
	case "Tags", "tags":
		return []string{"Environment", "Project", "CostCenter"}
	case "AudioSelectors":
		return []string{"Audio Selector 1", "Audio Selector 2"}
	case "AudioSelectorGroups":
		return []string{"Audio Selector Group 1", "Audio Selector Group 2"}
	case "DynamicAudioSelectors":
		return []string{"Dynamic Audio Selector 1", "Dynamic Audio Selector 2"}
	case "CaptionSelectors":
		return []string{"Captions Selector 1", "Captions Selector 2"}
	case "UserMetadata":
		return []string{"project", "workflow"}
	case "CodecOptions":
		return []string{"Profile", "Level", "MaxReferenceFrames"}
	case "KmsEncryptionContext", "KMSEncryptionContext":
		return []string{"Department", "Project"}
	case "DynamicVariables":
		return []string{"player_params.ad_category", "session.id"}
	case "Headers":
		return []string{"X-Origin-Token", "Accept"}
	case "ConfigurationAliases":
		return []string{"player_params.origin_domain", "player_params.ad_type"}
	case "ConfigurationAliasesEntry":
		return []string{"pdx", "iad"}
	case "MatchedDetails":
		return []string{fixTCategory, "positive-resolution"}
	}
	return []string{"example-key-1", "example-key-2"}
}

// fixMapValues are the values of a map of strings, by the map's member
// name and the entry's key.
func fixMapValues(c fixCtx, key string) []string {
	switch key {
	case "Environment":
		return []string{"Production"}
	case "Project":
		return []string{"media-pipeline"}
	case "CostCenter":
		return []string{"CC-1234"}
	case "project":
		return []string{"spring-campaign"}
	case "workflow":
		return []string{"vod-ingest"}
	case "Profile":
		return []string{"main"}
	case "Level":
		return []string{"3.1"}
	case "MaxReferenceFrames":
		return []string{"3"}
	case "Department":
		return []string{"Support"}
	case "player_params.ad_category":
		return []string{"sports"}
	case "session.id":
		return []string{"[session.id]"}
	case "X-Origin-Token":
		return []string{"[player_params.origin_token]"}
	case "Accept":
		return []string{"application/xml"}
	case "pdx", "iad":
		return []string{key + ".origin.example.com"}
	}
	if c.member == "ConfigurationAliasesEntry" {
		return []string{"origin.example.com"}
	}
	return []string{"example-value"}
}

// fixNumber is the preferred values of a numeric member by its name,
// best first, or nil; the maker takes the first within the member's range.
func fixNumbers(c fixCtx) []float64 {
	m, p := c.member, c.parent
	audio := false
	for _, w := range []string{"Aac", "Ac3", "Ac4", "Eac3", "Mp2", "Mp3", "Opus", "Vorbis", "Audio", "Wav", "Aiff", "Flac", "Dolby"} {
		if strings.Contains(p, w) {
			audio = true
		}
	}
	switch m {
	case "Bitrate", "BitRate", "MaxBitrate", "MaxAverageBitrate":
		if audio {
			return []float64{192000, 128000, 448000, 96000, 16000}
		}
		if m == "MaxBitrate" {
			return []float64{8000000, 6000000}
		}
		return []float64{5000000, 192000, 448000}
	case "MaxAbrBitrate":
		return []float64{8000000}
	case "MinAbrBitrate":
		return []float64{600000}
	case "HrdBufferSize":
		return []float64{10000000}
	case "HrdBufferInitialFillPercentage", "HrdBufferFinalFillPercentage":
		return []float64{90}
	case "Width", "WidthInPx", "MaxWidth":
		return []float64{1920, 1280}
	case "Height", "HeightInPx", "MaxHeight":
		return []float64{1080, 720}
	case "ThumbnailWidth":
		return []float64{320}
	case "ThumbnailHeight":
		return []float64{180}
	case "TileWidth":
		return []float64{5, 1920}
	case "TileHeight":
		return []float64{4, 1080}
	case "FramerateNumerator", "Numerator":
		return []float64{30000}
	case "FramerateDenominator", "Denominator":
		return []float64{1001}
	case "ParNumerator", "ParDenominator":
		return []float64{1}
	case "SampleRate":
		return []float64{48000}
	case "MediaSampleRateHertz":
		return []float64{16000}
	case "Channels", "ChannelsIn", "ChannelsOut", "NumberOfChannels":
		return []float64{2}
	case "BitDepth":
		return []float64{16, 24}
	case "Dialnorm":
		return []float64{24}
	case "GopSize":
		return []float64{90}
	case "GopClosedCadence":
		return []float64{1}
	case "NumberBFramesBetweenReferenceFrames":
		return []float64{2}
	case "NumberReferenceFrames":
		return []float64{3}
	case "Slices":
		return []float64{1, 4, 8}
	case "QvbrQualityLevel":
		return []float64{7}
	case "QvbrQualityLevelFineTune":
		return []float64{0.33}
	case "MaxQualityLevel":
		return []float64{9.5}
	case "MaxResults":
		return []float64{20}
	case "Priority":
		return []float64{0}
	case "VideoPid", "PcrPid":
		return []float64{481}
	case "PmtPid":
		return []float64{480}
	case "Scte35Pid", "Scte35EsamPid":
		return []float64{500}
	case "TimedMetadataPid":
		return []float64{502}
	case "PrivateMetadataPid":
		return []float64{503}
	case "DvbTeletextPid":
		return []float64{499}
	case "Pid", "AudioPids", "Pids":
		return []float64{482}
	case "DvbSubPids":
		return []float64{483}
	case "InputChannels", "InputChannelsFineTune":
		return []float64{0}
	case "ProgramNumber", "TransportStreamId", "NetworkId":
		return []float64{1}
	case "PatInterval", "PmtInterval":
		return []float64{100}
	case "SdtInterval":
		return []float64{500}
	case "NitInterval":
		return []float64{33}
	case "TdtInterval":
		return []float64{1000}
	case "MaxPcrInterval":
		return []float64{40}
	case "SegmentLength":
		return []float64{6}
	case "FragmentLength":
		return []float64{2}
	case "FragmentTime":
		return []float64{2}
	case "MinSegmentLength", "MinFinalSegmentLength":
		return []float64{0}
	case "MinBufferTime":
		return []float64{2000}
	case "MinBufferTimeSeconds":
		return []float64{30}
	case "ManifestWindowSeconds":
		return []float64{60}
	case "MinUpdatePeriodSeconds":
		return []float64{2}
	case "SuggestedPresentationDelaySeconds":
		return []float64{10}
	case "MaxDurationSeconds":
		return []float64{120}
	case "PersonalizationThresholdSeconds":
		return []float64{2}
	case "DurationMillis", "DurationInMs":
		return []float64{30000}
	case "OffsetMillis", "StartOffsetMillis":
		return []float64{0}
	case "EndOffsetMillis":
		return []float64{30000}
	case "FileSize":
		return []float64{524288000}
	case "Duration":
		if c.svc == "elastictranscoder" {
			return []float64{180}
		}
		return []float64{30000, 30}
	case "Opacity":
		return []float64{50}
	case "FontSize":
		return []float64{24}
	case "FontResolution":
		return []float64{96}
	case "FontOpacity":
		return []float64{255}
	case "BackgroundOpacity", "ShadowOpacity":
		return []float64{128}
	case "OutlineSize":
		return []float64{2}
	case "ShadowXOffset", "ShadowYOffset":
		return []float64{2}
	case "XPosition", "YPosition", "ImageX", "ImageY", "X", "Y", "DdsXCoordinate", "DdsYCoordinate":
		return []float64{40}
	case "Layer":
		return []float64{1}
	case "FadeIn", "FadeOut":
		return []float64{500}
	case "Brightness", "Contrast", "Saturation", "Sharpness":
		return []float64{50}
	case "Hue":
		return []float64{0}
	case "Strength", "FilterStrength", "PostFilterSharpenStrength", "AggressiveMode":
		return []float64{2}
	case "Softness":
		return []float64{0}
	case "Quality":
		return []float64{80}
	case "MaxCaptures":
		return []float64{10}
	case "AudioType":
		return []float64{0}
	case "AudioFramesPerPes":
		return []float64{4}
	case "Speed":
		return []float64{1}
	case "TargetLkfs":
		return []float64{-23}
	case "TruePeakLimiterThreshold":
		return []float64{-2}
	case "CorrectionGateLevel":
		return []float64{-70}
	case "TargetLoudnessRange":
		return []float64{7}
	case "LoRoCenterMixLevel", "LoRoSurroundMixLevel", "LtRtCenterMixLevel", "LtRtSurroundMixLevel":
		return []float64{-3}
	case "MasteringMonitorNits":
		return []float64{1000}
	case "TargetMonitorNits", "SdrReferenceWhiteLevel":
		return []float64{203, 100}
	case "MaxCll", "MaxContentLightLevel":
		return []float64{1000}
	case "MaxFall", "MaxFrameAverageLightLevel":
		return []float64{400}
	case "MaxLuminance":
		return []float64{10000000}
	case "MinLuminance":
		return []float64{50}
	case "RedPrimaryX":
		return []float64{35400}
	case "RedPrimaryY":
		return []float64{14600}
	case "GreenPrimaryX":
		return []float64{8500}
	case "GreenPrimaryY":
		return []float64{39850}
	case "BluePrimaryX":
		return []float64{6550}
	case "BluePrimaryY":
		return []float64{2300}
	case "WhitePointX":
		return []float64{15635}
	case "WhitePointY":
		return []float64{16450}
	case "InputMasteringLuminance", "OutputMasteringLuminance":
		return []float64{1000}
	case "JobPercentComplete":
		return []float64{45}
	case "ConcurrentJobs", "TotalConcurrentJobs", "UnallocatedConcurrentJobs":
		return []float64{20}
	case "ReservedSlots":
		return []float64{1}
	case "ErrorCode", "Code":
		return []float64{1010}
	case "RetryCount":
		return []float64{1}
	case "WaitMinutes":
		return []float64{5}
	case "Index", "TrackNumber", "StreamNumber", "Source608ChannelNumber", "Source608TrackNumber",
		"Destination608ChannelNumber", "Destination708ServiceNumber", "SourceAncillaryChannelNumber", "AudioDescriptionAudioChannel", "AudioDescriptionDataChannel", "FollowSource":
		return []float64{1}
	case "SourceId":
		return []float64{1}
	case "ChannelId":
		return []float64{0}
	case "MaxAlternatives":
		return []float64{2}
	case "MaxSpeakerLabels":
		return []float64{4}
	case "SessionResumeWindow":
		return []float64{20}
	case "StartPercentage", "First":
		return []float64{0}
	case "EndPercentage", "Last":
		return []float64{100, 30000}
	case "Threshold":
		return []float64{10000}
	case "StartTime", "BeginAudioTime", "Begin", "BeginOffsetMillis":
		if c.svc == "transcribe" && (p == "AbsoluteTimeRange" || p == "Interruption") {
			return []float64{5000}
		}
		return []float64{0.52, 520}
	case "EndTime", "EndAudioTime", "End":
		if c.svc == "transcribe" && (p == "AbsoluteTimeRange" || p == "Interruption") {
			return []float64{30000}
		}
		return []float64{3.1, 3100}
	case "Confidence", "Score", "IdentifiedLanguageScore":
		return []float64{0.98}
	case "DurationInSeconds":
		return []float64{182.5}
	case "AvailNum", "SegmentNum", "SubSegmentNum", "SegmentsExpected", "SubSegmentsExpected", "AvailsExpected", "SpliceEventId", "SegmentationEventId", "UniqueProgramId":
		return []float64{1}
	case "SegmentationTypeId":
		return []float64{52}
	case "SegmentationUpidType":
		return []float64{14}
	case "PercentEnabled":
		return []float64{100}
	case "PeakTps":
		return []float64{1000}
	case "PeakConcurrentUsers":
		return []float64{5000}
	case "DelayAfterAvailEndSeconds", "AdAvailOffset", "AudioPtsOffsetDelta", "TimeDelta", "TimestampDeltaMilliseconds", "Offset", "FileOffset":
		return []float64{0}
	case "RetrievalWindowDurationSeconds":
		return []float64{300}
	case "RetrievedAdExpirationSeconds":
		return []float64{3600}
	case "MaxTimeDelaySeconds":
		return []float64{5}
	case "ApproximateDurationSeconds":
		return []float64{3600}
	case "ProgramDateTimePeriod":
		return []float64{600}
	case "TimedMetadataId3Period":
		return []float64{10}
	case "PtsOffset":
		return []float64{2}
	case "ThumbnailInterval":
		return []float64{10}
	case "SegmentationTime":
		return []float64{10}
	case "NullPacketBitrate":
		return []float64{0}
	case "Payload":
		return []float64{1}
	case "FixedAfd":
		return []float64{10}
	case "MinIInterval":
		return []float64{0}
	case "MinEbpInterval":
		return []float64{1000}
	case "RapInterval":
		return []float64{2000}
	case "ResponseSignalPreroll":
		return []float64{0}
	case "MaxAncDataSize":
		return []float64{0}
	case "MaxRenditions":
		return []float64{6}
	case "MaximumRGBTolerance":
		return []float64{100}
	case "MinimumRGBTolerance":
		return []float64{0}
	case "MaximumYUV":
		return []float64{1023}
	case "MinimumYUV":
		return []float64{64}
	case "SpeechThreshold":
		return []float64{15}
	case "KantarLicenseId":
		return []float64{12345}
	case "CaptionChannel":
		return []float64{1}
	case "VbrQuality":
		return []float64{7}
	case "CttsVersion":
		return []float64{1}
	case "BreakoutCode":
		return []float64{0}
	case "SegmentsPerSubdirectory":
		return []float64{100}
	case "MaximumConcurrentFeeds":
		return []float64{2}
	case "SubmittedJobsCount", "ProgressingJobsCount", "Count":
		return []float64{3}
	}
	if strings.HasSuffix(m, "Millis") {
		return []float64{30000}
	}
	if strings.HasSuffix(m, "Seconds") {
		return []float64{30}
	}
	return nil
}
