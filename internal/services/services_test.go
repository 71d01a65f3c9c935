package services_test

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/services"
)

// TestEveryServiceRegistered checks that every operation of every service
// of the list is registered under each of the service's event sources
// but the first only for the operations of the later models, and that
// nothing else is registered: the registry holds the list, no more.
func TestEveryServiceRegistered(t *testing.T) {
	require.NotEmpty(t, services.All)
	sources := map[string]bool{}
	for _, s := range services.All {
		require.NotEmpty(t, s.EventSources, s.Package)
		require.Equal(t, s.EventSources[0], cloudtrail.CanonicalEventSource(s.EventSources[0]), s.Package)
		ops := s.Operations()
		require.NotEmpty(t, ops, s.Package)
		require.True(t, slices.IsSorted(ops), "%s: Operations is not sorted", s.Package)
		for _, op := range ops {
			_, ok := cloudtrail.DefaultRegistry.Lookup(s.EventSources[0], op)
			require.True(t, ok, "%s: %s is not registered under %s", s.Package, op, s.EventSources[0])
		}
		for _, src := range s.EventSources {
			require.False(t, sources[src], "%s: event source %s is in two entries", s.Package, src)
			sources[src] = true
		}
	}
	for _, op := range cloudtrail.DefaultRegistry.Operations() {
		require.True(t, sources[op.EventSource], "%s %s is registered by no service of the list", op.EventSource, op.EventName)
	}
	require.Equal(t, slices.Sorted(maps.Keys(sources)), cloudtrail.DefaultRegistry.EventSources())
}

// TestEveryPackageListed fails for a directory of the module that has
// generated service files but is not in the list, and for an entry whose
// directory does not exist.
func TestEveryPackageListed(t *testing.T) {
	root := filepath.Join("..", "..")
	entries, err := os.ReadDir(root)
	require.NoError(t, err)
	listed := map[string]bool{}
	for _, s := range services.All {
		listed[s.Package] = true
		require.Equal(t, "github.com/mediatrail/mediatrail/"+s.Package, s.ImportPath)
		_, err := os.Stat(filepath.Join(root, s.Package, "zz_generated_operations.go"))
		require.NoError(t, err, "%s is listed but not generated: run go generate ./...", s.Package)
	}
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(root, e.Name(), "zz_generated_operations.go")); err == nil {
			require.True(t, listed[e.Name()], "%s is generated but not in the list of services", e.Name())
		}
	}
}
