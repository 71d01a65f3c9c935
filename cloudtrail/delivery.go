package cloudtrail

// Delivery describes where a Reader found a record: the container format,
// the record's place in it and, for records that came wrapped in another
// service's message, that message's own members.
type Delivery struct {
	Index  int   // the record's index in its input, from 0
	Offset int64 // the byte offset of the record in the (decompressed) input
}
