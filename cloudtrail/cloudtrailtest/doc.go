// Package cloudtrailtest is a test kit for programs that consume CloudTrail
// records of the media services, in the spirit of net/http/httptest: it
// makes realistic records, writes them in every container a
// cloudtrail.Reader reads, compares decoded events, and generates trails
// of any size.
//
//   - Builders: NewEvent makes a record from typed values (a request and a
//     response of any registered operation, or none) with a complete,
//     current envelope; every part can be changed with options, and the
//     same options give the same record.
//   - Fixtures: Fixture returns a fully populated, realistic record of
//     every registered operation, made from the AWS models; Example
//     returns the documentation and real examples the library is tested
//     with, by name. Only programs that import this package link them.
//   - Containers: Encode writes events as a CloudTrail log file (gzip or
//     not), a JSON array, JSON Lines, EventBridge events, CloudWatch Logs
//     subscription payloads, lookup-events output, and wrapped in SNS, SQS
//     and Kinesis messages; DigestFile and S3Notification make inputs that
//     hold no records.
//   - Comparisons: Options gives the go-cmp options that compare raw JSON
//     by value, times by instant and ignore where a record was read from.
//   - Trails: Trail, WriteTrail and NewTrailReader make deterministic
//     CloudTrail log files of a chosen size and share of media events, and
//     WriteS3Layout writes them in CloudTrail's S3 layout.
//
// Like httptest.NewRequest, the functions of the kit panic on arguments
// that are mistakes of the test (an operation that is not registered, a
// fixture that does not exist), so that a test reads in a few lines.
package cloudtrailtest
