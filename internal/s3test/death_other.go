//go:build !linux

package s3test

import "os/exec"

// setDeathSignal does nothing where the system cannot tie the server's
// life to the test binary's; Main stops it.
func setDeathSignal(*exec.Cmd) {}
