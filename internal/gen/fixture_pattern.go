package main

import (
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// The fixtures' strings satisfy the smithy.api#pattern of their member or
// shape. A realistic value that does not match is replaced by one made from
// the pattern itself, by walking its regexp/syntax tree: literals as
// written, character classes by their most ordinary characters, any-text
// parts by text that suits what precedes them (a bucket and key after
// s3://, a host and path after https://), alternatives and repetitions
// chosen by a seed so that several tries differ.

// fixRepeat matches a repetition with an upper bound.
var fixRepeat = regexp.MustCompile(`\{(\d+),(\d+)\}`)

// fixGoPattern returns a pattern that Go's regexp accepts and that
// matches only strings the original matches: Go allows repetitions up to
// 1000, so larger upper bounds (such as .{1,1020}) come down to 1000.
func fixGoPattern(pattern string) string {
	return fixRepeat.ReplaceAllStringFunc(pattern, func(rep string) string {
		m := fixRepeat.FindStringSubmatch(rep)
		lo, _ := strconv.Atoi(m[1])
		hi, err := strconv.Atoi(m[2])
		if err != nil || hi > 1000 && lo <= 1000 {
			return "{" + m[1] + ",1000}"
		}
		return rep
	})
}

// fixCompiled caches the compiled patterns; nil for one Go cannot compile.
var fixCompiled sync.Map // string -> *regexp.Regexp

// fixPatternRegexp returns the compiled pattern, or nil when Go's regexp
// does not support it.
func fixPatternRegexp(pattern string) *regexp.Regexp {
	if v, ok := fixCompiled.Load(pattern); ok {
		return v.(*regexp.Regexp)
	}
	re, err := regexp.Compile(fixGoPattern(pattern))
	if err != nil {
		re = nil
	}
	fixCompiled.Store(pattern, re)
	return re
}

// fixFromPattern makes a string that pattern matches, with choices varied
// by seed and longer repetitions when long is set. It reports false for a
// pattern Go cannot parse.
func fixFromPattern(pattern string, seed int, long bool) (string, bool) {
	re, err := syntax.Parse(fixGoPattern(pattern), syntax.Perl)
	if err != nil {
		return "", false
	}
	w := &fixPatternWalker{seed: seed, long: long}
	if !w.walk(re) {
		return "", false
	}
	return w.out.String(), true
}

type fixPatternWalker struct {
	seed  int
	long  bool
	picks int // choices made so far
	out   strings.Builder
}

func (w *fixPatternWalker) walk(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			w.out.WriteRune(r)
		}
		return true
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		w.chars(re, 1)
		return true
	case syntax.OpCapture:
		return w.walk(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !w.walk(sub) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		// Alternatives that make some text are preferred to empty ones.
		var full []*syntax.Regexp
		for _, sub := range re.Sub {
			if !fixMatchesEmptyOnly(sub) {
				full = append(full, sub)
			}
		}
		if len(full) == 0 {
			full = re.Sub
		}
		pick := full[(w.seed+w.picks)%len(full)]
		w.picks++
		return w.walk(pick)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := re.Min, re.Max
		switch re.Op {
		case syntax.OpStar:
			lo, hi = 0, -1
		case syntax.OpPlus:
			lo, hi = 1, -1
		case syntax.OpQuest:
			lo, hi = 0, 1
		}
		sub := re.Sub[0]
		if fixSingleChar(sub) {
			w.chars(sub, w.charCount(sub, lo, hi))
			return true
		}
		n := lo
		if n == 0 && w.long && hi != 0 {
			n = 1
		}
		for range n {
			if !w.walk(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// charCount chooses how many characters a repeated single character makes:
// the length of the text that suits the context when it fits, else the
// minimum, or a few when the minimum is 0.
func (w *fixPatternWalker) charCount(sub *syntax.Regexp, lo, hi int) int {
	if f := w.filler(); fixAllIn(sub, f) && len(f) >= lo && (hi < 0 || len(f) <= hi) {
		return len(f)
	}
	if !w.long {
		return lo
	}
	n := max(lo, min(24, fixBound(hi, 24)))
	return n
}

func fixBound(hi, def int) int {
	if hi < 0 {
		return def
	}
	return hi
}

// chars writes n characters that sub matches: the filler text when all of
// it matches, else the class's ordinary characters in turn.
func (w *fixPatternWalker) chars(sub *syntax.Regexp, n int) {
	if n == 0 {
		return
	}
	if f := w.filler(); len(f) == n && fixAllIn(sub, f) {
		w.out.WriteString(f)
		return
	}
	pool := fixPool(sub)
	if len(pool) == 0 {
		return
	}
	start := w.seed * 7
	for i := range n {
		w.out.WriteRune(pool[(start+i)%len(pool)])
	}
}

// filler is the text that suits the place of an any-text part, by what
// the string so far ends with.
func (w *fixPatternWalker) filler() string {
	s := w.out.String()
	switch {
	case strings.HasSuffix(s, "s3://"):
		return "amzn-s3-demo-bucket/media/example"
	case strings.HasSuffix(s, "://"):
		return "www.example.com/media/example"
	case strings.HasSuffix(s, "/"):
		return "media/example"
	case s == "":
		return "example"
	}
	return ""
}

// fixSingleChar reports whether re matches exactly one character.
func fixSingleChar(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return true
	case syntax.OpLiteral:
		return len(re.Rune) == 1
	case syntax.OpCapture:
		return fixSingleChar(re.Sub[0])
	}
	return false
}

// fixMatchesEmptyOnly reports whether re matches nothing but the empty
// string (such as ^$).
func fixMatchesEmptyOnly(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpCapture:
		return fixMatchesEmptyOnly(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !fixMatchesEmptyOnly(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// fixAllIn reports whether every character of s is one that the single
// character sub matches.
func fixAllIn(sub *syntax.Regexp, s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !fixRuneIn(sub, r) {
			return false
		}
	}
	return true
}

func fixRuneIn(sub *syntax.Regexp, r rune) bool {
	switch sub.Op {
	case syntax.OpCapture:
		return fixRuneIn(sub.Sub[0], r)
	case syntax.OpAnyChar:
		return true
	case syntax.OpAnyCharNotNL:
		return r != '\n'
	case syntax.OpLiteral:
		if sub.Flags&syntax.FoldCase != 0 {
			return strings.EqualFold(string(sub.Rune[0]), string(r))
		}
		return sub.Rune[0] == r
	case syntax.OpCharClass:
		for i := 0; i+1 < len(sub.Rune); i += 2 {
			if sub.Rune[i] <= r && r <= sub.Rune[i+1] {
				return true
			}
		}
	}
	return false
}

// fixPool returns the characters a single-character expression is made
// of, the most ordinary first: lower-case letters, digits, upper-case
// letters, then other printable ASCII, then the class's first character.
func fixPool(sub *syntax.Regexp) []rune {
	if sub.Op == syntax.OpCapture {
		return fixPool(sub.Sub[0])
	}
	if sub.Op == syntax.OpLiteral {
		return []rune{sub.Rune[0]}
	}
	var pool []rune
	for _, group := range []string{"abcdefghijklmnopqrstuvwxyz", "0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "-_.", "+/=:,@!*'()~$%^[]{}|;<>?#&"} {
		for _, r := range group {
			if fixRuneIn(sub, r) {
				pool = append(pool, r)
			}
		}
	}
	if len(pool) == 0 {
		if fixRuneIn(sub, ' ') {
			return []rune{' '}
		}
		if sub.Op == syntax.OpCharClass && len(sub.Rune) > 0 && utf8.ValidRune(sub.Rune[0]) {
			return []rune{sub.Rune[0]}
		}
	}
	return pool
}
