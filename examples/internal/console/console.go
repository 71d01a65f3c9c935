// Package console holds what the example commands share: reading the
// inputs their command line names with package cloudtrail/multi, telling
// the problems of those inputs and the progress of long runs, and text
// that cannot drive the terminal.
package console

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// StartProgress writes the line that line returns, given the time since
// the start, to w every interval until the returned function is called,
// which waits for the last line. mu guards w against the caller's other
// writes.
func StartProgress(w io.Writer, mu *sync.Mutex, interval time.Duration, line func(elapsed time.Duration) string) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	start := time.Now()
	go func() {
		defer wg.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				text := line(time.Since(start))
				mu.Lock()
				fmt.Fprintln(w, text)
				mu.Unlock()
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
	}
}

// Printable returns s with its control characters (line ends, tabs,
// terminal escapes, which records may carry in any string) written as Go
// escapes, and invalid UTF-8 as U+FFFD, so that each value stays on its
// line and its text cannot drive the terminal.
func Printable(s string) string {
	clean := true
	for _, r := range s {
		if unicode.IsControl(r) || r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			b.WriteRune('\uFFFD')
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SplitList splits a comma-separated list, such as the value of a flag or
// an environment variable, leaving out empty elements and the spaces
// around each; nil when it lists nothing.
func SplitList(s string) []string {
	var out []string
	for _, e := range strings.Split(s, ",") {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}
