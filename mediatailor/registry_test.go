package mediatailor

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/internal/typedtest"
)

// TestRegistry checks, against the Smithy model read independently of the
// generator, that every operation is registered for EventSource and
// decodes to its typed event.
func TestRegistry(t *testing.T) {
	m := typedtest.LoadModel(t, "mediatailor")
	require.Len(t, m.Operations, 44)
	typedtest.CheckOperations(t, m, EventSource, Operations(), generatedOperations)
}

// TestGeneratedShapes checks that every structure, union, list, map and
// enum that the operations reach has its Go type, and that the numbers
// match the model.
func TestGeneratedShapes(t *testing.T) {
	typedtest.CheckShapes(t, typedtest.LoadModel(t, "mediatailor"), generatedShapes)
}
