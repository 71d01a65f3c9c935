// Package modelcheck tests the typed decoders of the four service packages
// against the Smithy models they are generated from, without the
// generator's code.
//
// For every operation its tests build, from the model alone, a
// requestParameters and a responseElements object in which every member of
// every reachable structure has a value, wrap them in a CloudTrail record,
// decode it through cloudtrail.Decode and check the typed value member by
// member, the FieldErrors, and the JSON the typed value encodes back to. The
// same instances are then written in the other ways CloudTrail records
// write them (key case, timestamp and number forms), with redacted values
// in chosen places, and with members the model does not have.
//
// The package has no code of its own besides its tests.
package modelcheck
