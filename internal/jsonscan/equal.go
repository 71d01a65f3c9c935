package jsonscan

import (
	"bytes"
	"strconv"
	"strings"
)

// maxEqualDepth is the nesting below which Equal compares values by their
// text, so that its recursion stays bounded on any input.
const maxEqualDepth = 1000

// Equal reports whether the JSON texts a and b hold the same value: white
// space aside, members of objects in any order (of a name given twice,
// the first counts), strings by their unescaped content and numbers by
// their exact decimal value (90, 90.0 and 9e1 are equal). Invalid JSON is
// equal only to the same bytes.
func Equal(a, b []byte) bool {
	if !Valid(a) || !Valid(b) {
		return bytes.Equal(a, b)
	}
	return equalValue(a, SkipSpace(a, 0), b, SkipSpace(b, 0), 0)
}

// equalValue compares the valid values at a[i] and b[j].
func equalValue(a []byte, i int, b []byte, j int, depth int) bool {
	if a[i] != b[j] && !(isNumberStart(a[i]) && isNumberStart(b[j])) {
		return false
	}
	if depth > maxEqualDepth {
		return bytes.Equal(a[i:Skip(a, i)], b[j:Skip(b, j)])
	}
	switch a[i] {
	case '"':
		ea, escA := StringEnd(a, i)
		eb, escB := StringEnd(b, j)
		if !escA && !escB {
			return bytes.Equal(a[i:ea], b[j:eb])
		}
		return Unescape(a[i+1:ea-1]) == Unescape(b[j+1:eb-1])
	case '{':
		return equalObject(a, i, b, j, depth)
	case '[':
		ia, ib := i, j
		for {
			sa, ea, oka := NextElement(a, ia)
			sb, eb, okb := NextElement(b, ib)
			if oka != okb {
				return false
			}
			if !oka {
				return true
			}
			if !equalValue(a, sa, b, sb, depth+1) {
				return false
			}
			ia, ib = ea, eb
		}
	case 't', 'f', 'n':
		return a[i] == b[j]
	}
	ea, _, _ := Number(a, i)
	eb, _, _ := Number(b, j)
	if bytes.Equal(a[i:ea], b[j:eb]) {
		return true
	}
	return decimalOf(a[i:ea]) == decimalOf(b[j:eb])
}

// decimal is a number as sign, significant digits and exponent: the value
// is 0.digits × 10^exp; zero has no digits and no sign.
type decimal struct {
	neg    bool
	digits string
	exp    int64
}

// decimalOf returns the decimal of a valid JSON number. An exponent of
// more than 15 digits is kept as text in digits, so that such numbers are
// equal only to the same text.
func decimalOf(num []byte) decimal {
	var d decimal
	s := string(num)
	if s[0] == '-' {
		d.neg = true
		s = s[1:]
	}
	mant, expText := s, ""
	if k := strings.IndexAny(s, "eE"); k >= 0 {
		mant, expText = s[:k], s[k+1:]
	}
	var exp int64
	if expText != "" {
		neg := expText[0] == '-'
		expText = strings.TrimLeft(expText, "+-")
		expText = strings.TrimLeft(expText, "0")
		if len(expText) > 15 {
			return decimal{neg: d.neg, digits: string(num), exp: -1 << 62}
		}
		for _, c := range expText {
			exp = exp*10 + int64(c-'0')
		}
		if neg {
			exp = -exp
		}
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	digits := strings.TrimLeft(intPart+frac, "0")
	exp += int64(len(intPart)) - int64(len(intPart)+len(frac)-len(digits))
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		return decimal{}
	}
	d.digits, d.exp = digits, exp
	return d
}

// isNumberStart reports whether c starts a JSON number.
func isNumberStart(c byte) bool { return c == '-' || IsDigit(c) }

// equalObject compares the valid objects at a[i] and b[j].
func equalObject(a []byte, i int, b []byte, j int, depth int) bool {
	members := func(t []byte, k int) map[string]int {
		m := map[string]int{}
		for {
			mem, ok := NextMember(t, k)
			if !ok {
				return m
			}
			if key := Key(t, mem); !hasKey(m, key) {
				m[key] = mem.ValueStart
			}
			k = mem.ValueEnd
		}
	}
	ma, mb := members(a, i), members(b, j)
	if len(ma) != len(mb) {
		return false
	}
	for k, va := range ma {
		vb, ok := mb[k]
		if !ok || !equalValue(a, va, b, vb, depth+1) {
			return false
		}
	}
	return true
}

func hasKey(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

// CanonicalNumber returns a text of the valid JSON number num that is the
// same for all texts of the same value: "0", or the sign, "0.", the
// significant digits and the exponent, such as "0.15e4" for 1500, 1.5e3
// and 1500.0.
func CanonicalNumber(num []byte) string {
	d := decimalOf(num)
	if d.digits == "" {
		return "0"
	}
	sign := ""
	if d.neg {
		sign = "-"
	}
	if d.exp == -1<<62 {
		return d.digits // an exponent too long to hold: the text as it is
	}
	return sign + "0." + d.digits + "e" + strconv.FormatInt(d.exp, 10)
}
