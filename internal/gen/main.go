// Command gen generates the typed packages of the service APIs
// (mediaconvert, elastictranscoder, transcribe, mediatailor) from the AWS
// Smithy 2.0 JSON AST models.
//
// Each package runs it with go generate:
//
//	//go:generate go run ../internal/gen -service mediaconvert
//
// It reads <models>/<service>.json and writes zz_generated_*.go files into
// the output directory (the current one by default), replacing older
// generated files there. The models directory is -models, else the
// environment variable MEDIATRAIL_MODELS, else ../shared/models relative to
// the module root (the nearest directory upwards with a go.mod).
//
// For every operation bound to the service, directly or through its
// resources, it makes the request and response structures, a typed event
// and a decoder registered with cloudtrail.Register; for every structure,
// union, list, map and enum they reach, a Go type with generated decoding
// (backed by internal/wire), encoding (MarshalJSON) and nil-safe getters.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

func main() {
	service := flag.String("service", "", "service model to generate, such as mediaconvert (the model file <service>.json and the Go package name)")
	models := flag.String("models", "", "directory of the Smithy JSON models (default $MEDIATRAIL_MODELS, else ../shared/models from the module root)")
	out := flag.String("out", ".", "directory of the Go package to write")
	flag.Parse()
	if *service == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gen -service NAME [-models DIR] [-out DIR]")
		os.Exit(2)
	}
	if err := run(*service, *models, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(service, models, out string) error {
	if models == "" {
		var err error
		if models, err = defaultModels(); err != nil {
			return err
		}
	}
	files, err := generateService(service, models, out)
	if err != nil {
		return err
	}
	return writeFiles(out, files)
}

// generateService generates the files of one service package, whose
// directory dir may hold hand-written files whose names the generated code
// must avoid.
func generateService(service, models, dir string) (map[string][]byte, error) {
	file := service + ".json"
	m, err := loadModel(filepath.Join(models, file))
	if err != nil {
		return nil, err
	}
	hand, err := handWritten(dir)
	if err != nil {
		return nil, err
	}
	p, err := newPlan(m, service, file, hand)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return p.generate()
}

// defaultModels finds the models directory when -models is not given.
func defaultModels() (string, error) {
	if dir := os.Getenv("MEDIATRAIL_MODELS"); dir != "" {
		return dir, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "models"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod found above the current directory; give -models")
		}
		dir = parent
	}
}

// writeFiles writes the generated files into dir, leaving files whose
// content is unchanged alone and removing generated files that are no
// longer made.
func writeFiles(dir string, files map[string][]byte) error {
	old, err := filepath.Glob(filepath.Join(dir, "zz_generated_*.go"))
	if err != nil {
		return err
	}
	for _, path := range old {
		if _, keep := files[filepath.Base(path)]; !keep {
			if err := os.Remove(path); err != nil {
				return err
			}
		}
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if !strings.HasPrefix(name, "zz_generated_") {
			return fmt.Errorf("refusing to write %s", name)
		}
		path := filepath.Join(dir, name)
		if cur, err := os.ReadFile(path); err == nil && bytes.Equal(cur, files[name]) {
			continue
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}
