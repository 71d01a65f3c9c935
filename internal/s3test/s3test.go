// Package s3test starts a real S3-compatible server, MinIO, on the
// loopback address for the tests that read from S3, and gives them a
// client of the AWS SDK for Go v2 that talks to it.
//
// The server is started once per test binary, by the first test that
// calls Start, and stopped by Main, which a package's TestMain calls:
//
//	func TestMain(m *testing.M) { s3test.Main(m) }
//
// Start finds the server in this order:
//
//   - MEDIATRAIL_S3_ENDPOINT: a server that runs already, such as
//     http://127.0.0.1:9000, with the credentials in
//     MEDIATRAIL_S3_ACCESS_KEY and MEDIATRAIL_S3_SECRET_KEY;
//   - MEDIATRAIL_MINIO: the path of a minio binary to start;
//   - minio on PATH, or in $(go env GOPATH)/bin, to start.
//
// Where none is found or the server does not start, the test is skipped
// with a message that says how to install MinIO, unless
// MEDIATRAIL_S3_REQUIRED is set (as CI sets it): then it fails.
package s3test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// MinIOVersion is the version of MinIO's server that CI installs, with
//
//	go install github.com/minio/minio@<MinIOVersion>
const MinIOVersion = "v0.0.0-20260212201848-7aac2a2c5b7c"

// Server is a running S3-compatible server.
type Server struct {
	Endpoint string     // such as http://127.0.0.1:41234
	Client   *s3.Client // a client of it, with path-style addressing

	cmd *exec.Cmd
	dir string
}

var (
	once    sync.Once
	shared  *Server
	failure string
)

// Start returns the server of the test binary, starting it on the first
// call; see the package documentation for where it comes from.
func Start(tb testing.TB) *Server {
	tb.Helper()
	once.Do(func() { shared, failure = start() })
	if shared == nil {
		msg := "no S3-compatible server for this test: " + failure +
			"; install MinIO (go install github.com/minio/minio@" + MinIOVersion + ")" +
			" or set MEDIATRAIL_MINIO to its binary, or MEDIATRAIL_S3_ENDPOINT to a running server"
		if os.Getenv("MEDIATRAIL_S3_REQUIRED") != "" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	return shared
}

// Main runs the tests of m, stops the server if a test started it, and
// exits with the tests' code.
func Main(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.stop()
	}
	os.Exit(code)
}

// Bucket creates a bucket with a fresh name for one test and returns its
// name.
func (s *Server) Bucket(tb testing.TB) string {
	tb.Helper()
	var b [6]byte
	rand.Read(b[:])
	name := "test-" + hex.EncodeToString(b[:])
	_, err := s.Client.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(name)})
	if err != nil {
		tb.Fatalf("create bucket %s: %v", name, err)
	}
	return name
}

// Put stores data as the object key of bucket.
func (s *Server) Put(tb testing.TB, bucket, key string, data []byte) {
	tb.Helper()
	_, err := s.Client.PutObject(context.Background(), &s3.PutObjectInput{
		Bucket: aws.String(bucket),
		Key:    aws.String(key),
		Body:   bytes.NewReader(data),
	})
	if err != nil {
		tb.Fatalf("put s3://%s/%s: %v", bucket, key, err)
	}
}

// PutDir stores the files under dir that keys name (slash-separated
// paths relative to dir) as objects of bucket under the same keys.
func (s *Server) PutDir(tb testing.TB, bucket, dir string, keys []string) {
	tb.Helper()
	for _, k := range keys {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(k)))
		if err != nil {
			tb.Fatal(err)
		}
		s.Put(tb, bucket, k, data)
	}
}

// start starts or finds the server; on failure it returns why.
func start() (*Server, string) {
	if ep := os.Getenv("MEDIATRAIL_S3_ENDPOINT"); ep != "" {
		s := &Server{Endpoint: ep}
		s.Client = newClient(ep, os.Getenv("MEDIATRAIL_S3_ACCESS_KEY"), os.Getenv("MEDIATRAIL_S3_SECRET_KEY"))
		return s, ""
	}
	bin := findMinIO()
	if bin == "" {
		return nil, "minio is neither in MEDIATRAIL_MINIO, on PATH nor in GOPATH/bin"
	}
	var why string
	for range 3 { // a port taken between its choice and the start: again
		s, err := startMinIO(bin)
		if err == nil {
			return s, ""
		}
		why = err.Error()
	}
	return nil, why
}

// findMinIO returns the path of the minio binary, or "".
func findMinIO() string {
	if p := os.Getenv("MEDIATRAIL_MINIO"); p != "" {
		return p
	}
	if p, err := exec.LookPath("minio"); err == nil {
		return p
	}
	gopath, err := exec.Command("go", "env", "GOPATH").Output()
	if err == nil {
		for _, dir := range filepath.SplitList(strings.TrimSpace(string(gopath))) {
			p := filepath.Join(dir, "bin", "minio")
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	return ""
}

const (
	accessKey = "mediatrail-test"
	secretKey = "mediatrail-test-secret"
)

// startMinIO starts bin on a free port of the loopback address and waits
// until it serves.
func startMinIO(bin string) (*Server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "s3test-")
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	cmd := exec.Command(bin, "server", "--quiet", "--address", addr, filepath.Join(dir, "data"))
	cmd.Env = append(os.Environ(),
		"MINIO_ROOT_USER="+accessKey,
		"MINIO_ROOT_PASSWORD="+secretKey,
		"MINIO_BROWSER=off",
		"MINIO_UPDATE=off",
		"HOME="+dir,
	)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	setDeathSignal(cmd)
	if err := cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("start %s: %v", bin, err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	s := &Server{Endpoint: "http://" + addr, cmd: cmd, dir: dir}
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(s.Endpoint + "/minio/health/ready")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case <-exited:
			os.RemoveAll(dir)
			return nil, fmt.Errorf("minio exited: %s", strings.TrimSpace(out.String()))
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("minio did not serve within a minute: %s", strings.TrimSpace(out.String()))
		}
	}
	s.Client = newClient(s.Endpoint, accessKey, secretKey)
	return s, nil
}

// stop stops a server that start started.
func (s *Server) stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Kill()
	}
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}

// freePort returns a TCP port of the loopback address that is free now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// newClient returns a client of the server at endpoint.
func newClient(endpoint, key, secret string) *s3.Client {
	return s3.New(s3.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(endpoint),
		UsePathStyle: true,
		Credentials:  credentials.NewStaticCredentialsProvider(key, secret, ""),
	})
}
