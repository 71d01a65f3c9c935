package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

// declared holds the names that the hand-written files of a package declare,
// which generated names must not take.
type declared struct {
	names   map[string]bool            // package-level names
	methods map[string]map[string]bool // method names by receiver type name
}

// handWritten reads the Go files of dir other than the generated ones (test
// files of an external _test package excepted) for their declarations. A
// missing directory declares nothing.
func handWritten(dir string) (*declared, error) {
	d := &declared{names: map[string]bool{}, methods: map[string]map[string]bool{}}
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return d, nil
	}
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasPrefix(name, "zz_generated_") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		if strings.HasSuffix(f.Name.Name, "_test") {
			continue
		}
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv == nil {
					d.names[decl.Name.Name] = true
					continue
				}
				if recv := receiverName(decl.Recv.List[0].Type); recv != "" {
					if d.methods[recv] == nil {
						d.methods[recv] = map[string]bool{}
					}
					d.methods[recv][decl.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					switch spec := spec.(type) {
					case *ast.TypeSpec:
						d.names[spec.Name.Name] = true
					case *ast.ValueSpec:
						for _, n := range spec.Names {
							d.names[n.Name] = true
						}
					}
				}
			}
		}
	}
	return d, nil
}

// receiverName returns the type name of a method receiver.
func receiverName(x ast.Expr) string {
	for {
		switch t := x.(type) {
		case *ast.StarExpr:
			x = t.X
		case *ast.IndexExpr:
			x = t.X
		case *ast.IndexListExpr:
			x = t.X
		case *ast.Ident:
			return t.Name
		default:
			return ""
		}
	}
}
