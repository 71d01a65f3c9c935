// Package jobs folds a stream of CloudTrail events into the history of each
// job of the media services: who submitted it and with which settings,
// every call that read or changed it, and the state it ended in.
//
// A Tracker takes events one by one, in any order, from a
// cloudtrail.Reader or anywhere else, and keeps for each job (or job-like
// resource) a History. The package imports the four service packages, so
// their operations are registered without further imports:
//
//   - MediaConvert jobs: CreateJob, GetJob, CancelJob, and the jobs in the
//     responses of ListJobs, SearchJobs and GetJobsQueryResults;
//   - Amazon Transcribe jobs of every kind (transcription, medical
//     transcription, call analytics, medical scribe): the Start, Get,
//     Delete and List calls of each;
//   - Amazon Transcribe custom language models, vocabularies, medical
//     vocabularies and vocabulary filters: their Create, Update, Get (for
//     language models, Describe), Delete and List calls;
//   - Elastic Transcoder jobs (CreateJob, ReadJob, CancelJob,
//     ListJobsByPipeline, ListJobsByStatus) and pipelines (CreatePipeline,
//     UpdatePipeline, UpdatePipelineStatus, UpdatePipelineNotifications,
//     ReadPipeline, DeletePipeline, ListPipelines);
//   - AWS Elemental MediaTailor playback configurations (Put, Get, Delete,
//     List) and channels (Create, Update, Start, Stop, Describe, Delete,
//     List).
//
// CloudTrail records the calls made to a service, not what the service
// does on its own: that a MediaConvert job completed, which files it
// wrote, or why a transcription failed is only in the events the services
// send to EventBridge themselves. Read those with a Reader made with
// cloudtrail.WithServiceEvents, and the Tracker folds them too:
// "MediaConvert Job State Change" (its status, errorCode, errorMessage and
// outputGroupDetails), and Amazon Transcribe's "Transcribe Job State
// Change", "Call Analytics Job State Change", "Medical Scribe Job State
// Change", "Language Model State Change" and "Vocabulary State Change"
// (the job's or resource's status and FailureReason). Elastic Transcoder
// and MediaTailor send no such events.
//
// # Order and state
//
// Log order is not time order: CloudTrail delivers a region's records in
// files of a few minutes, EventBridge events come on their own way, and a
// trail is often read file by file in any order. The Tracker keeps each
// history's observations sorted by time, and its result does not depend
// on the order of the events given to Add.
//
// The final State is that of the latest observation in time that carries
// a status, with two rules for what is seen rather than done. A status
// that a read (Get, Describe, List) or a service event shows does not
// replace a settled status by an unsettled one: settled are the ends of
// jobs (see State.Terminal) and the steady states of resources (a
// vocabulary READY or FAILED, a pipeline Active or Paused, a channel
// RUNNING or STOPPED). And only a later call that changes the resource,
// such as a Put or Create that makes it again, replaces StatusDeleted. So
// a job's COMPLETE wins over a PROGRESSING that a read lagging behind
// shows later, while a vocabulary updated after it was READY is PENDING
// again.
//
// Failed calls are observations, with their error, and change no state.
// A failed MediaConvert or Elastic Transcoder CreateJob made no job and
// names none: it gives no history, and counts in Stats.Unattributed. A
// failed call that names its job or resource, such as a StartTranscriptionJob
// refused for a name in use, is an observation of that name's history.
//
// # Memory
//
// The Tracker keeps no events nor records, only small values copied out
// of them: for each history its identity, the submission (with the
// requestParameters of the submitting call as its Settings, unless
// WithoutSettings), the first observation and the last N (see
// WithObservationLimit; 32 by default), counting those it drops, and the
// few values the final state is made of. Its memory grows with the number
// of histories, not with the number of events.
package jobs

import (
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// Kind names what a history follows.
type Kind string

// The kinds of job and resource a Tracker follows.
const (
	MediaConvertJob           Kind = "MediaConvert job"
	TranscriptionJob          Kind = "Transcribe transcription job"
	MedicalTranscriptionJob   Kind = "Transcribe medical transcription job"
	CallAnalyticsJob          Kind = "Transcribe call analytics job"
	MedicalScribeJob          Kind = "Transcribe medical scribe job"
	LanguageModel             Kind = "Transcribe language model"
	Vocabulary                Kind = "Transcribe vocabulary"
	MedicalVocabulary         Kind = "Transcribe medical vocabulary"
	VocabularyFilter          Kind = "Transcribe vocabulary filter"
	ElasticTranscoderJob      Kind = "Elastic Transcoder job"
	ElasticTranscoderPipeline Kind = "Elastic Transcoder pipeline"
	PlaybackConfiguration     Kind = "MediaTailor playback configuration"
	MediaTailorChannel        Kind = "MediaTailor channel"
)

// Statuses of the Tracker's own, for what the services give no status.
// Every other status is spelled as the service spells it (MediaConvert
// "COMPLETE", Elastic Transcoder "Complete", Amazon Transcribe
// "COMPLETED").
const (
	// StatusDeleted is the status after a successful Delete call.
	StatusDeleted = "DELETED"
	// StatusActive is the status of a vocabulary filter or a playback
	// configuration, which have none of their own, after a successful
	// call that creates, changes or reads it.
	StatusActive = "ACTIVE"
)

// History is what a stream of events tells about one job or resource.
type History struct {
	Kind Kind
	// ID identifies the job or resource within its kind, account and
	// region: the job id of MediaConvert and Elastic Transcoder jobs, the
	// pipeline id of Elastic Transcoder pipelines, and the name of the
	// others, which their services know them by.
	ID string
	// Name is the name of an Elastic Transcoder pipeline; for the kinds
	// known by name it is ID; MediaConvert and Elastic Transcoder jobs
	// have none.
	Name    string
	ARN     string // the ARN, when an event showed it
	Account string // the account the events were recorded in
	Region  string // the region of the events

	// Submitted is the earliest successful call that created the job or
	// resource (CreateJob, Start...Job, Create..., PutPlaybackConfiguration);
	// nil when the events hold none.
	Submitted *Submission

	// Observations are the observations kept, sorted by time: the first
	// and the last ones (see WithObservationLimit).
	Observations []Observation
	// Dropped is the number of observations not kept: those between the
	// first and the last ones kept.
	Dropped int

	// Final is the state the observations lead to (see the package
	// documentation).
	Final State
}

// Submission is the call that created a job or resource.
type Submission struct {
	Time      time.Time
	Operation string           // the eventName, such as "CreateJob"
	EventID   string           // the record's eventID
	Actor     cloudtrail.Actor // who made the call
	SourceIP  string           // the record's sourceIPAddress
	// Settings is the requestParameters of the call, as written, redacted
	// values ("***", "HIDDEN_DUE_TO_SECURITY_REASONS") as they are: for a
	// MediaConvert job its settings, queue, role and user metadata; nil
	// with WithoutSettings.
	Settings json.RawMessage
}

// Observation is what one event tells about a job or resource.
type Observation struct {
	Time time.Time
	// Operation is the eventName of a call, such as "GetJob", or the
	// detail-type of a service event, such as "MediaConvert Job State
	// Change".
	Operation string
	EventID   string           // the record's eventID, or the EventBridge event's id
	Actor     cloudtrail.Actor // who made the call; the service for its own events
	SourceIP  string           // the record's sourceIPAddress; empty for service events
	// Status is the status the event shows the job or resource in, as the
	// service spells it (or StatusDeleted, StatusActive); empty when it
	// shows none, as for failed calls.
	Status string
	// Err is the error of a failed call; nil when the call succeeded.
	Err *CallError
	// Detail says more, in a few words: the progress of a job, its error,
	// the number of files it wrote, how the event showed it ("listed").
	Detail string
}

// CallError is the error of a failed call, as its record gives it.
type CallError struct {
	Code    string // errorCode, such as "NotFoundException"
	Message string // errorMessage
}

// Error implements error.
func (e *CallError) Error() string {
	if e.Message == "" {
		return e.Code
	}
	return e.Code + ": " + e.Message
}

// State is where a job or resource stands.
type State struct {
	// Status is the status of the observation the state is that of; empty
	// when no observation carried one.
	Status string
	// Time is the time of that observation.
	Time time.Time
	// Terminal reports a status that the job or resource does not leave
	// on its own: the end of a job (MediaConvert COMPLETE, ERROR and
	// CANCELED; Amazon Transcribe COMPLETED and FAILED, also of language
	// models; Elastic Transcoder Complete, Error and Canceled) or
	// StatusDeleted.
	Terminal bool
	// ErrorCode and ErrorMessage are the job's error as the service gives
	// it with that status: MediaConvert's errorCode (a number, as text)
	// and errorMessage, Amazon Transcribe's FailureReason.
	ErrorCode    string
	ErrorMessage string
	// Outputs are where the job wrote, as the latest event that told
	// showed it: the files of a completed MediaConvert job (from its
	// service event), else the destinations of its settings; the
	// transcript of an Amazon Transcribe job; the output keys of an Elastic
	// Transcoder job; the manifest endpoints of a playback configuration,
	// the playback URLs of a channel. Nil when no event told.
	Outputs []string
}

// DefaultObservationLimit is the number of last observations a history
// keeps unless WithObservationLimit says otherwise.
const DefaultObservationLimit = 32

// Option configures a Tracker.
type Option func(*config)

type config struct {
	limit    int
	settings bool
}

// WithObservationLimit sets how many of the last observations of each
// history the Tracker keeps besides the first (DefaultObservationLimit
// unless set). A history keeps at most n+1 observations; the others are
// counted in Dropped. Values below 1 are taken as 1.
func WithObservationLimit(n int) Option {
	return func(c *config) { c.limit = max(n, 1) }
}

// WithoutSettings makes the Tracker keep no Settings in the submissions:
// the requestParameters of a MediaConvert CreateJob are a few kilobytes,
// more than the rest of a history.
func WithoutSettings() Option {
	return func(c *config) { c.settings = false }
}

// Stats counts what a Tracker was given.
type Stats struct {
	Events int // the events given to Add
	Used   int // the events that told about a job or resource
	// Unattributed counts the events of a tracked operation that name no
	// job or resource: a failed MediaConvert or Elastic Transcoder
	// CreateJob (no job was made, so there is no id to follow), a
	// CreatePipeline whose record has no response.
	Unattributed int
	// Undecodable counts the events of a tracked operation that
	// cloudtrail.Decode could not decode (Add returned its error).
	Undecodable int
}

// Tracker folds events into histories. The zero Tracker is not ready to
// use; make one with NewTracker. A Tracker is not safe for concurrent use.
type Tracker struct {
	cfg    config
	tracks map[key]*track
	names  interner
	notes  []note // scratch
	stats  Stats
}

// NewTracker returns a Tracker with the given options.
func NewTracker(opts ...Option) *Tracker {
	t := &Tracker{
		cfg:    config{limit: DefaultObservationLimit, settings: true},
		tracks: make(map[key]*track),
		names:  interner{m: make(map[string]string)},
	}
	for _, o := range opts {
		o(&t.cfg)
	}
	return t
}

// key identifies a history.
type key struct {
	kind            Kind
	account, region string
	id              string
}

// track is the Tracker's state of one history.
type track struct {
	h        History // identity, submission and dropped count; no observations, no final state
	first    Observation
	hasFirst bool
	last     []Observation // sorted by time; each after first

	// The candidates for the final state (see final): the latest write,
	// read and settled read.
	write, read, settledRead cand
	outputs                  []string // the outputs of the latest event that showed any
	outputsAt                order
}

// order places an event in time: by time, then by event id, so that
// events of the same second order the same way whatever their arrival.
type order struct {
	time    time.Time
	eventID string
}

func (a order) compare(b order) int {
	if c := a.time.Compare(b.time); c != 0 {
		return c
	}
	return cmp.Compare(a.eventID, b.eventID)
}

// cand is a status an event showed.
type cand struct {
	ok      bool
	at      order
	status  string
	settled bool
	code    string
	msg     string
}

// later reports whether c comes after d: in time, and at the same time
// settled before unsettled, then by event id and status.
func (c cand) later(d cand) bool {
	if !d.ok {
		return true
	}
	if x := c.at.time.Compare(d.at.time); x != 0 {
		return x > 0
	}
	if c.settled != d.settled {
		return c.settled
	}
	if x := cmp.Compare(c.at.eventID, d.at.eventID); x != 0 {
		return x > 0
	}
	return c.status > d.status
}

// note is what one event tells about one job or resource; the handlers
// of the services make them.
type note struct {
	kind    Kind
	id      string
	name    string
	arn     string
	status  string   // the status shown; "" for none
	write   bool     // the call changes the job or resource
	create  bool     // the call creates it: its record is a submission
	code    string   // the job's error code shown with the status
	msg     string   // the job's error message shown with the status
	outputs []string // where the job writes, if the event shows it
	detail  string
	time    time.Time // the time of the observation, when not the event's
}

// Add folds e into the histories. Events that concern no tracked job or
// resource are ignored. Add returns an error only for an event of a
// tracked operation that cloudtrail.Decode cannot decode at all; the event
// is then left out, and the Tracker goes on.
func (t *Tracker) Add(e *cloudtrail.Event) error {
	if e == nil {
		return nil
	}
	t.stats.Events++
	t.notes = t.notes[:0]
	if e.EventType == "AwsServiceEvent" {
		t.serviceEvent(e)
	} else {
		if !tracked(e.EventSource, e.EventName) {
			return nil
		}
		v, err := cloudtrail.Decode(e)
		if err != nil {
			t.stats.Undecodable++
			return fmt.Errorf("jobs: event %s (%s %s): %w", e.EventID, e.EventSource, e.EventName, err)
		}
		t.call(e, v)
	}
	if len(t.notes) == 0 {
		return nil
	}
	t.stats.Used++
	for i := range t.notes {
		t.apply(e, &t.notes[i])
	}
	clear(t.notes) // drop the references to the event's strings
	return nil
}

// emit records a note of the event being added.
func (t *Tracker) emit(n note) {
	if n.id == "" {
		return
	}
	t.notes = append(t.notes, n)
}

// unattributed counts an event of a tracked operation that names nothing
// to follow.
func (t *Tracker) unattributed() { t.stats.Unattributed++ }

// apply folds the note n of event e.
func (t *Tracker) apply(e *cloudtrail.Event, n *note) {
	k := key{
		kind:    n.kind,
		account: t.names.get(account(e)),
		region:  t.names.get(e.AWSRegion),
		id:      n.id,
	}
	tr := t.tracks[k]
	if tr == nil {
		k.id = strings.Clone(k.id)
		tr = &track{h: History{Kind: k.kind, ID: k.id, Account: k.account, Region: k.region}}
		t.tracks[k] = tr
	}
	if tr.h.Name == "" && n.name != "" {
		if n.name == n.id {
			tr.h.Name = tr.h.ID
		} else {
			tr.h.Name = strings.Clone(n.name)
		}
	}
	if tr.h.ARN == "" && n.arn != "" {
		tr.h.ARN = strings.Clone(n.arn)
	}

	when := e.EventTime
	if !n.time.IsZero() {
		when = n.time
	}
	at := order{time: when, eventID: e.EventID}
	failed := e.Failed()
	o := Observation{
		Time:      when,
		Operation: t.names.get(e.EventName),
		EventID:   strings.Clone(e.EventID),
		Actor:     t.actor(e),
		SourceIP:  t.names.get(e.SourceIPAddress),
		Detail:    t.names.get(n.detail),
	}
	if failed {
		o.Err = &CallError{Code: t.names.get(e.ErrorCode), Message: strings.Clone(e.ErrorMessage)}
	} else {
		o.Status = t.names.get(n.status)
	}
	if !tr.observe(o, t.cfg.limit) {
		return // the same event again
	}
	if failed {
		return
	}
	if n.create && (tr.h.Submitted == nil || at.compare(order{tr.h.Submitted.Time, tr.h.Submitted.EventID}) < 0) {
		s := &Submission{Time: when, Operation: o.Operation, EventID: o.EventID, Actor: o.Actor, SourceIP: o.SourceIP}
		if t.cfg.settings && len(e.RequestParameters) > 0 {
			s.Settings = json.RawMessage(strings.Clone(string(e.RequestParameters)))
		}
		tr.h.Submitted = s
	}
	if n.status != "" {
		c := cand{ok: true, at: order{when, o.EventID}, status: o.Status, settled: settled(n.kind, n.status),
			code: strings.Clone(n.code), msg: strings.Clone(n.msg)}
		switch {
		case n.write:
			if c.later(tr.write) {
				tr.write = c
			}
		default:
			if c.later(tr.read) {
				tr.read = c
			}
			if c.settled && c.later(tr.settledRead) {
				tr.settledRead = c
			}
		}
	}
	if len(n.outputs) > 0 && (tr.outputs == nil || at.compare(tr.outputsAt) > 0) {
		out := make([]string, len(n.outputs))
		for i, s := range n.outputs {
			out[i] = strings.Clone(s)
		}
		tr.outputs, tr.outputsAt = out, order{when, o.EventID}
	}
}

// account returns the account an event was recorded in.
func account(e *cloudtrail.Event) string {
	if e.RecipientAccountID != "" {
		return e.RecipientAccountID
	}
	if e.UserIdentity != nil {
		return e.UserIdentity.AccountID
	}
	return ""
}

// actor returns who made the call of e, with its strings copied out of
// the event (interned: the same few actors make most calls).
func (t *Tracker) actor(e *cloudtrail.Event) cloudtrail.Actor {
	a := e.Actor()
	v := reflect.ValueOf(&a).Elem()
	for i := 0; i < v.NumField(); i++ {
		if f := v.Field(i); f.Kind() == reflect.String && f.CanSet() {
			f.SetString(t.names.get(f.String()))
		}
	}
	return a
}

// lessObs orders observations: by time, then by event id, operation and
// status.
func lessObs(a, b *Observation) int {
	if c := a.Time.Compare(b.Time); c != 0 {
		return c
	}
	if c := cmp.Compare(a.EventID, b.EventID); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Operation, b.Operation); c != 0 {
		return c
	}
	return cmp.Compare(a.Status, b.Status)
}

// observe keeps o if it is the first or among the last limit
// observations, and counts it dropped otherwise. The observations kept
// are the earliest and the limit latest of all given, whatever the order
// they come in. It reports false for an observation kept already (the
// same event given twice).
func (tr *track) observe(o Observation, limit int) bool {
	if !tr.hasFirst {
		tr.first, tr.hasFirst = o, true
		return true
	}
	if o.EventID != "" && tr.kept(&o) {
		return false
	}
	if lessObs(&o, &tr.first) < 0 {
		o, tr.first = tr.first, o
	}
	i, _ := slices.BinarySearchFunc(tr.last, &o, func(x Observation, y *Observation) int { return lessObs(&x, y) })
	switch {
	case len(tr.last) < limit:
		tr.last = slices.Insert(tr.last, i, o)
	case i == 0:
		tr.h.Dropped++ // earlier than every one kept
	default:
		copy(tr.last[:i-1], tr.last[1:i])
		tr.last[i-1] = o
		tr.h.Dropped++
	}
	return true
}

// kept reports whether an observation of the same event, operation, time
// and status is kept.
func (tr *track) kept(o *Observation) bool {
	if lessObs(o, &tr.first) == 0 {
		return true
	}
	_, found := slices.BinarySearchFunc(tr.last, o, func(x Observation, y *Observation) int { return lessObs(&x, y) })
	return found
}

// final returns the state the candidates lead to: the latest write,
// unless reads after it in time show more. A read after the write shows
// more when the write is not a deletion, and either the read's status is
// settled or the write's is not. Of those reads, the latest settled one
// counts, else the latest one.
func (tr *track) final(kind Kind) State {
	w, r, sr := tr.write, tr.read, tr.settledRead
	after := func(c cand) bool { return c.ok && (!w.ok || c.at.compare(w.at) > 0) }
	var c cand
	switch {
	case w.ok && w.status == StatusDeleted:
		c = w
	case after(sr):
		c = sr
	case w.ok && w.settled:
		c = w
	case after(r):
		c = r
	default:
		c = w
	}
	s := State{Outputs: slices.Clone(tr.outputs)}
	if c.ok {
		s.Status, s.Time = c.status, c.at.time
		s.Terminal = terminal(kind, c.status)
		s.ErrorCode, s.ErrorMessage = c.code, c.msg
	}
	return s
}

// history returns a copy of the history of tr.
func (tr *track) history() *History {
	h := tr.h
	if tr.h.Submitted != nil {
		s := *tr.h.Submitted
		h.Submitted = &s
	}
	if tr.hasFirst {
		h.Observations = make([]Observation, 0, 1+len(tr.last))
		h.Observations = append(h.Observations, tr.first)
		h.Observations = append(h.Observations, tr.last...)
	}
	h.Final = tr.final(tr.h.Kind)
	return &h
}

// Histories returns the histories of every job and resource the events
// told about, sorted by the time of their first observation, then by
// kind, id, account and region. They are copies: the Tracker can go on
// adding events.
func (t *Tracker) Histories() []*History {
	out := make([]*History, 0, len(t.tracks))
	for _, tr := range t.tracks {
		out = append(out, tr.history())
	}
	slices.SortFunc(out, func(a, b *History) int {
		var ta, tb time.Time
		if len(a.Observations) > 0 {
			ta = a.Observations[0].Time
		}
		if len(b.Observations) > 0 {
			tb = b.Observations[0].Time
		}
		return cmp.Or(ta.Compare(tb), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID),
			cmp.Compare(a.Account, b.Account), cmp.Compare(a.Region, b.Region))
	})
	return out
}

// Len returns the number of histories.
func (t *Tracker) Len() int { return len(t.tracks) }

// Stats returns what the Tracker was given so far.
func (t *Tracker) Stats() Stats { return t.stats }

// interner shares the strings that come again and again (operations,
// actors, addresses, statuses, regions), copied out of the events. It
// holds at most maxInterned strings; past that, strings are copied.
type interner struct {
	m map[string]string
}

const maxInterned = 1 << 14

func (in *interner) get(s string) string {
	if s == "" {
		return ""
	}
	if v, ok := in.m[s]; ok {
		return v
	}
	c := strings.Clone(s)
	if len(in.m) < maxInterned {
		in.m[c] = c
	}
	return c
}
