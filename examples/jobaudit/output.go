package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/jobs"
	"github.com/mediatrail/mediatrail/examples/internal/console"
)

// Text layout: a history's lines after the first are indented by indent,
// with a label of labelWidth characters; the lines of a list under a label
// (changes) are indented by listIndent.
const (
	indent     = "  "
	labelWidth = 11
	listIndent = "    "
	columnGap  = "  "
	maxOutputs = 4 // the files of the final state listed, at most
)

// timeFormat is how times are written in the text.
const timeFormat = time.RFC3339

// textWriter writes histories as text, each line fitted to width.
type textWriter struct {
	w     io.Writer
	width int
	err   error
}

// line writes one line, cut to the width (its parts are printable
// already).
func (t *textWriter) line(s string) {
	if t.err != nil {
		return
	}
	_, t.err = io.WriteString(t.w, cut(strings.TrimRight(s, " "), t.width)+"\n")
}

// labelled writes a line of the history's block: the label, padded, and
// the value.
func (t *textWriter) labelled(label, value string) {
	t.line(indent + pad(label, labelWidth-1) + " " + console.Printable(value))
}

// writeText writes the histories as text.
func (a *audit) writeText(w io.Writer) error {
	t := &textWriter{w: w, width: a.cfg.width}
	hs := a.tracker.Histories()
	if len(hs) == 0 {
		t.line("no jobs")
	}
	for i, h := range hs {
		if i > 0 {
			t.line("")
		}
		a.writeHistory(t, h)
	}
	return t.err
}

// writeHistory writes the block of one history.
func (a *audit) writeHistory(t *textWriter, h *jobs.History) {
	head := string(h.Kind) + " " + cmpOr(h.ID, "-")
	if h.Name != "" && h.Name != h.ID {
		head += " (" + h.Name + ")"
	}
	t.line(console.Printable(head) + columnGap + console.Printable(strings.TrimSpace(h.Account+" "+h.Region)))

	sub, settings := a.submissionOf(h)
	if s := h.Submitted; s != nil {
		t.labelled("submitted", formatTime(s.Time)+" "+s.Operation+" by "+s.Actor.String())
	} else {
		t.labelled("submitted", "not in these events")
	}
	for _, s := range settings {
		t.labelled(s.Name, shortARN(s.Value))
	}

	t.observations(h)

	f := h.Final
	switch {
	case f.Status == "":
		t.labelled("final", "no status seen")
	default:
		v := f.Status + " at " + formatTime(f.Time)
		if f.ErrorCode != "" || f.ErrorMessage != "" {
			v += ": error " + strings.TrimSpace(f.ErrorCode+" "+f.ErrorMessage)
		}
		t.labelled("final", v)
	}
	for i, o := range f.Outputs {
		if i == maxOutputs && len(f.Outputs) > maxOutputs+1 {
			t.labelled("", fmt.Sprintf("(and %d more)", len(f.Outputs)-maxOutputs))
			break
		}
		label := ""
		if i == 0 {
			label = "outputs"
		}
		t.labelled(label, o)
	}

	if sub != nil && sub.compared {
		a.writeChanges(t, sub)
	}
}

// observations writes the observations of h as a table under the label
// "events", its columns as wide as their values, narrowed to fit the
// width.
func (t *textWriter) observations(h *jobs.History) {
	rows := make([][]string, 0, len(h.Observations)+1)
	for i, o := range h.Observations {
		note := o.Detail
		if o.Err != nil {
			note = "failed: " + o.Err.Error()
		}
		rows = append(rows, []string{
			formatTime(o.Time), console.Printable(o.Operation), console.Printable(o.Actor.String()),
			console.Printable(cmpOr(o.Status, "-")), console.Printable(note),
		})
		if i == 0 && h.Dropped > 0 {
			rows = append(rows, []string{fmt.Sprintf("(%d more, not kept)", h.Dropped)})
		}
	}
	if len(rows) == 0 {
		t.labelled("events", "none kept")
		return
	}
	// The rows come under the label, as the changes do.
	t.labelled("events", "")
	widths := fitColumns(rows, t.width-utf8.RuneCountInString(listIndent))
	for _, r := range rows {
		var b strings.Builder
		b.WriteString(listIndent)
		for j, v := range r {
			if j > 0 {
				b.WriteString(columnGap)
			}
			if len(r) == 1 {
				b.WriteString(v) // a note across the columns
				break
			}
			v = cut(v, widths[j])
			b.WriteString(v)
			if j < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[j]-utf8.RuneCountInString(v)))
			}
		}
		t.line(b.String())
	}
}

// tableWidth returns the width of a table of columns as wide as widths,
// the empty last ones left out.
func tableWidth(widths []int) int {
	for len(widths) > 0 && widths[len(widths)-1] == 0 {
		widths = widths[:len(widths)-1]
	}
	n := len(columnGap) * max(len(widths)-1, 0)
	for _, w := range widths {
		n += w
	}
	return n
}

// fitColumns returns the widths of the columns of rows (the rows of more
// than one cell), narrowed so that the columns and the gaps between them
// fit in width: the notes first, the widest of the operations, actors
// and notes then, the statuses later, the times last.
func fitColumns(rows [][]string, width int) []int {
	var widths []int
	for _, r := range rows {
		if len(r) < 2 {
			continue
		}
		for j, v := range r {
			for len(widths) <= j {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], utf8.RuneCountInString(v))
		}
	}
	for len(widths) < 5 {
		widths = append(widths, 0)
	}
	total := func() int { return tableWidth(widths) }
	// Columns: time, operation, actor, status, note. The widest of the
	// operation, actor and note is narrowed by one until they fit, the
	// note counting as 8 wider than it is and the status as 8 narrower,
	// so that notes are cut first and statuses last but for the time,
	// which is cut when nothing else is left.
	const bonus = 8
	effective := func(j int) int {
		switch j {
		case 3:
			return widths[j] - bonus
		case 4:
			return widths[j] + bonus
		}
		return widths[j]
	}
	for total() > width {
		best := -1
		for _, j := range []int{4, 2, 1, 3} {
			if widths[j] > 1 && (best < 0 || effective(j) > effective(best)) {
				best = j
			}
		}
		if best < 0 {
			if widths[0] <= 1 {
				break
			}
			best = 0
		}
		widths[best]--
	}
	return widths
}

// writeChanges writes the changes the service made to the settings of a
// submission: at most the number -changes says.
func (a *audit) writeChanges(t *textWriter, s *submission) {
	switch s.total {
	case 0:
		t.labelled("changes", "none: the service returned the settings as requested")
		return
	case 1:
		t.labelled("changes", "1 to the request, by the service:")
	default:
		t.labelled("changes", strconv.Itoa(s.total)+" to the request, by the service:")
	}
	shown := s.changes
	if a.cfg.changes >= 0 && len(shown) > a.cfg.changes {
		shown = shown[:a.cfg.changes]
	}
	room := t.width - utf8.RuneCountInString(listIndent) - 9
	for _, c := range shown {
		t.line(listIndent + pad(c.Kind, 8) + " " + changeText(c, room))
	}
	if n := s.total - len(shown); n > 0 {
		t.line(listIndent + fmt.Sprintf("(and %d more; -changes all)", n))
	}
}

// changeText writes a change in room characters or fewer where it can:
// its path, then its values. The values are cut first, down to half the
// room (a dozen characters each at least), then the path from its
// start, which says least.
func changeText(c change, room int) string {
	const least = 12
	path := console.Printable(c.Path)
	sep := ": "
	// budget is the room of the values: what the path leaves, but at
	// least half the room (or what they need, if less) and n.
	budget := func(need, n int) int {
		return max(room-utf8.RuneCountInString(path)-len(sep), min(need, room/2), n)
	}
	var value string
	switch cloudtrail.ChangeKind(c.Kind) {
	case cloudtrail.ChangeFilled:
		value = jsonText(c.Returned)
		value = cut(value, budget(utf8.RuneCountInString(value), least))
	case cloudtrail.ChangeDropped:
		value = "was " + jsonText(c.Requested)
		value = cut(value, budget(utf8.RuneCountInString(value), least))
	case cloudtrail.ChangeChanged:
		// Each value gets half the room, and what the other leaves.
		const arrow = " -> "
		req, ret := jsonText(c.Requested), jsonText(c.Returned)
		need := utf8.RuneCountInString(req) + len(arrow) + utf8.RuneCountInString(ret)
		left := budget(need, 2*least+len(arrow)) - len(arrow)
		req = cut(req, max(left/2, left-utf8.RuneCountInString(ret)))
		ret = cut(ret, left-utf8.RuneCountInString(req))
		value = req + arrow + ret
	default: // redacted: the values say nothing
		sep = ""
	}
	if n := utf8.RuneCountInString(path) + len(sep) + utf8.RuneCountInString(value); n > room {
		path = cutLeft(path, max(room-len(sep)-utf8.RuneCountInString(value), 1))
	}
	return path + sep + value
}

// jsonText returns a JSON value as one printable line; "-" for none.
func jsonText(v json.RawMessage) string {
	if len(v) == 0 {
		return "-"
	}
	return console.Printable(string(v))
}

// formatTime writes a time in UTC, to the second; "-" for none.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format(timeFormat)
}

// shortARN returns the resource of an ARN ("queues/Default" of
// "arn:aws:mediaconvert:us-west-2:111122223333:queues/Default"), and s
// when it is no ARN.
func shortARN(s string) string {
	if !strings.HasPrefix(s, "arn:") {
		return s
	}
	parts := strings.SplitN(s, ":", 6)
	if len(parts) < 6 || parts[5] == "" {
		return s
	}
	return parts[5]
}

// cut returns s cut to width characters, its end replaced by "…" when it
// is longer.
func cut(s string, width int) string {
	if utf8.RuneCountInString(s) <= width {
		return s
	}
	if width <= 0 {
		return ""
	}
	runes := []rune(s)
	return string(runes[:width-1]) + "…"
}

// cutLeft returns s cut to width characters, its start replaced by "…"
// when it is longer.
func cutLeft(s string, width int) string {
	n := utf8.RuneCountInString(s)
	if n <= width {
		return s
	}
	if width <= 0 {
		return ""
	}
	runes := []rune(s)
	return "…" + string(runes[n-width+1:])
}

// pad returns s padded with spaces to width characters.
func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// History is a history as -json writes it, one per line.
type History struct {
	Kind    string `json:"kind"`
	ID      string `json:"id"`
	Name    string `json:"name,omitempty"`
	ARN     string `json:"arn,omitempty"`
	Account string `json:"account,omitempty"`
	Region  string `json:"region,omitempty"`

	Submitted    *Submission   `json:"submitted,omitempty"` // absent when the events hold no submission
	Observations []Observation `json:"observations"`
	Dropped      int           `json:"dropped,omitempty"` // observations not kept (see jobs.WithObservationLimit)
	Final        Final         `json:"final"`
}

// Submission is the call that created the job or resource.
type Submission struct {
	Time      time.Time        `json:"time"`
	Operation string           `json:"operation"`
	EventID   string           `json:"eventId,omitempty"`
	Actor     cloudtrail.Actor `json:"actor"`
	By        string           `json:"by"` // the actor, in words
	SourceIP  string           `json:"sourceIp,omitempty"`
	Settings  []setting        `json:"settings,omitempty"` // the key settings
	// Changes are the changes the service made to the requested
	// settings; absent when they could not be compared (the response
	// echoes no request), empty when there are none.
	Changes *[]change `json:"changes,omitempty"`
}

// Observation is one event that showed the job or resource.
type Observation struct {
	Time      time.Time        `json:"time"`
	Operation string           `json:"operation"`
	EventID   string           `json:"eventId,omitempty"`
	Actor     cloudtrail.Actor `json:"actor"`
	By        string           `json:"by"`
	SourceIP  string           `json:"sourceIp,omitempty"`
	Status    string           `json:"status,omitempty"`
	Error     *CallError       `json:"error,omitempty"` // the error of a failed call

	Detail string `json:"detail,omitempty"`
}

// CallError is the error of a failed call.
type CallError struct {
	Code    string `json:"code"`
	Message string `json:"message,omitempty"`
}

// Final is the state the job or resource ended in.
type Final struct {
	Status       string    `json:"status,omitempty"`
	Time         time.Time `json:"time,omitzero"`
	Terminal     bool      `json:"terminal"`
	ErrorCode    string    `json:"errorCode,omitempty"`
	ErrorMessage string    `json:"errorMessage,omitempty"`
	Outputs      []string  `json:"outputs,omitempty"`
}

// writeJSON writes one JSON object per history.
func (a *audit) writeJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	for _, h := range a.tracker.Histories() {
		if err := enc.Encode(a.jsonHistory(h)); err != nil {
			return err
		}
	}
	return nil
}

// jsonHistory returns h as -json writes it.
func (a *audit) jsonHistory(h *jobs.History) History {
	out := History{
		Kind: string(h.Kind), ID: h.ID, Name: h.Name, ARN: h.ARN, Account: h.Account, Region: h.Region,
		Observations: make([]Observation, 0, len(h.Observations)),
		Dropped:      h.Dropped,
		Final: Final{
			Status: h.Final.Status, Time: h.Final.Time, Terminal: h.Final.Terminal,
			ErrorCode: h.Final.ErrorCode, ErrorMessage: h.Final.ErrorMessage, Outputs: h.Final.Outputs,
		},
	}
	if s := h.Submitted; s != nil {
		sub, settings := a.submissionOf(h)
		out.Submitted = &Submission{
			Time: s.Time, Operation: s.Operation, EventID: s.EventID,
			Actor: s.Actor, By: s.Actor.String(), SourceIP: s.SourceIP, Settings: settings,
		}
		if sub != nil && sub.compared {
			changes := sub.changes
			if changes == nil {
				changes = []change{}
			}
			out.Submitted.Changes = &changes
		}
	}
	for _, o := range h.Observations {
		obs := Observation{
			Time: o.Time, Operation: o.Operation, EventID: o.EventID, Actor: o.Actor, By: o.Actor.String(),
			SourceIP: o.SourceIP, Status: o.Status, Detail: o.Detail,
		}
		if o.Err != nil {
			obs.Error = &CallError{Code: o.Err.Code, Message: o.Err.Message}
		}
		out.Observations = append(out.Observations, obs)
	}
	return out
}
