package typedtest

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// Record is one CloudTrail record of the repository's test data.
type Record struct {
	Name string // the file, with "#index" for a record of a log file
	Data []byte
}

// Records returns every record under testdata/records (one per .json file,
// in any folder) and in the log files testdata/trails/*.json, in a fixed
// order.
func Records(tb testing.TB) []Record {
	tb.Helper()
	root, ok := ModuleRoot()
	if !ok {
		tb.Fatal("no module root above the working directory")
	}
	var out []Record
	dir := filepath.Join(root, "testdata", "records")
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && path == dir {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".json") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		out = append(out, Record{Name: filepath.ToSlash(rel), Data: data})
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	logs, err := filepath.Glob(filepath.Join(root, "testdata", "trails", "*.json"))
	if err != nil {
		tb.Fatal(err)
	}
	slices.Sort(logs)
	for _, path := range logs {
		data, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		var log struct{ Records []json.RawMessage }
		if err := json.Unmarshal(data, &log); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		rel, _ := filepath.Rel(root, path)
		for i, r := range log.Records {
			out = append(out, Record{Name: filepath.ToSlash(rel) + "#" + strconv.Itoa(i), Data: r})
		}
	}
	return out
}

// Events parses the records of the test data whose event source is one of
// sources; it skips the test or benchmark when there are none.
func Events(tb testing.TB, sources ...string) []*cloudtrail.Event {
	tb.Helper()
	var out []*cloudtrail.Event
	for _, rec := range Records(tb) {
		e, err := cloudtrail.Parse(rec.Data)
		if err != nil {
			tb.Fatalf("%s: %v", rec.Name, err)
		}
		if slices.Contains(sources, cloudtrail.CanonicalEventSource(e.EventSource)) {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		tb.Skipf("no records of %v under testdata", sources)
	}
	return out
}
