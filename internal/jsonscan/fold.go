package jsonscan

// Member names are matched without regard to ASCII case throughout the
// module: CloudTrail writes the same member as eventName and EventName,
// and services change the case of their members between versions.

// EqualFold reports whether a and b are equal without regard to ASCII
// case, comparing eight bytes at a time.
func EqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	i := 0
	for ; i+8 <= len(a); i += 8 {
		if Lower8(Load64(a, i)) != Lower8(Load64(b, i)) {
			return false
		}
	}
	for ; i < len(a); i++ {
		if Lower(a[i]) != Lower(b[i]) {
			return false
		}
	}
	return true
}

// Lower8 lower-cases the ASCII letters of eight bytes.
func Lower8(x uint64) uint64 {
	h := x &^ highs
	ge := h + ones*(0x80-'A') // high bit set where h >= 'A'
	gt := h + ones*(0x7f-'Z') // high bit set where h > 'Z'
	upper := (ge &^ gt) &^ x & highs
	return x | upper>>2
}

// Lower lower-cases an ASCII letter.
func Lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
