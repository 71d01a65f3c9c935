package inputs

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// input is what read got: a name and what it read under that name.
type input struct{ name, data string }

// readAll runs Read and returns what read and fail got.
func readAll(t *testing.T, args []string, stdin string, opts Options) ([]input, []error) {
	t.Helper()
	var got []input
	var errs []error
	Read(args, strings.NewReader(stdin), opts, func(name string, r io.Reader) {
		data, err := io.ReadAll(r)
		require.NoError(t, err, name)
		got = append(got, input{name, string(data)})
	}, func(err error) {
		errs = append(errs, err)
	})
	return got, errs
}

// tree writes files, by slash-separated path under a new directory, each
// holding its own path, and returns the directory.
func tree(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(f), 0o644))
	}
	return dir
}

func TestStdin(t *testing.T) {
	for _, args := range [][]string{nil, {}, {Stdin}} {
		got, errs := readAll(t, args, "records", Options{StdinName: "<stdin>"})
		require.Empty(t, errs)
		require.Equal(t, []input{{"<stdin>", "records"}}, got, "args %q", args)
	}
}

func TestFilesAndDirectories(t *testing.T) {
	dir := tree(t, "b.json", "a/z.json.gz", "a/notes.txt", "c/d/e.json", "c/e.json.bak", "README", "C.JSON", "f.Json.GZ")
	file := filepath.Join(dir, "a", "notes.txt")
	in := func(f string) input { return input{filepath.Join(dir, filepath.FromSlash(f)), f} }

	got, errs := readAll(t, []string{file, dir, Stdin}, "stdin", Options{StdinName: "standard input"})
	require.Empty(t, errs)
	require.Equal(t, []input{
		{file, "a/notes.txt"}, // a file named as an argument is read whatever its name
		in("a/z.json.gz"), in("b.json"), in("c/d/e.json"),
		{"standard input", "stdin"},
	}, got)

	got, errs = readAll(t, []string{dir}, "", Options{FoldCase: true})
	require.Empty(t, errs)
	require.Equal(t, []input{in("C.JSON"), in("a/z.json.gz"), in("b.json"), in("c/d/e.json"), in("f.Json.GZ")}, got)
}

func TestErrors(t *testing.T) {
	dir := tree(t, "a.json", "c.json")
	// A link to nowhere is a file of the tree that cannot be opened.
	require.NoError(t, os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "b.json")))
	missing := filepath.Join(dir, "missing.json")

	for _, opts := range []Options{{}, {StopAtError: true}} {
		got, errs := readAll(t, []string{missing, dir}, "", opts)
		require.Equal(t, []input{{filepath.Join(dir, "a.json"), "a.json"}, {filepath.Join(dir, "c.json"), "c.json"}}, got)
		require.Len(t, errs, 2)
		require.ErrorIs(t, errs[0], fs.ErrNotExist)
		require.ErrorContains(t, errs[0], "missing.json")
		require.ErrorIs(t, errs[1], fs.ErrNotExist)
		require.ErrorContains(t, errs[1], "b.json")
	}
}

func TestWalkErrors(t *testing.T) {
	dir := tree(t, "a.json", "b/c.json", "d.json")
	errBad := errors.New("cannot read b")
	// The directory b cannot be read, as filepath.WalkDir reports it: the
	// directory, then its error, and nothing under it.
	walkDir = func(root string, fn fs.WalkDirFunc) error {
		return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() || d.Name() != "b" {
				return fn(p, d, err)
			}
			if err := fn(p, d, nil); err != nil {
				return err
			}
			if err := fn(p, d, errBad); err != nil {
				return err
			}
			return filepath.SkipDir
		})
	}
	t.Cleanup(func() { walkDir = filepath.WalkDir })
	in := func(f string) input { return input{filepath.Join(dir, f), f} }

	got, errs := readAll(t, []string{dir, Stdin}, "stdin", Options{StdinName: "-"})
	require.Equal(t, []input{in("a.json"), in("d.json"), {"-", "stdin"}}, got, "the walk goes on after the error")
	require.Equal(t, []error{errBad}, errs)

	got, errs = readAll(t, []string{dir, Stdin}, "stdin", Options{StdinName: "-", StopAtError: true})
	require.Equal(t, []input{in("a.json"), {"-", "stdin"}}, got, "the walk ends at the error, the next input is read")
	require.Equal(t, []error{errBad}, errs)
}
