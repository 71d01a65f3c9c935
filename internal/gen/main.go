// Command gen generates the typed service packages (one per entry of the
// list in services.go) from the AWS Smithy 2.0 JSON AST models, the list of
// them in internal/services, the table of them in the README, and the data
// of the test kit cloudtrail/cloudtrailtest: a fixture of every operation
// made from the models and the example records of testdata/ (see
// fixtures.go).
//
// go generate ./... runs it, from internal/services/generate.go:
//
//	//go:generate go run ../gen
//
// For each service it reads <models>/<model>.json for each of its models
// and writes the zz_generated_*.go files of its package, replacing older
// generated files there. The models directory is -models, else the
// environment variable MEDIATRAIL_MODELS, else ../shared/models relative to
// the module root (the nearest directory upwards with a go.mod).
//
// For every operation bound to a model's service, directly or through its
// resources, it makes the request and response structures and a typed
// event, and lists them in the package's wire.Service, which the package
// registers with cloudtrail when it is imported; for every structure,
// union and enum they reach, a Go type documented with the model's
// documentation, with nil-safe getters. Decoding and encoding are the
// table-driven codec of internal/wire: the generated code is types,
// documentation and tables.
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
	models := flag.String("models", "", "directory of the Smithy JSON models (default $MEDIATRAIL_MODELS, else ../shared/models from the module root)")
	root := flag.String("root", "", "module root (default: the nearest directory upwards with a go.mod)")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gen [-models DIR] [-root DIR]")
		os.Exit(2)
	}
	if err := run(*models, *root); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(models, root string) error {
	if root == "" {
		var err error
		if root, err = moduleRoot(); err != nil {
			return err
		}
	}
	if models == "" {
		models = defaultModels(root)
	}
	out, err := generateAll(models, root)
	if err != nil {
		return err
	}
	if err := checkNoStrayPackages(root); err != nil {
		return err
	}
	for _, dir := range sortedKeys(out.packages) {
		if err := writeFiles(filepath.Join(root, dir), out.packages[dir]); err != nil {
			return err
		}
	}
	for _, path := range sortedKeys(out.data) {
		if err := writeIfChanged(filepath.Join(root, path), out.data[path]); err != nil {
			return err
		}
	}
	return writeIfChanged(filepath.Join(root, "README.md"), out.readme)
}

// outputs is everything the generator writes: the files of each package
// directory (relative to the module root), the data files of the test kit
// (by their paths relative to the module root), and the README.
type outputs struct {
	packages map[string]map[string][]byte
	data     map[string][]byte
	readme   []byte
}

// generateAll generates every service package, internal/services and the
// README's table of services, in memory.
func generateAll(models, root string) (*outputs, error) {
	out := &outputs{packages: map[string]map[string][]byte{}, data: map[string][]byte{}}
	var plans []*plan
	for _, s := range services {
		p, files, err := generatePackage(s, models, filepath.Join(root, s.Package))
		if err != nil {
			return nil, err
		}
		out.packages[s.Package] = files
		plans = append(plans, p)
	}
	list, err := servicesFile(plans)
	if err != nil {
		return nil, err
	}
	out.packages[filepath.Join("internal", "services")] = map[string][]byte{"zz_generated_services.go": list}
	fixtures, _, err := fixturesFile(plans)
	if err != nil {
		return nil, err
	}
	out.data[filepath.Join(kitDir, fixturesFileName)] = fixtures
	if out.data[filepath.Join(kitDir, examplesFileName)], err = examplesFile(root); err != nil {
		return nil, err
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		return nil, err
	}
	if out.readme, err = readmeTable(readme, plans); err != nil {
		return nil, err
	}
	return out, nil
}

// generatePackage plans and generates the package of one service, whose
// directory is dir.
func generatePackage(s service, models, dir string) (*plan, map[string][]byte, error) {
	p, err := planService(s, models, dir)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", s.Package, err)
	}
	files, err := p.generate()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", s.Package, err)
	}
	return p, files, nil
}

// planService reads the models of a service and plans its package, whose
// directory dir may hold hand-written files whose names the generated code
// must avoid.
func planService(s service, models, dir string) (*plan, error) {
	mfs, err := loadModels(s, models)
	if err != nil {
		return nil, err
	}
	hand, err := handWritten(dir)
	if err != nil {
		return nil, err
	}
	return newPlan(s, mfs, hand)
}

// moduleRoot returns the nearest directory at or above the working
// directory that has a go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod found above the current directory; give -root")
		}
		dir = parent
	}
}

// defaultModels finds the models directory when -models is not given.
func defaultModels(root string) string {
	if dir := os.Getenv("MEDIATRAIL_MODELS"); dir != "" {
		return dir
	}
	return filepath.Join(root, "..", "shared", "models")
}

// checkNoStrayPackages fails for a directory of the module root that has
// generated service files but no entry in services.
func checkNoStrayPackages(root string) error {
	entries, err := os.ReadDir(root)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := os.Stat(filepath.Join(root, e.Name(), "zz_generated_operations.go")); err != nil {
			continue
		}
		if !slices.ContainsFunc(services, func(s service) bool { return s.Package == e.Name() }) {
			return fmt.Errorf("%s has generated files but no entry in the services list of internal/gen", e.Name())
		}
	}
	return nil
}

// writeFiles writes the generated files into dir, creating it, leaving
// files whose content is unchanged alone and removing generated files that
// are no longer made.
func writeFiles(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
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
	for _, name := range sortedKeys(files) {
		if !strings.HasPrefix(name, "zz_generated_") {
			return fmt.Errorf("refusing to write %s", name)
		}
		if err := writeIfChanged(filepath.Join(dir, name), files[name]); err != nil {
			return err
		}
	}
	return nil
}

// writeIfChanged writes data to path unless the file already holds it.
func writeIfChanged(path string, data []byte) error {
	if cur, err := os.ReadFile(path); err == nil && bytes.Equal(cur, data) {
		return nil
	}
	return os.WriteFile(path, data, 0o644)
}
