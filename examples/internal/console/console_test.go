package console

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"plain José":            "plain José",
		"a\tb\nc":               `a\tb\nc`,
		"\x1b[31mred\u2028":     `\x1b[31mred\u2028`,
		"bad \xff byte, \u0085": `bad ` + "\uFFFD" + ` byte, \u0085`,
	} {
		require.Equal(t, want, Printable(in), "%q", in)
	}
}

func TestCountingReader(t *testing.T) {
	var n atomic.Int64
	data, err := io.ReadAll(&CountingReader{R: strings.NewReader("twelve bytes"), N: &n})
	require.NoError(t, err)
	require.Equal(t, "twelve bytes", string(data))
	require.Equal(t, int64(12), n.Load())
}

func TestStartProgress(t *testing.T) {
	var mu sync.Mutex
	var out bytes.Buffer
	calls := make(chan struct{}, 100)
	stop := StartProgress(&out, &mu, time.Millisecond, func(elapsed time.Duration) string {
		calls <- struct{}{}
		return "progress"
	})
	<-calls
	<-calls
	stop()
	mu.Lock()
	defer mu.Unlock()
	require.True(t, strings.HasPrefix(out.String(), "progress\nprogress\n"), "%q", out.String())
}
