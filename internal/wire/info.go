package wire

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// kind is what the codec does with a value, derived from its Go type.
type kind uint8

const (
	kInvalid  kind = iota
	kString        // string
	kBool          // bool
	kInt8          // int8, a Smithy byte
	kInt16         // int16, a short
	kInt32         // int32, an integer
	kInt64         // int64, a long
	kFloat32       // float32, a float
	kFloat64       // float64, a double
	kTime          // cloudtrail.Time, a timestamp
	kBlob          // []byte, base64 in JSON
	kDocument      // json.RawMessage: documents, big numbers
	kEnum          // a named string type
	kIntEnum       // a named int32 type
	kStruct        // a structure with an UnknownMembers field
	kList          // a slice
	kMap           // a map with string keys
	kUnion         // an interface whose values are union member structures
)

// wants names what a kind's values must be, for FieldError.Want.
var wants = [...]string{
	kString: "string", kBool: "boolean", kInt8: "byte", kInt16: "short", kInt32: "integer",
	kInt64: "long", kFloat32: "float", kFloat64: "double", kTime: "timestamp", kBlob: "blob",
	kDocument: "document", kEnum: "enum", kIntEnum: "integer", kStruct: "structure",
	kList: "list", kMap: "map", kUnion: "union",
}

// typeInfo is the codec's table for one Go type: for a structure, its
// fields with their offsets and a hash table of their keys; for a list or
// map, its element; for a union, its members. Like the message tables of
// google.golang.org/protobuf, it is built once per type, from reflection,
// and the codec then works on raw pointers with one loop per kind.
type typeInfo struct {
	kind kind
	typ  reflect.Type // the Go type of a value

	// kStruct
	id       int // the structure's number, for the decoder's blocks of them
	chunkLen int // how many of them a block holds
	chunk    atomic.Pointer[reflect.Type]
	fields   []field
	unknown  uintptr // offset of UnknownMembers, or noUnknown
	// blob holds the keys of the fields and their quoted forms, which the
	// tables refer to by span: the tables are then almost free of
	// pointers, which keeps the garbage collector's work on them small.
	blob string
	keys keyTable
	// next[i+1] is the member that followed field i (or, for i = -1, came
	// first) the last time an object of the type was decoded: its field
	// times two, plus one when its key was camel-cased; or -1. The decoder
	// checks it before it hashes a key.
	next []atomic.Int32

	// kList: the element; kMap: the value.
	elem *typeInfo

	// kUnion
	members []*typeInfo          // the member structures, each with one field
	byName  keyTable             // member keys to members
	other   reflect.Type         // the structure for members the model does not know
	ifaces  map[reflect.Type]int // member pointer type to index in members
}

// noUnknown is the unknown offset of structures without UnknownMembers.
const noUnknown = ^uintptr(0)

// field is one member of a structure.
type field struct {
	offset uintptr
	typ    reflect.Type             // the type of the value
	info   atomic.Pointer[typeInfo] // its table, made on first use
	ptr    bool                     // the Go field points to the value (optional scalars and structures)
	// The key in quotes with its colon, "name": as the model writes it
	// and with its first letter lower-cased, as spans of the blob, and
	// their first and last eight bytes for a quick comparison.
	quoted, camel        span
	head, tail           uint64
	camelHead, camelTail uint64
}

// scalarInfos are the tables of the fields of scalar kinds, by kind: the
// codec needs nothing but the kind of them.
var scalarInfos = func() (infos [kUnion + 1]*typeInfo) {
	for k := kString; k <= kIntEnum; k++ {
		infos[k] = &typeInfo{kind: k}
	}
	return infos
}()

// t returns the table of the field's type, making it on first use: a
// structure's table does not make those of the structures it holds until
// a record has them, which keeps the tables of large models small.
func (f *field) t() *typeInfo {
	if t := f.info.Load(); t != nil {
		return t
	}
	t := infoOf(f.typ)
	f.info.Store(t)
	return t
}

// span is a part of a table's blob.
type span struct{ off, len uint32 }

// str returns the text of a span of the blob.
func (ti *typeInfo) str(s span) string { return ti.blob[s.off : s.off+s.len] }

// name returns the key of field n, as the model writes it.
func (ti *typeInfo) name(n int) string {
	q := ti.str(ti.fields[n].quoted)
	return q[1 : len(q)-2] // the keys are written without escapes
}

var (
	rawMembersType = reflect.TypeFor[cloudtrail.RawMembers]()
	timeType       = reflect.TypeFor[cloudtrail.Time]()
	rawMessageType = reflect.TypeFor[json.RawMessage]()
	bytesType      = reflect.TypeFor[[]byte]()
)

// The tables, and what Register records for the unions of each package
// before any table is built: the pointer types of union member structures
// and of the types that hold members the model does not know.
var (
	infoMu       sync.Mutex
	infos        sync.Map // reflect.Type -> *typeInfo, complete tables only
	unionMembers []reflect.Type
	unknownUnion []reflect.Type
)

// registerUnions records the member structures of the unions of a package
// (pointers to them, as any) and its type for members the model does not
// know. Union interfaces are matched to their members when a table is built.
func registerUnions(members []any, unknown any) {
	infoMu.Lock()
	defer infoMu.Unlock()
	for _, m := range members {
		unionMembers = append(unionMembers, reflect.TypeOf(m))
	}
	if unknown != nil {
		unknownUnion = append(unknownUnion, reflect.TypeOf(unknown))
	}
}

// isUnknownUnion reports whether t is a pointer to a registered type for
// union members the model does not know.
func isUnknownUnion(t reflect.Type) bool {
	infoMu.Lock()
	defer infoMu.Unlock()
	return slices.Contains(unknownUnion, t)
}

// infoOf returns the table of t, building it (and the tables it refers to)
// on first use.
func infoOf(t reflect.Type) *typeInfo {
	if v, ok := infos.Load(t); ok {
		return v.(*typeInfo)
	}
	infoMu.Lock()
	defer infoMu.Unlock()
	if v, ok := infos.Load(t); ok {
		return v.(*typeInfo)
	}
	b := &builder{building: map[reflect.Type]*typeInfo{}}
	ti := b.info(t)
	for typ, info := range b.building {
		infos.Store(typ, info)
	}
	return ti
}

// builder builds tables under infoMu; building holds the tables begun in
// this build, so that recursive types refer to themselves.
type builder struct {
	building map[reflect.Type]*typeInfo
}

func (b *builder) info(t reflect.Type) *typeInfo {
	if v, ok := infos.Load(t); ok {
		return v.(*typeInfo)
	}
	if ti, ok := b.building[t]; ok {
		return ti
	}
	ti := &typeInfo{typ: t}
	b.building[t] = ti
	switch {
	case t == timeType:
		ti.kind = kTime
	case t == rawMessageType:
		ti.kind = kDocument
	case t == bytesType:
		ti.kind = kBlob
	}
	if ti.kind != kInvalid {
		return ti
	}
	switch t.Kind() {
	case reflect.String:
		ti.kind = kString
		if t.Name() != "string" || t.PkgPath() != "" {
			ti.kind = kEnum
		}
	case reflect.Bool:
		ti.kind = kBool
	case reflect.Int8:
		ti.kind = kInt8
	case reflect.Int16:
		ti.kind = kInt16
	case reflect.Int32:
		ti.kind = kInt32
		if t.PkgPath() != "" {
			ti.kind = kIntEnum
		}
	case reflect.Int64:
		ti.kind = kInt64
	case reflect.Float32:
		ti.kind = kFloat32
	case reflect.Float64:
		ti.kind = kFloat64
	case reflect.Slice:
		ti.kind = kList
		ti.elem = b.info(t.Elem())
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			panic(fmt.Sprintf("wire: map %v has keys that are not strings", t))
		}
		ti.kind = kMap
		ti.elem = b.info(t.Elem())
	case reflect.Struct:
		ti.kind = kStruct
		ti.id = int(structs.Add(1)) - 1
		ti.chunkLen = max(1, min(16, chunkBytes/int(t.Size()+1)))
		b.structInfo(ti)
	case reflect.Interface:
		ti.kind = kUnion
		b.unionInfo(ti)
	default:
		panic(fmt.Sprintf("wire: no codec for %v", t))
	}
	return ti
}

// structInfo fills the table of a structure from its fields: their JSON
// names (the model's wire names) and, from the cloudtrail tag, more keys that
// name them in records.
func (b *builder) structInfo(ti *typeInfo) {
	t := ti.typ
	ti.unknown = noUnknown // union members have no UnknownMembers
	if unknown, ok := t.FieldByName("UnknownMembers"); ok && unknown.Type == rawMembersType {
		ti.unknown = unknown.Offset
	}
	var blob []byte
	add := func(text []byte) span {
		sp := span{uint32(len(blob)), uint32(len(text))}
		blob = append(blob, text...)
		return sp
	}
	var keys []tableKey
	var members []reflect.StructField
	for i := range t.NumField() {
		if sf := t.Field(i); sf.IsExported() && sf.Tag.Get("json") != "-" {
			members = append(members, sf)
		}
	}
	ti.fields = make([]field, len(members))
	for n, sf := range members {
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "" {
			name = sf.Name
		}
		ft := sf.Type
		f := &ti.fields[n]
		f.offset = sf.Offset
		if ft.Kind() == reflect.Pointer {
			f.ptr = true
			ft = ft.Elem()
		}
		f.typ = ft // its table is made when a value first needs it
		if ft.Kind() != reflect.Struct {
			// Small, and unions need their members now. A scalar's table
			// says only its kind: the one of every field of the kind,
			// which stays in the processor's cache.
			info := b.info(ft)
			if shared := scalarInfos[info.kind]; shared != nil {
				info = shared
			}
			f.info.Store(info)
		}
		f.quoted = add(append(jsonscan.AppendString(nil, name), ':'))
		f.camel = add(append(jsonscan.AppendString(nil, lowerFirst(name)), ':'))
		keys = append(keys, tableKey{name, n})
		if more := sf.Tag.Get("cloudtrail"); more != "" {
			for k := range strings.SplitSeq(more, ",") {
				keys = append(keys, tableKey{k, n})
			}
		}
	}
	ti.keys, ti.blob = newKeyTable(keys, blob)
	for n := range ti.fields {
		f := &ti.fields[n]
		if q := ti.str(f.quoted); len(q) >= 8 {
			f.head, f.tail = jsonscan.Load64(q, 0), jsonscan.Load64(q, len(q)-8)
			c := ti.str(f.camel)
			f.camelHead, f.camelTail = jsonscan.Load64(c, 0), jsonscan.Load64(c, len(c)-8)
		}
	}
	ti.next = make([]atomic.Int32, len(ti.fields)+1)
	for i := range ti.next {
		ti.next[i].Store(-1)
	}
}

// learn records that field n followed field prev (-1: came first), with
// its key spelt as the model writes it or, when first is a lower-case
// letter, with its first letter lower-cased.
func (ti *typeInfo) learn(prev, n int, first byte) {
	g := int32(2 * n)
	if 'a' <= first && first <= 'z' && ti.blob[ti.fields[n].quoted.off+1] != first {
		g++
	}
	if p := &ti.next[prev+1]; p.Load() != g {
		p.Store(g)
	}
}

// newBlock allocates a block of chunkLen structures of type ti.
func (ti *typeInfo) newBlock() unsafe.Pointer {
	t := ti.chunk.Load()
	if t == nil {
		at := reflect.ArrayOf(ti.chunkLen, ti.typ)
		t = &at
		ti.chunk.Store(t)
	}
	return reflect.New(*t).UnsafePointer()
}

// unionInfo finds the member structures of a union interface among those
// registered: each is a structure whose one field, Value, is tagged with
// the member's name.
func (b *builder) unionInfo(ti *typeInfo) {
	var keys []tableKey
	ti.ifaces = map[reflect.Type]int{}
	for _, ut := range unknownUnion {
		if ut.Implements(ti.typ) {
			ti.other = ut.Elem()
		}
	}
	for _, mt := range unionMembers {
		if !mt.Implements(ti.typ) {
			continue
		}
		st := mt.Elem()
		m := b.info(st)
		if m.kind != kStruct || len(m.fields) != 1 {
			panic(fmt.Sprintf("wire: union member %v is not a structure of one field", st))
		}
		keys = append(keys, tableKey{m.name(0), len(ti.members)})
		ti.ifaces[mt] = len(ti.members)
		ti.members = append(ti.members, m)
	}
	ti.byName, ti.blob = newKeyTable(keys, nil)
}

// tableKey is a key of a keyTable and the number it maps to.
type tableKey struct {
	key string
	n   int
}

// keyTable maps keys, compared without regard to ASCII case, to small
// numbers: an open-addressing hash table whose hash folds case, so that
// every spelling of a key lands on its slot. The keys are in the blob of
// the type's table.
type keyTable struct {
	slots []keySlot
	mask  uint64
}

type keySlot struct {
	hash uint64 // keyHash of the key
	key  span   // the key as given; empty for an empty slot
	n    int32
}

// newKeyTable makes the table of keys, appending them to blob, which it
// returns as the blob the table refers to.
func newKeyTable(keys []tableKey, blob []byte) (keyTable, string) {
	size := 4
	for size < 2*len(keys) {
		size *= 2
	}
	kt := keyTable{slots: make([]keySlot, size), mask: uint64(size - 1)}
	var spans []span
	for _, k := range keys {
		spans = append(spans, span{uint32(len(blob)), uint32(len(k.key))})
		blob = append(blob, k.key...)
	}
	text := string(blob)
	for i, k := range keys {
		if k.key == "" {
			continue
		}
		if _, dup := kt.lookup(text, k.key); dup {
			continue // the first member that claims a key keeps it
		}
		h := keyHash(k.key)
		j := h & kt.mask
		for kt.slots[j].key.len != 0 {
			j = (j + 1) & kt.mask
		}
		kt.slots[j] = keySlot{hash: h, key: spans[i], n: int32(k.n)}
	}
	return kt, text
}

// lookup returns the number of key; blob is the table's.
func (kt *keyTable) lookup(blob, key string) (int, bool) {
	return kt.lookupHash(blob, key, keyHash(key))
}

// lookupHash returns the number of key, whose keyHash is h.
func (kt *keyTable) lookupHash(blob, key string, h uint64) (int, bool) {
	if len(kt.slots) == 0 {
		return 0, false
	}
	i := h & kt.mask
	for {
		s := &kt.slots[i]
		if s.key.len == 0 {
			return 0, false
		}
		if s.hash == h && int(s.key.len) == len(key) {
			if k := blob[s.key.off : s.key.off+s.key.len]; k == key || jsonscan.EqualFold(k, key) {
				return int(s.n), true
			}
		}
		i = (i + 1) & kt.mask
	}
}

// lowerFirst lower-cases the first letter of s.
func lowerFirst(s string) string {
	if s != "" && 'A' <= s[0] && s[0] <= 'Z' {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

// structs counts the structure types with tables.
var structs atomic.Int64

// chunkBytes is about the size of a chunk of nested structures: a
// decoder allocates them so many at a time, in one block.
const chunkBytes = 2048

// newValue allocates a zero value of t and returns a pointer to it.
func (ti *typeInfo) newValue() unsafe.Pointer {
	return reflect.New(ti.typ).UnsafePointer()
}
