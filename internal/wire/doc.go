// Package wire is the JSON runtime behind the typed service packages: a
// table-driven codec in the manner of google.golang.org/protobuf's
// internal/impl. The generated packages hold types, documentation and one
// Service table each; the codec builds, once per Go type and from
// reflection, a table of its fields (offsets, kinds, a hash table of their
// keys) and decodes and encodes every type with the same few loops over
// raw pointers.
//
// Decoding follows what CloudTrail writes: keys match without regard to
// case, numbers and booleans given as strings convert, timestamps take
// every form cloudtrail.ParseTime reads. Values that do not fit are never
// fatal: the decoder records a *cloudtrail.FieldError with the value's JSON
// path, keeps the value as written in the structure's cloudtrail.RawMembers
// (a list, map or union with an element that does not fit is kept whole)
// and goes on. Only malformed JSON stops a decode.
//
// Skipped values cost no allocation, and strings are unescaped only when
// they contain escapes; strings without escapes share the memory of the
// input.
package wire
