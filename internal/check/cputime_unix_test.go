//go:build unix

package check

import (
	"syscall"
	"time"
)

// cpuTime is the processor time this process has used in user mode. The tests that
// time work use it rather than the clock: on a machine shared with other jobs, the
// clock also counts the time spent waiting for a processor, and system time the
// kernel's paging, which varies with the machine's load more than with the work.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return time.Duration(time.Now().UnixNano())
	}
	return time.Duration(ru.Utime.Nano())
}
