//go:build !race

package cloudtrail_test

// raceEnabled reports whether the race detector is on, which makes large
// tests too slow to run in full.
const raceEnabled = false
