package main

import (
	"strings"
	"unicode"
)

// namer hands out identifiers of one scope without collisions: a name
// already taken gets underscores appended until it is free. Callers claim
// names in a fixed order, so the outcome is deterministic.
type namer struct {
	used map[string]bool
}

func newNamer(reserved ...string) *namer {
	n := &namer{used: map[string]bool{}}
	for _, r := range reserved {
		n.used[r] = true
	}
	return n
}

func (n *namer) claim(want string) string {
	name := want
	for n.used[name] {
		name += "_"
	}
	n.used[name] = true
	return name
}

// upperFirst upper-cases the first letter of s.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	if c := s[0]; 'a' <= c && c <= 'z' {
		return string(c-'a'+'A') + s[1:]
	}
	return s
}

// lowerFirst lower-cases the first letter of s.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	if c := s[0]; 'A' <= c && c <= 'Z' {
		return string(c-'A'+'a') + s[1:]
	}
	return s
}

// identifier replaces what cannot appear in a Go identifier with '_' and
// makes sure the result starts with a letter.
func identifier(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || r == '_' || i > 0 && unicode.IsDigit(r)):
			b.WriteRune(r)
		case r < unicode.MaxASCII && unicode.IsDigit(r):
			b.WriteString("X")
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "X"
	}
	return b.String()
}

// typeName is the Go name of a shape: the model's name with its first letter
// upper-cased. Names that start with underscores, such as __listOfOutputGroup
// or __mapOf__string, drop their underscores and join their parts in
// CamelCase: ListOfOutputGroup, MapOfString.
func typeName(shape string) string {
	if !strings.HasPrefix(shape, "_") {
		return upperFirst(identifier(shape))
	}
	var b strings.Builder
	for _, part := range strings.Split(shape, "_") {
		b.WriteString(upperFirst(part))
	}
	if b.Len() == 0 {
		return "X"
	}
	return upperFirst(identifier(b.String()))
}

// fieldName is the Go name of a structure member: the member name with its
// first letter upper-cased.
func fieldName(member string) string {
	return upperFirst(identifier(member))
}

// enumSuffix converts an enum member name to the CamelCase part of its
// constant name, as aws-sdk-go-v2 does: the name is split at every
// character that is no letter or digit, and each part is lower-cased but for
// its first letter. EN_US becomes EnUs, HEV1 Hev1, ITU_2020_10bit
// Itu202010bit.
func enumSuffix(name string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(name, func(r rune) bool {
		return r >= unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		b.WriteString(upperFirst(strings.ToLower(part)))
	}
	if b.Len() == 0 {
		return "Value"
	}
	return b.String()
}
