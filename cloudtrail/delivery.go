package cloudtrail

import "time"

// Delivery describes where a Reader found a record: the container format,
// the record's place in it and, for records that came wrapped in another
// service's message, that message's own members.
type Delivery struct {
	// Format is the container the record was read from: FormatLogFile for
	// an element of a {"Records":[...]} log file, FormatRecord for a record
	// on its own (or one line of JSON Lines), FormatEventBridge for the
	// detail of an EventBridge event, and so on.
	Format Format
	// Index is the record's index in its input, from 0. It counts every
	// record the Reader found, those skipped by a filter and those that
	// failed to decode included, so that it names the same record whatever
	// the options. It is -1 for the service events of WithServiceEvents,
	// which are no records and are not counted.
	Index int
	// Offset is the byte offset of the record in the input, after
	// decompression (and after the rewrite of Lenient). For a record that
	// was encoded inside another value (a CloudWatch Logs message, a
	// LookupEvents CloudTrailEvent string, compressed awslogs data) it is
	// the offset of that value.
	Offset int64
	// Via lists the messages the record came wrapped in, outermost first,
	// such as ["SQS message", "SNS notification"]; empty when none.
	Via []string

	// EventBridge holds the members of the EventBridge event whose detail
	// the record is, or of the service event itself (WithServiceEvents);
	// nil for other containers.
	EventBridge *EventBridgeDelivery
	// CloudWatchLogs holds the members of the CloudWatch Logs subscription
	// payload and log event the record came in; nil for other containers.
	CloudWatchLogs *CloudWatchLogsDelivery
	// LookupEvents holds the members of the LookupEvents event the record
	// came in; nil for other containers.
	LookupEvents *LookupEventsDelivery
}

// EventBridgeDelivery holds the envelope of an EventBridge event whose
// detail-type is one of the "... via CloudTrail" types, or of an event an
// AWS service sent itself, such as "MediaConvert Job State Change" (see
// WithServiceEvents).
type EventBridgeDelivery struct {
	Version    string    // version, "0"
	ID         string    // id
	DetailType string    // detail-type, such as "AWS API Call via CloudTrail"
	Source     string    // source, such as "aws.mediaconvert"
	Account    string    // account
	Time       time.Time // time, in UTC; zero when absent or no time
	Region     string    // region
	Resources  []string  // resources
}

// CloudWatchLogsDelivery holds the members of a CloudWatch Logs
// subscription payload and of the log event a record was the message of.
type CloudWatchLogsDelivery struct {
	MessageType         string    // messageType, "DATA_MESSAGE"
	Owner               string    // owner: the account of the log group
	LogGroup            string    // logGroup
	LogStream           string    // logStream
	SubscriptionFilters []string  // subscriptionFilters
	EventID             string    // the log event's id
	Timestamp           time.Time // the log event's timestamp, in UTC
}

// LookupEventsDelivery holds the members of one event of the CloudTrail
// LookupEvents API (as the AWS CLI prints it), whose CloudTrailEvent string
// was the record.
type LookupEventsDelivery struct {
	EventID     string           // EventId
	EventName   string           // EventName
	EventSource string           // EventSource
	EventTime   time.Time        // EventTime, in UTC
	Username    string           // Username
	AccessKeyID string           // AccessKeyId
	ReadOnly    *bool            // ReadOnly, given as the string "true" or "false"; nil when absent
	Resources   []LookupResource // Resources
	// NextToken is the NextToken of the page the event was on. It is
	// empty for the events of output larger than the record size limit
	// (as the AWS CLI prints when it gathers all pages), which are read
	// one by one.
	NextToken string
}

// LookupResource is one resource of a LookupEvents event.
type LookupResource struct {
	ResourceType string // ResourceType, such as "AWS::MediaConvert::Queue"
	ResourceName string // ResourceName
}
