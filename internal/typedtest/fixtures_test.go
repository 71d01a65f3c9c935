package typedtest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/internal/services"
)

// TestFixtureInventory checks the folders of testdata/records against the
// list of services: each is named after a service package and holds valid
// records of that service's event sources, each file named after its
// eventName; and each service with a folder has records of every family of
// operations it has.
func TestFixtureInventory(t *testing.T) {
	root, ok := ModuleRoot()
	require.True(t, ok)
	dir := filepath.Join(root, "testdata", "records")
	folders, err := os.ReadDir(dir)
	require.NoError(t, err)
	byPackage := map[string]services.Service{}
	for _, s := range services.All {
		byPackage[s.Package] = s
	}
	families := map[string][]string{
		"Create": {"Create", "Start", "Put"},
		"Read":   {"Get", "Describe", "Read"},
		"List":   {"List"},
		"Update": {"Update"},
		"Delete": {"Delete", "Cancel"},
		"Tag":    {"TagResource", "UntagResource"},
	}
	for _, folder := range folders {
		s, ok := byPackage[folder.Name()]
		require.True(t, ok, "testdata/records/%s is named after no service package", folder.Name())
		files, err := filepath.Glob(filepath.Join(dir, folder.Name(), "*.json"))
		require.NoError(t, err)
		require.GreaterOrEqual(t, len(files), 15, "%s has too few records", folder.Name())
		var names []string
		for _, f := range files {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			var rec struct{ EventSource, EventName string }
			require.NoError(t, json.Unmarshal(data, &rec), f)
			require.Contains(t, s.EventSources, rec.EventSource, f)
			op, _, _ := strings.Cut(strings.TrimSuffix(filepath.Base(f), ".json"), "-")
			require.Equal(t, rec.EventName, op, "%s: the file is not named after its eventName", f)
			names = append(names, rec.EventName)
		}
		ops := s.Operations()
		for family, prefixes := range families {
			has := func(n string) bool {
				return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(n, p) })
			}
			if !slices.ContainsFunc(ops, has) {
				continue // the service has no operation of the family
			}
			require.True(t, slices.ContainsFunc(names, has), "%s has no record of the %s family", folder.Name(), family)
		}
	}
}
