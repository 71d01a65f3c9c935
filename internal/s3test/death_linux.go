package s3test

import (
	"os/exec"
	"syscall"
)

// setDeathSignal makes the server end with the test binary, even one that
// is killed.
func setDeathSignal(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
