package s3trail_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestParsersDoNotLinkSDK checks that the packages of programs that only
// parse records do not depend on the AWS SDK, which only this package and
// the examples link.
func TestParsersDoNotLinkSDK(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	pkgs := []string{"cloudtrail", "cloudtrail/multi", "cloudtrail/jobs", "cloudtrail/cloudtrailtest",
		"mediaconvert", "elastictranscoder", "transcribe", "mediatailor"}
	args := []string{"list", "-deps"}
	for _, p := range pkgs {
		args = append(args, "github.com/mediatrail/mediatrail/"+p)
	}
	out, err := exec.Command("go", args...).CombinedOutput()
	require.NoError(t, err, "%s", out)
	deps := strings.Fields(string(out))
	require.Contains(t, deps, "github.com/mediatrail/mediatrail/cloudtrail")
	for _, d := range deps {
		require.False(t, strings.HasPrefix(d, "github.com/aws/"), "a parsing package depends on %s", d)
	}
}
