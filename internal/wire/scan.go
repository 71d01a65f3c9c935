package wire

import (
	"math/bits"

	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// The codec's own scanning: the keys of structures, hashed while they are
// scanned. Everything else about JSON's syntax is in internal/jsonscan.

const fold8 = 0x2020202020202020 // setting bit 5 lower-cases ASCII letters

// mix adds x to the hash h.
func mix(h, x uint64) uint64 {
	h = (h ^ x) * 0x9E3779B97F4A7C15
	return h ^ h>>31
}

// keyTail is the last word a key hash mixes in: the key's last bytes
// (fewer than eight, folded) and its length.
func keyTail(tail uint64, n int) uint64 { return tail | uint64(n)<<56 }

// keyHash hashes a key as if lower-cased: eight bytes at a time with bit 5
// set in each (which maps both cases of a letter, and a few other pairs of
// bytes, to one; the comparison after a lookup tells them apart), then the
// rest and the length. scanKey computes the same hash while it scans.
func keyHash(k string) uint64 {
	var h uint64
	i := 0
	for ; i+8 <= len(k); i += 8 {
		h = mix(h, jsonscan.Load64(k, i)|fold8)
	}
	var tail uint64
	for j := len(k) - 1; j >= i; j-- {
		tail = tail<<8 | uint64(k[j]|0x20)
	}
	return mix(h, keyTail(tail, len(k)))
}

// scanKey scans the object key whose opening quote is at s[i] and hashes it
// as keyHash does, in one pass. It reports false for keys with escapes, for
// malformed ones and near the end of s, which the caller reads the slow way.
func scanKey(s string, i int) (end int, h uint64, ok bool) {
	j := i + 1
	for j+8 <= len(s) {
		v := jsonscan.Load64(s, j)
		if m := jsonscan.SpecialMask(v); m != 0 {
			k := bits.TrailingZeros64(m) >> 3
			if s[j+k] != '"' {
				return 0, 0, false
			}
			var tail uint64
			if k > 0 {
				tail = (v | fold8) & (1<<(8*k) - 1)
			}
			return j + k + 1, mix(h, keyTail(tail, j+k-i-1)), true
		}
		h = mix(h, v|fold8)
		j += 8
	}
	return 0, 0, false
}
