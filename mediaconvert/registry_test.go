package mediaconvert

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/internal/typedtest"
)

// TestRegistry checks, against the Smithy model read independently of the
// generator, that every operation is registered for EventSource and
// decodes to its typed event.
func TestRegistry(t *testing.T) {
	m := typedtest.LoadModel(t, "mediaconvert")
	require.Len(t, m.Operations, 31)
	typedtest.CheckOperations(t, m, EventSource, Operations(), generatedOperations)
}

// TestGeneratedShapes checks that every structure, union, list, map and
// enum that the operations reach has its Go type, and that the numbers
// match the model.
func TestGeneratedShapes(t *testing.T) {
	m := typedtest.LoadModel(t, "mediaconvert")
	typedtest.CheckShapes(t, m, generatedShapes)
	counts := map[string]int{}
	for _, g := range generatedShapes {
		counts[g.Kind]++
	}
	for _, kind := range []string{"structure", "union", "list", "map", "enum", "intEnum"} {
		require.Equal(t, m.Count(kind), counts[kind], kind)
	}
	t.Logf("%d shapes: %v", len(generatedShapes), counts)
}
