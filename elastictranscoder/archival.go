package elastictranscoder

// EndOfSupport is the day, in ISO 8601 form, on which AWS ended support for
// Amazon Elastic Transcoder.
//
// Elastic Transcoder is an archival service: since 13 November 2025 it
// takes no new work, and what remains of it are historic CloudTrail logs.
// This package reads those logs (jobs, pipelines and presets as they were
// recorded) so that audits and migrations to AWS Elemental MediaConvert can
// still account for them; its types describe the service as it last was.
const EndOfSupport = "2025-11-13"
