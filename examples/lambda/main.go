// Command lambda is an AWS Lambda function that reads a CloudTrail trail
// where it is delivered and writes the calls of the media services
// (MediaConvert, Elastic Transcoder, Transcribe, MediaTailor) to its log as
// structured lines, with CloudWatch metrics in the embedded metric format.
//
// Build it for the provided.al2023 runtime:
//
//	GOOS=linux GOARCH=arm64 go build -tags lambda.norpc -o bootstrap ./examples/lambda
//	zip function.zip bootstrap
//
// # Triggers
//
// One handler takes every trigger below and tells them apart by content;
// cloudtrail.NewReader recognizes each container:
//
//   - an S3 event notification that invokes the function directly
//     ({"Records":[{"eventSource":"aws:s3",...}]}): the log files it names
//     are read from S3;
//   - SQS messages ({"Records":[{"eventSource":"aws:sqs",...}]}) whose
//     bodies are S3 event notifications (S3 → SQS), SNS notifications of
//     them or of CloudTrail's own log file notifications (S3 or CloudTrail →
//     SNS → SQS), EventBridge "Object Created" events (EventBridge → SQS),
//     or EventBridge events "AWS API Call via CloudTrail", whose record is
//     in the message. Each message is processed on its own, and the
//     function answers with the messages to retry (partial batch failures);
//   - an EventBridge "Object Created" event of S3 (source aws.s3) for a new
//     log file: the file is read from S3;
//   - an EventBridge event "AWS API Call via CloudTrail" (a rule matching
//     the media services' sources): the record is in the event;
//   - a CloudWatch Logs subscription ({"awslogs":{"data":"..."}}) of the log
//     group a trail writes to: the records are in the batch;
//   - Kinesis records ({"Records":[{"eventSource":"aws:kinesis",...}]}) of a
//     CloudWatch Logs subscription whose destination is a data stream, with
//     partial batch failures as for SQS;
//   - an SNS notification invoking the function directly (S3 or CloudTrail →
//     SNS → Lambda).
//
// A digest file (known by its key, s3trail.ParseKey, and not read), a
// notification of an object that holds no records and an EventBridge
// event of another kind are logged and skipped; the S3 test
// event (s3:TestEvent) that S3 sends when notifications are set up is
// acknowledged.
//
// # Output
//
// Each event kept is one JSON line on standard output (log/slog), which
// Lambda sends to CloudWatch Logs:
//
//	{"time":"...","level":"INFO","msg":"event","requestId":"...",
//	 "event":{"time":"...","source":"mediaconvert.amazonaws.com","operation":"CreateJob",
//	          "actor":"role/MediaOps (session alice)","sourceIP":"203.0.113.7",
//	          "error":{"code":"...","message":"..."},"requestID":"...","eventID":"..."},
//	 "account":"111122223333","region":"us-west-2","actorArn":"arn:aws:iam::111122223333:role/MediaOps",
//	 "write":true,"resource":{"type":"Job","kind":"create","id":"1712345678901-abc123"},
//	 "trigger":"sqs","messageId":"...","object":"s3://bucket/AWSLogs/.../file.json.gz"}
//
// event is the record's own short form (cloudtrail.Event.LogValue): the
// event time, source, name, actor, source address, error for a failed call,
// request id and eventID; with fieldErrors, the values of the typed form
// that did not convert. resource is the operation's resource type and
// kind (cloudtrail.Info) and the resource's id or name, from the summaries
// of the service packages or the member of the request that names it.
// trigger says what invoked the function (s3, sqs, sns, eventbridge,
// cloudwatchlogs, kinesis), messageId or sequenceNumber the message the event
// came in, object the log file it was read from. Problems are lines of
// level WARN (damage, skipped values, missing objects) or ERROR (objects
// to read again).
//
// At the end of each invocation one more line holds the invocation's metrics
// in CloudWatch's embedded metric format, which CloudWatch Logs turns into
// metrics without API calls: in the namespace MEDIATRAIL_METRICS_NAMESPACE,
// with the dimension sets [FunctionName] and [FunctionName, Trigger], the
// counts Events (events written), FailedCalls (of them, calls that failed),
// Damaged (damaged records and log files), Skipped (values that hold no
// records, such as digest files), ObjectsRead, ObjectsMissing, ObjectsFailed,
// BytesRead (of the log files, compressed), Messages and MessagesFailed
// (the messages of a batch, or 1 for a direct invocation, and those to
// retry); and, with the dimension set [FunctionName], one count per service
// and event name, such as "mediaconvert.CreateJob", and one per service and
// event name of failed calls, such as "mediaconvert.CreateJob.Failed".
//
// # Configuration
//
// Environment variables:
//
//	MEDIATRAIL_EVENT_SOURCES    event sources to keep, comma-separated ("aws.mediaconvert"
//	                            works too), or "*" for every source; default: the media
//	                            services (mediaconvert, elastictranscoder, transcribe,
//	                            transcribestreaming and mediatailor .amazonaws.com)
//	MEDIATRAIL_EVENT_NAMES      event names to keep, comma-separated; default: all
//	MEDIATRAIL_WRITES_ONLY      "true": keep only the calls that change a resource
//	MEDIATRAIL_METRICS_NAMESPACE  the namespace of the metrics; default "MediaTrail"
//	MEDIATRAIL_CONCURRENCY      how many log files are read at once; default four per
//	                            processor the function sees (runtime.GOMAXPROCS)
//
// The S3 client is made once, at cold start, from the function's role and
// region (config.LoadDefaultConfig).
//
// # Failures
//
//   - A damaged record, or a log file damaged or cut short in S3 (a gzip
//     stream that ends early, a broken Records array), is logged and
//     skipped; the records around the damage are written. Reading the file
//     again would give the same bytes, so it is not retried.
//   - A log file that cannot be read (an S3 error, throttling, access
//     denied, the network, a read cut off that three resumed reads do not
//     complete) is a retryable failure of the message it came from: for SQS
//     and Kinesis its messageId or sequence number is in the answer's
//     batchItemFailures, and the queue or stream delivers it again; for a
//     direct invocation (S3, SNS, EventBridge) the handler returns an error,
//     so that Lambda's asynchronous retries, and then the dead-letter queue
//     or on-failure destination, take over.
//   - A log file that no longer exists (NoSuchKey, NoSuchBucket) is logged
//     and not retried. Without s3:ListBucket on the bucket S3 answers
//     AccessDenied for a missing object, which is retried.
//   - When the function is close to its timeout (a tenth of the time it had,
//     at most five seconds, before it), reading stops, and every message
//     whose log files were not read to their end fails in the same way, so
//     that a long batch returns its partial failures instead of timing out
//     whole.
//
// # Idempotency
//
// Every delivery is at least once: SQS, Kinesis, EventBridge and S3
// notifications may deliver a message twice, and a message that failed is
// delivered again whole, so a log file is read again, and its events are
// written again, events of its other objects included. Every event line
// carries the record's eventID, which CloudTrail makes unique, and the
// object it came from: sinks that need each event once keep the first line
// of each eventID (and a metric of events counts redeliveries too).
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/s3trail"
	_ "github.com/mediatrail/mediatrail/elastictranscoder"
	"github.com/mediatrail/mediatrail/examples/internal/console"
	_ "github.com/mediatrail/mediatrail/mediaconvert"
	_ "github.com/mediatrail/mediatrail/mediatailor"
	_ "github.com/mediatrail/mediatrail/transcribe"
)

// mediaSources are the event sources kept by default: those the service
// packages imported above register their typed forms under.
var mediaSources = cloudtrail.DefaultRegistry.EventSources()

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg, err := configFromEnv(os.Getenv)
	if err != nil {
		logger.Error("bad configuration", "error", err)
		os.Exit(1)
	}
	awsCfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		logger.Error("no AWS configuration", "error", err)
		os.Exit(1)
	}
	h := &Handler{S3: s3.NewFromConfig(awsCfg), Logger: logger, Config: cfg}
	lambda.Start(h.Handle)
}

// configFromEnv reads the configuration from the environment variables of
// the package documentation.
func configFromEnv(getenv func(string) string) (Config, error) {
	cfg := Config{
		EventSources: mediaSources,
		Namespace:    "MediaTrail",
		FunctionName: getenv("AWS_LAMBDA_FUNCTION_NAME"),
		Concurrency:  s3trail.DefaultConcurrency(),
	}
	if v := strings.TrimSpace(getenv("MEDIATRAIL_EVENT_SOURCES")); v == "*" {
		cfg.EventSources = nil
	} else if v != "" {
		cfg.EventSources = console.SplitList(v)
	}
	cfg.EventNames = console.SplitList(getenv("MEDIATRAIL_EVENT_NAMES"))
	if v := getenv("MEDIATRAIL_WRITES_ONLY"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return cfg, fmt.Errorf("MEDIATRAIL_WRITES_ONLY: %v", err)
		}
		cfg.WritesOnly = b
	}
	if v := getenv("MEDIATRAIL_METRICS_NAMESPACE"); v != "" {
		cfg.Namespace = v
	}
	if v := getenv("MEDIATRAIL_CONCURRENCY"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return cfg, fmt.Errorf("MEDIATRAIL_CONCURRENCY: %q is no positive number", v)
		}
		cfg.Concurrency = n
	}
	return cfg, nil
}
