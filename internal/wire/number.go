package wire

import (
	"github.com/mediatrail/mediatrail/cloudtrail"
	"strconv"
	"strings"
)

// parseInt converts a number's text to an integer in [lo, hi]. Numbers with
// a fraction or an exponent, such as 90.0 or 9e1, convert when their value is
// integral; the conversion is exact, also beyond 2^53.
func parseInt(text string, integer bool, lo, hi int64) (int64, error) {
	if integer && len(text) <= 18 {
		neg := text[0] == '-'
		i := 0
		if neg {
			i = 1
		}
		var v int64
		for ; i < len(text); i++ {
			v = v*10 + int64(text[i]-'0')
		}
		if neg {
			v = -v
		}
		if v < lo || v > hi {
			return 0, cloudtrail.ErrOutOfRange
		}
		return v, nil
	}
	if !integer {
		var err error
		if text, err = integralText(text); err != nil {
			return 0, err
		}
	}
	v, err := strconv.ParseInt(text, 10, 64)
	if err != nil || v < lo || v > hi {
		return 0, cloudtrail.ErrOutOfRange
	}
	return v, nil
}

// integralText rewrites a JSON number with a fraction or an exponent as the
// digits of the integer it equals, or fails with cloudtrail.ErrNotInteger when it is
// not integral and with cloudtrail.ErrOutOfRange when it is too large for any int64.
func integralText(text string) (string, error) {
	sign := ""
	if text[0] == '-' {
		sign, text = "-", text[1:]
	}
	mant, exp := text, 0
	if i := strings.IndexAny(text, "eE"); i >= 0 {
		mant = text[:i]
		e, err := strconv.Atoi(strings.TrimPrefix(text[i+1:], "+"))
		if err != nil || e > 1000 || e < -1000 {
			e = 1001 // beyond any int64 either way
			if strings.HasPrefix(text[i+1:], "-") {
				e = -1001
			}
		}
		exp = e
	}
	digits := mant
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		digits = mant[:i] + mant[i+1:]
		exp -= len(mant) - i - 1
	}
	digits = strings.TrimLeft(digits, "0")
	if digits == "" {
		return "0", nil
	}
	if exp < 0 {
		if -exp > len(digits) || strings.TrimRight(digits[len(digits)+exp:], "0") != "" {
			return "", cloudtrail.ErrNotInteger
		}
		digits = digits[:len(digits)+exp]
		if digits == "" {
			return "0", nil
		}
	} else if exp > 0 {
		if len(digits)+exp > 19 {
			return "", cloudtrail.ErrOutOfRange
		}
		digits += strings.Repeat("0", exp)
	}
	return sign + digits, nil
}
