package mediatailor

import "github.com/mediatrail/mediatrail/cloudtrail"

// PlaybackSummary is what a record tells about one MediaTailor playback
// configuration: where the content and the ads come from, and where
// players start sessions and fetch manifests. It encodes to JSON with
// camelCase names, leaving out what is empty.
type PlaybackSummary struct {
	Name string `json:"name,omitzero"` // the configuration name
	ARN  string `json:"arn,omitzero"`  // the configuration ARN; empty when not shown

	VideoContentSource string `json:"videoContentSource,omitzero"` // VideoContentSourceUrl: the origin of the content
	AdDecisionServer   string `json:"adDecisionServer,omitzero"`   // AdDecisionServerUrl: the ad decision server (VAST/VMAP)

	// HLSManifestEndpoint is HlsConfiguration.ManifestEndpointPrefix, where
	// players fetch HLS manifests.
	HLSManifestEndpoint string `json:"hlsManifestEndpoint,omitzero"`
	// DASHManifestEndpoint is DashConfiguration.ManifestEndpointPrefix,
	// where players fetch DASH manifests.
	DASHManifestEndpoint string `json:"dashManifestEndpoint,omitzero"`
	// SessionInitializationEndpoint is SessionInitializationEndpointPrefix,
	// where players start sessions with client-side reporting.
	SessionInitializationEndpoint string `json:"sessionInitializationEndpoint,omitzero"`
	// PlaybackEndpoint is PlaybackEndpointPrefix, the host of all playback
	// endpoints of the configuration.
	PlaybackEndpoint string `json:"playbackEndpoint,omitzero"`

	// Event is the event that showed the configuration (for a list, the
	// list call), as PlaybackSummaries fills it; it is zero for the
	// Summary methods, which have no event.
	Event cloudtrail.EventRef `json:"event,omitzero"`
}

// Summary returns what c tells about the playback configuration. It is safe
// to call on a nil *PlaybackConfiguration, which gives the zero
// PlaybackSummary.
func (c *PlaybackConfiguration) Summary() PlaybackSummary {
	if c == nil {
		return PlaybackSummary{}
	}
	return PlaybackSummary{
		Name:                          c.GetName(),
		ARN:                           c.GetPlaybackConfigurationArn(),
		VideoContentSource:            c.GetVideoContentSourceUrl(),
		AdDecisionServer:              c.GetAdDecisionServerUrl(),
		HLSManifestEndpoint:           c.GetHlsConfiguration().GetManifestEndpointPrefix(),
		DASHManifestEndpoint:          c.GetDashConfiguration().GetManifestEndpointPrefix(),
		SessionInitializationEndpoint: c.GetSessionInitializationEndpointPrefix(),
		PlaybackEndpoint:              c.GetPlaybackEndpointPrefix(),
	}
}

// Summary returns what the response r tells about the playback
// configuration. It is safe to call on a nil *GetPlaybackConfigurationResponse.
func (r *GetPlaybackConfigurationResponse) Summary() PlaybackSummary {
	if r == nil {
		return PlaybackSummary{}
	}
	return PlaybackSummary{
		Name:                          r.GetName(),
		ARN:                           r.GetPlaybackConfigurationArn(),
		VideoContentSource:            r.GetVideoContentSourceUrl(),
		AdDecisionServer:              r.GetAdDecisionServerUrl(),
		HLSManifestEndpoint:           r.GetHlsConfiguration().GetManifestEndpointPrefix(),
		DASHManifestEndpoint:          r.GetDashConfiguration().GetManifestEndpointPrefix(),
		SessionInitializationEndpoint: r.GetSessionInitializationEndpointPrefix(),
		PlaybackEndpoint:              r.GetPlaybackEndpointPrefix(),
	}
}

// Summary returns what the response r tells about the playback
// configuration. It is safe to call on a nil *PutPlaybackConfigurationResponse.
func (r *PutPlaybackConfigurationResponse) Summary() PlaybackSummary {
	if r == nil {
		return PlaybackSummary{}
	}
	return PlaybackSummary{
		Name:                          r.GetName(),
		ARN:                           r.GetPlaybackConfigurationArn(),
		VideoContentSource:            r.GetVideoContentSourceUrl(),
		AdDecisionServer:              r.GetAdDecisionServerUrl(),
		HLSManifestEndpoint:           r.GetHlsConfiguration().GetManifestEndpointPrefix(),
		DASHManifestEndpoint:          r.GetDashConfiguration().GetManifestEndpointPrefix(),
		SessionInitializationEndpoint: r.GetSessionInitializationEndpointPrefix(),
		PlaybackEndpoint:              r.GetPlaybackEndpointPrefix(),
	}
}

// PlaybackSummaries returns the playback configurations that a typed
// MediaTailor event, as returned by cloudtrail.Decode, shows:
//
//   - PutPlaybackConfiguration: the configuration written, from the
//     response, with the request's name, content source and ad decision
//     server where the response leaves them out;
//   - GetPlaybackConfiguration: the configuration read back, or only its
//     name when the record has no response, as CloudTrail usually writes
//     it;
//   - ListPlaybackConfigurations: the configurations listed;
//   - DeletePlaybackConfiguration: the name of the configuration deleted.
//
// Each summary's Event is the event v was decoded from. For any other
// value, nil included, it returns nil.
func PlaybackSummaries(v any) []PlaybackSummary {
	out := playbackSummaries(v)
	if len(out) > 0 {
		var ref cloudtrail.EventRef
		if te, ok := v.(cloudtrail.TypedEvent); ok {
			ref = te.Envelope().Ref()
		}
		for i := range out {
			out[i].Event = ref
		}
	}
	return out
}

// playbackSummaries returns the configurations of PlaybackSummaries,
// without their Event.
func playbackSummaries(v any) []PlaybackSummary {
	switch ev := v.(type) {
	case *PutPlaybackConfigurationEvent:
		if ev == nil {
			return nil
		}
		s := ev.Response.Summary()
		req := ev.Request
		s.Name = first(s.Name, req.GetName())
		s.VideoContentSource = first(s.VideoContentSource, req.GetVideoContentSourceUrl())
		s.AdDecisionServer = first(s.AdDecisionServer, req.GetAdDecisionServerUrl())
		if s == (PlaybackSummary{}) {
			return nil
		}
		return []PlaybackSummary{s}
	case *GetPlaybackConfigurationEvent:
		if ev == nil {
			return nil
		}
		if ev.Response != nil {
			s := ev.Response.Summary()
			s.Name = first(s.Name, ev.Request.GetName())
			return []PlaybackSummary{s}
		}
		return named(ev.Request.GetName())
	case *ListPlaybackConfigurationsEvent:
		if ev == nil {
			return nil
		}
		items := ev.Response.GetItems()
		if len(items) == 0 {
			return nil
		}
		out := make([]PlaybackSummary, 0, len(items))
		for i := range items {
			out = append(out, items[i].Summary())
		}
		return out
	case *DeletePlaybackConfigurationEvent:
		if ev == nil {
			return nil
		}
		return named(ev.Request.GetName())
	}
	return nil
}

// named returns a summary that holds only a configuration name, or nil for
// no name.
func named(name string) []PlaybackSummary {
	if name == "" {
		return nil
	}
	return []PlaybackSummary{{Name: name}}
}

// first returns a unless it is empty, and b otherwise.
func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
