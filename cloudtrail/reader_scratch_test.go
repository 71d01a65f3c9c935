package cloudtrail

import (
	"os"
	"path/filepath"
	"testing"
)

func TestScratch(t *testing.T) {
	files, _ := filepath.Glob("../testdata/containers/*")
	for _, f := range files {
		fh, _ := os.Open(f)
		r := NewReader(fh)
		for e, err := range r.All() {
			if err != nil {
				t.Logf("%s: ERR %v", filepath.Base(f), err)
				continue
			}
			d := e.Delivery
			t.Logf("%s: %s %s idx=%d off=%d fmt=%v via=%v eb=%v cw=%v lk=%v", filepath.Base(f), e.EventSource, e.EventName, d.Index, d.Offset, d.Format, d.Via, d.EventBridge != nil, d.CloudWatchLogs != nil, d.LookupEvents != nil)
		}
		t.Logf("%s: format %v compressed %v", filepath.Base(f), r.Format(), r.Compressed())
		fh.Close()
	}
}
