package cloudtrail

import (
	"bytes"
	"encoding/binary"
	"math/bits"
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
	case "insightDetails":
		return keyInsight
	case "eventVersion", "userIdentity", "eventTime", "awsRegion", "sourceIPAddress",
		"userAgent", "requestParameters", "responseElements", "additionalEventData",
		"requestID", "eventID", "readOnly", "resources", "eventType", "apiVersion",
		"managementEvent", "recipientAccountId", "sharedEventID", "vpcEndpointId",
		"vpcEndpointAccountId", "eventCategory", "tlsDetails", "errorCode",
		"errorMessage", "sessionCredentialFromConsole", "serviceEventDetails",
		"addendum", "edgeDeviceDetails", "eventContext":
		return keyRecord
	case "detail-type", "detail", "awslogs", "messageType", "logEvents", "Events",
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
		if equalFoldASCII(string(key), "eventSource") {
			return keySource
		}
	case len("eventName"):
		if equalFoldASCII(string(key), "eventName") {
			return keyName
		}
	case len("insightDetails"):
		if equalFoldASCII(string(key), "insightDetails") {
			return keyInsight
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
	pending  uint8
}

// keyView is what a scan of a value learns from its top-level member
// names, enough to tell a record from a container and to filter records.
type keyView struct {
	obj   bool  // the value is an object
	mask  uint8 // classes of the top-level member names seen
	odd   bool  // the fast path cannot decide: a member name has escapes, or eventSource or eventName is no string
	srcS  int   // eventSource text, when found (srcS >= 0)
	srcE  int
	nameS int // eventName text, when found (nameS >= 0)
	nameE int
}

// reset starts the scan of the value whose first byte is at start.
func (v *objScan) reset(start int, obj, stopAtRecords bool) {
	*v = objScan{keyView: keyView{obj: obj, srcS: -1, nameS: -1}, start: start, keyNext: obj, stopRec: stopAtRecords}
}

// shift moves the positions n bytes back, after the buffer was compacted.
func (v *objScan) shift(n int) {
	v.start -= n
	v.strStart -= n
	if v.srcS >= 0 {
		v.srcS -= n
		v.srcE -= n
	}
	if v.nameS >= 0 {
		v.nameS -= n
		v.nameE -= n
	}
}

// structural marks the bytes that matter outside strings.
var structural = [256]bool{'"': true, '{': true, '}': true, '[': true, ']': true, ',': true}

// run scans b, which holds the data read so far, from p. It returns the
// position after the value and scanDone when the value ends, the position
// of the '[' of a Records member and scanRecords, or len(b) and scanMore
// when the value goes on.
func (v *objScan) run(b []byte, p int) (int, int) {
	depth := v.depth
	for {
		if v.inStr {
			for {
				q := quoteIndex(b, p)
				if q < 0 {
					v.depth = depth
					return len(b), scanMore
				}
				p = q + 1
				if b[q-1] != '\\' || !escapedQuote(b, q, v.strStart) {
					break
				}
			}
			v.inStr = false
			if depth == 1 && v.obj {
				v.topString(b, v.strStart, p-1)
			}
		}
		for {
			if p >= len(b) {
				v.depth = depth
				return p, scanMore
			}
			c := b[p]
			p++
			if !structural[c] {
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
					}
					v.keyNext = v.obj
					v.pending = 0
				}
			case '{', '[':
				if depth == 1 && c == '[' && v.pending == keyRecords && v.stopRec {
					v.depth = depth
					return p - 1, scanRecords
				}
				depth++
			default: // '}', ']'
				depth--
				if depth <= 0 {
					if v.pending&(keySource|keyName) != 0 {
						v.odd = true // the value was no string
					}
					v.depth = 0
					return p, scanDone
				}
			}
		}
	}
}

// quoteIndex returns the index of the first '"' in b from p, or -1. Most
// strings of a record are short: it tests the first 32 bytes eight at a
// time, which costs less than a call of bytes.IndexByte, and leaves longer
// strings to bytes.IndexByte.
func quoteIndex(b []byte, p int) int {
	for n := 0; n < 4 && p+8 <= len(b); n++ {
		x := binary.LittleEndian.Uint64(b[p:]) ^ 0x2222222222222222
		if t := (x - swarOnes) &^ x & swarHighs; t != 0 {
			return p + bits.TrailingZeros64(t)>>3
		}
		p += 8
	}
	if j := bytes.IndexByte(b[p:], '"'); j >= 0 {
		return p + j
	}
	return -1
}

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
		v.pending = c & (keySource | keyName | keyRecords)
		return
	}
	// The last member of a name counts, as in the decoder.
	switch v.pending {
	case keySource:
		v.srcS, v.srcE = s, e
	case keyName:
		v.nameS, v.nameE = s, e
	}
	v.pending = 0
}

// equalFoldASCII reports whether a and b are equal under ASCII case
// folding, the rule by which the decoder matches member names.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		ca, cb := a[i], b[i]
		if 'A' <= ca && ca <= 'Z' {
			ca += 'a' - 'A'
		}
		if 'A' <= cb && cb <= 'Z' {
			cb += 'a' - 'A'
		}
		if ca != cb {
			return false
		}
	}
	return true
}

// escapedQuote reports whether the quote at b[q] is escaped, that is
// preceded by an odd number of backslashes after from.
func escapedQuote(b []byte, q, from int) bool {
	n := 0
	for i := q - 1; i >= from && b[i] == '\\'; i-- {
		n++
	}
	return n&1 == 1
}

// trailingEscape reports whether b ends in an unpaired backslash of a
// string whose text starts at from.
func trailingEscape(b []byte, from int) bool {
	return escapedQuote(b, len(b), from)
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
// returns false when the data ends first.
func scanScalar(b []byte, p int) (int, bool) {
	if b[p] == '"' {
		from := p + 1
		for i := from; ; {
			j := bytes.IndexByte(b[i:], '"')
			if j < 0 {
				return len(b), false
			}
			q := i + j
			if !escapedQuote(b, q, from) {
				return q + 1, true
			}
			i = q + 1
		}
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
