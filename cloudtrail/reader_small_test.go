package cloudtrail

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/stretchr/testify/require"
)

// TestSmallInputsOneGoroutine checks that inputs that tell a size under
// smallInput are read without the read-ahead goroutine, and the others
// with it.
func TestSmallInputsOneGoroutine(t *testing.T) {
	gz := func(n int) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(`{"Records":[`))
		for i := range n {
			if i > 0 {
				w.Write([]byte(","))
			}
			w.Write([]byte(`{"eventVersion":"1.11","eventName":"GetJob","eventSource":"mediaconvert.amazonaws.com","requestParameters":{"id":"` + strings.Repeat("x", i%97) + `"}}`))
		}
		w.Write([]byte(`]}`))
		w.Close()
		return b.Bytes()
	}
	small := gz(10)
	dir := t.TempDir()
	smallFile := filepath.Join(dir, "small.json.gz")
	require.NoError(t, os.WriteFile(smallFile, small, 0o644))
	// Random-looking text that does not compress: over 1 MiB stored.
	var big bytes.Buffer
	w := gzip.NewWriter(&big)
	seed := uint64(1)
	for big.Len() < smallInput+smallInput/4 {
		var line [64]byte
		for i := range line {
			seed = seed*6364136223846793005 + 1442695040888963407
			line[i] = 'a' + byte(seed>>59)
		}
		w.Write([]byte(`{"eventVersion":"1.11","eventName":"` + string(line[:]) + `"}` + "\n"))
		w.Flush()
	}
	w.Close()
	bigFile := filepath.Join(dir, "big.json.gz")
	require.NoError(t, os.WriteFile(bigFile, big.Bytes(), 0o644))

	open := func(name string) io.Reader {
		f, err := os.Open(name)
		require.NoError(t, err)
		t.Cleanup(func() { f.Close() })
		return f
	}
	tests := []struct {
		name      string
		in        io.Reader
		readAhead bool
	}{
		{"small bytes.Reader", bytes.NewReader(small), false},
		{"small file", open(smallFile), false},
		{"small, size unknown", struct{ io.Reader }{bytes.NewReader(small)}, true},
		{"large bytes.Reader", bytes.NewReader(big.Bytes()), true},
		{"large file", open(bigFile), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(tt.in)
			defer r.Close()
			e, err := r.Next()
			require.NoError(t, err)
			require.NotNil(t, e)
			require.Equal(t, tt.readAhead, r.ra != nil)
			n := 1
			for _, err := range r.All() {
				require.NoError(t, err)
				n++
			}
			require.Greater(t, n, 1)
		})
	}
}
