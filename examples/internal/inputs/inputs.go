// Package inputs reads what the command line of an example names:
// standard input, files, and directory trees of CloudTrail log files.
package inputs

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Stdin is the argument that names standard input. It is also the one
// input when there are no arguments.
const Stdin = "-"

// Options says how Read names standard input and walks directory trees.
type Options struct {
	// StdinName is the name that read gets with standard input.
	StdinName string
	// FoldCase matches the endings .json and .json.gz in any case.
	FoldCase bool
	// StopAtError ends the walk of a directory tree at the first error
	// that it meets; otherwise the walk goes on with the rest of the tree.
	StopAtError bool
}

// walkDir walks a directory tree; tests replace it.
var walkDir = filepath.WalkDir

// Read calls read with each input that args name, in their order:
// standard input for Stdin or when there are no arguments, a file that is
// not a directory, and in lexical order the .json and .json.gz files of a
// directory tree (others are skipped). Each file is open while read reads
// it. Read calls fail with each error it meets on the way (a path that
// does not exist, a directory that cannot be read, a file that cannot be
// opened) and goes on with the next input.
func Read(args []string, stdin io.Reader, opts Options, read func(name string, r io.Reader), fail func(error)) {
	if len(args) == 0 {
		args = []string{Stdin}
	}
	readFile := func(path string) {
		f, err := os.Open(path)
		if err != nil {
			fail(err)
			return
		}
		defer f.Close()
		read(path, f)
	}
	for _, path := range args {
		if path == Stdin {
			read(opts.StdinName, stdin)
			continue
		}
		info, err := os.Stat(path)
		if err != nil {
			fail(err)
			continue
		}
		if !info.IsDir() {
			readFile(path)
			continue
		}
		err = walkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if opts.StopAtError {
					return err
				}
				fail(err)
				return nil
			}
			if !d.IsDir() && opts.isLogFile(d.Name()) {
				readFile(p)
			}
			return nil
		})
		if err != nil {
			fail(err)
		}
	}
}

// isLogFile reports whether a file found in a directory tree is read.
func (o Options) isLogFile(name string) bool {
	if o.FoldCase {
		name = strings.ToLower(name)
	}
	return strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".json.gz")
}
