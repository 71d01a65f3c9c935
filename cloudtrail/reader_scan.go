package cloudtrail

import (
	"bytes"
	"strconv"

	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// The record splitter. An objScan finds where a JSON value ends in the
// Reader's buffer without decoding it: it counts nesting depth outside
// strings, jumps over strings with bytes.IndexByte, and notes the members
// of the value's top level that tell what the value is (eventSource,
// eventName, Records, the members of containers). It does not validate;
// records that a filter selects are validated when they are decoded.

// Results of objScan.run.
const (
	scanMore    = iota // the value goes on past the end of the data
	scanDone           // the value ended
	scanRecords        // a top-level Records member opens an array
)

// Classes of top-level member names, as objScan.mask bits.
const (
	keySource    uint8 = 1 << iota // eventSource
	keyName                        // eventName
	keyRecords                     // Records
	keyInsight                     // insightDetails
	keyRecord                      // another member of CloudTrail records
	keyContainer                   // a member of a container or of a message that holds no record
	keyEvents                      // Events, of LookupEvents output
	keyReadOnly                    // readOnly, for WithWritesOnly
)

// recordKeys are the classes that make an object a record.
const recordKeys = keySource | keyName | keyInsight | keyRecord

// keyClass classifies a top-level member name.
func keyClass(key []byte) uint8 {
	switch string(key) {
	case "eventSource":
		return keySource
	case "eventName":
		return keyName
	case "Records":
		return keyRecords | keyContainer
	case "readOnly":
		return keyReadOnly | keyRecord
	case "insightDetails":
		return keyInsight
	case "eventVersion", "userIdentity", "eventTime", "awsRegion", "sourceIPAddress",
		"userAgent", "requestParameters", "responseElements", "additionalEventData",
		"requestID", "eventID", "resources", "eventType", "apiVersion",
		"managementEvent", "recipientAccountId", "sharedEventID", "vpcEndpointId",
		"vpcEndpointAccountId", "eventCategory", "tlsDetails", "errorCode",
		"errorMessage", "sessionCredentialFromConsole", "serviceEventDetails",
		"addendum", "edgeDeviceDetails", "eventContext":
		return keyRecord
	case "Events":
		return keyEvents | keyContainer
	case "detail-type", "detail", "awslogs", "messageType", "logEvents",
		"CloudTrailEvent", "EventId", "digestStartTime", "digestEndTime",
		"digestS3Bucket", "digestS3Object", "previousDigestSignature", "logFiles",
		"Service", "Event", "Type", "Message", "MessageId", "messageId", "Body",
		"body", "Messages", "s3Bucket", "s3ObjectKey", "EventSource", "Sns", "s3",
		"receiptHandle", "ReceiptHandle":
		return keyContainer
	}
	// The decoder matches member names without regard to ASCII case.
	switch len(key) {
	case len("eventSource"):
		if jsonscan.EqualFold(string(key), "eventSource") {
			return keySource
		}
	case len("eventName"):
		if jsonscan.EqualFold(string(key), "eventName") {
			return keyName
		}
	case len("insightDetails"):
		if jsonscan.EqualFold(string(key), "insightDetails") {
			return keyInsight
		}
	case len("readOnly"):
		if jsonscan.EqualFold(string(key), "readOnly") {
			return keyReadOnly
		}
	}
	return 0
}

// objScan is the state of the scan of one JSON object or array, kept
// between reads of more input. Positions are indices into the Reader's
// buffer and move when the buffer is compacted.
type objScan struct {
	keyView
	start    int  // the value's first byte
	depth    int  // nesting depth after the bytes scanned
	inStr    bool // the scan stopped inside a string
	strStart int  // the first byte after the opening quote of the current string
	keyNext  bool // the next top-level string is a member name
	stopRec  bool // stop at a top-level Records member whose value is an array
	eventsAt int  // the '[' of a top-level Events array, or -1
	roAt     int  // after the name of the readOnly member being scanned
	pending  uint8
}

// keyView is what a scan of a value learns from its top-level member
// names, enough to tell a record from a container and to filter records.
type keyView struct {
	obj  bool  // the value is an object
	mask uint8 // classes of the top-level member names seen
	odd  bool  // the fast path cannot decide: a member name has escapes, or eventSource or eventName is no string
	// nested says a nested object starts with an eventVersion member:
	// in a log file, a record cut short runs into the next one so. stray
	// says bytes that no JSON has outside strings were seen there, as
	// when a lost quote turns strings inside out. Both are signs of
	// damage that a filter checks before it skips a value unread.
	nested, stray bool
	srcS          int // eventSource text, when found (srcS >= 0)
	srcE          int
	nameS         int // eventName text, when found (nameS >= 0)
	nameE         int
	// ro is the value of the first readOnly member, as the decoder reads
	// it: roTrue or roFalse, roOther for a value it leaves unset or that
	// the scan does not read (a string with escapes), 0 when there is none.
	ro uint8
}

// Values of keyView.ro.
const (
	roTrue = 1 + iota
	roFalse
	roOther
)

// readOnlyOf reads the text of a readOnly value as the decoder does: a
// JSON boolean, or a string of one that strconv.ParseBool takes, given
// with its quotes and without escapes.
func readOnlyOf(text []byte) uint8 {
	if len(text) >= 2 && text[0] == '"' && text[len(text)-1] == '"' && bytes.IndexByte(text, '\\') < 0 {
		text = bytes.TrimSpace(text[1 : len(text)-1])
		if b, err := strconv.ParseBool(string(text)); err == nil {
			text = []byte(strconv.FormatBool(b))
		}
	}
	switch string(text) {
	case "true":
		return roTrue
	case "false":
		return roFalse
	}
	return roOther
}

// readOnlyText is the text of a readOnly value from after the member's
// name to before what ends it, without the colon and white space.
func readOnlyText(b []byte, s, e int) []byte {
	t := bytes.TrimSpace(b[s:e])
	if len(t) > 0 && t[0] == ':' {
		t = bytes.TrimSpace(t[1:])
	}
	return t
}

// reset starts the scan of the value whose first byte is at start.
func (v *objScan) reset(start int, obj, stopAtRecords bool) {
	*v = objScan{keyView: keyView{obj: obj, srcS: -1, nameS: -1}, start: start, keyNext: obj, stopRec: stopAtRecords, eventsAt: -1}
}

// shift moves the positions n bytes back, after the buffer was compacted.
func (v *objScan) shift(n int) {
	v.start -= n
	v.strStart -= n
	if v.eventsAt >= 0 {
		v.eventsAt -= n
	}
	v.roAt -= n
	if v.srcS >= 0 {
		v.srcS -= n
		v.srcE -= n
	}
	if v.nameS >= 0 {
		v.nameS -= n
		v.nameE -= n
	}
}

// Classes of bytes outside strings.
const (
	plainByte      = iota // part of a number or literal, white space, a colon
	structuralByte        // a quote, brace, bracket or comma: it matters
	strayByte             // no JSON has it outside strings: the value is damaged
)

// byteClass classifies the bytes outside strings.
var byteClass = func() (c [256]uint8) {
	for i := range c {
		c[i] = strayByte
	}
	for _, b := range []byte("0123456789+-.eE \t\r\n:truefalsn") {
		c[b] = plainByte
	}
	for _, b := range []byte(`"{}[],`) {
		c[b] = structuralByte
	}
	return c
}()

// run scans b, which holds the data read so far, from p. It returns the
// position after the value and scanDone when the value ends, the position
// of the '[' of a Records member and scanRecords, or len(b) and scanMore
// when the value goes on.
func (v *objScan) run(b []byte, p int) (int, int) {
	depth := v.depth
	for {
		if v.inStr {
			// Most strings have no backslash before their closing quote:
			// find it here, and leave the rest to StringRest.
			if q := jsonscan.IndexQuote(b, p); q >= 0 && q > v.strStart && b[q-1] != '\\' {
				p = q + 1
			} else {
				var closed bool
				if p, closed = jsonscan.StringRest(b, p); !closed {
					v.depth = depth
					return p, scanMore
				}
			}
			v.inStr = false
			if depth == 1 && v.obj {
				v.topString(b, v.strStart, p-1)
			} else if depth > 1 && p-1-v.strStart == len("eventVersion") && string(b[v.strStart:p-1]) == "eventVersion" && v.strStart >= 2 {
				if q := bytes.LastIndexFunc(b[:v.strStart-1], notSpace); q >= 0 && b[q] == '{' {
					v.nested = true
				}
			}
		}
		for {
			if p >= len(b) {
				v.depth = depth
				return p, scanMore
			}
			c := b[p]
			p++
			if cls := byteClass[c]; cls != structuralByte {
				if cls == strayByte {
					v.stray = true
				}
				continue
			}
			if c == '"' {
				v.inStr = true
				v.strStart = p
				break
			}
			switch c {
			case ',':
				if depth == 1 {
					if v.pending&(keySource|keyName) != 0 {
						v.odd = true // the value was no string
					} else if v.pending == keyReadOnly {
						v.ro = readOnlyOf(readOnlyText(b, v.roAt, p-1))
					}
					v.keyNext = v.obj
					v.pending = 0
				}
			case '{', '[':
				if depth == 1 && c == '[' {
					if v.pending == keyRecords && v.stopRec {
						v.depth = depth
						return p - 1, scanRecords
					}
					if v.pending == keyEvents && v.eventsAt < 0 {
						v.eventsAt = p - 1
					}
				}
				depth++
			default: // '}', ']'
				depth--
				if depth <= 0 {
					if v.pending&(keySource|keyName) != 0 {
						v.odd = true // the value was no string
					} else if v.pending == keyReadOnly && depth == 0 {
						v.ro = readOnlyOf(readOnlyText(b, v.roAt, p-1))
					}
					v.depth = 0
					return p, scanDone
				}
			}
		}
	}
}

func notSpace(r rune) bool { return r > ' ' || !jsonscan.IsSpace(byte(r)) }

// topString notes a string of the top level of an object: a member name,
// or the value of eventSource or eventName.
func (v *objScan) topString(b []byte, s, e int) {
	if v.keyNext {
		v.keyNext = false
		key := b[s:e]
		c := keyClass(key)
		if c == 0 && bytes.IndexByte(key, '\\') >= 0 {
			v.odd = true
		}
		v.mask |= c
		v.pending = c & (keySource | keyName | keyRecords | keyEvents | keyReadOnly)
		if v.pending == keyReadOnly {
			if v.ro != 0 {
				v.pending = 0 // the first readOnly counts
			}
			v.roAt = e + 1
		}
		return
	}
	// The first member of a name counts, as in the decoder.
	switch v.pending {
	case keySource:
		if v.srcS < 0 {
			v.srcS, v.srcE = s, e
		}
	case keyName:
		if v.nameS < 0 {
			v.nameS, v.nameE = s, e
		}
	case keyReadOnly:
		v.ro = readOnlyOf(b[s-1 : e+1])
	}
	v.pending = 0
}

// skipScan skips the rest of a value byte by byte, keeping no more of it
// than the byte at hand: it serves for values too large to hold and for the
// members of a log file after its Records array.
type skipScan struct {
	depth int
	inStr bool
	esc   bool
}

// run scans b from p. It returns the position after the value and true
// when the value ends, or len(b) and false.
func (s *skipScan) run(b []byte, p int) (int, bool) {
	for p < len(b) {
		if s.inStr {
			if s.esc {
				s.esc = false
				p++
				continue
			}
			j := bytes.IndexAny(b[p:], "\"\\")
			if j < 0 {
				return len(b), false
			}
			p += j
			if b[p] == '\\' {
				s.esc = true
			} else {
				s.inStr = false
				if s.depth <= 0 {
					// A string on its own ends the value.
					return p + 1, true
				}
			}
			p++
			continue
		}
		c := b[p]
		p++
		switch c {
		case '"':
			s.inStr = true
		case '{', '[':
			s.depth++
		case '}', ']':
			s.depth--
			if s.depth <= 0 {
				return p, true
			}
		}
	}
	return p, false
}

// scanScalar finds the end of the string, number or literal at b[p]. It
// returns false when the data ends first, with, for a string, the position
// to go on scanning its text from.
func scanScalar(b []byte, p int) (int, bool) {
	if b[p] == '"' {
		return jsonscan.StringRest(b, p+1)
	}
	for i := p; i < len(b); i++ {
		switch b[i] {
		case ',', ']', '}', '[', '{', ' ', '\t', '\r', '\n':
			if i == p {
				return p + 1, true
			}
			return i, true
		}
	}
	return len(b), false
}
