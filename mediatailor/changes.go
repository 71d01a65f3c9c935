package mediatailor

import "github.com/mediatrail/mediatrail/cloudtrail"

// The operations whose response echoes the request, for
// cloudtrail.Event.ServiceChanges. MediaTailor returns the configuration,
// channel, source or program it made or updated as the whole response,
// beside its ARN, state and times.
func init() {
	for _, name := range []string{
		"PutPlaybackConfiguration",
		"ConfigureLogsForPlaybackConfiguration",
		"ConfigureLogsForChannel",
		"CreateChannel", "UpdateChannel",
		"CreateSourceLocation", "UpdateSourceLocation",
		"CreateVodSource", "UpdateVodSource",
		"CreateLiveSource", "UpdateLiveSource",
		"CreateProgram", "UpdateProgram",
		"CreatePrefetchSchedule",
	} {
		cloudtrail.RegisterEcho(EventSource, name, "")
	}
}
