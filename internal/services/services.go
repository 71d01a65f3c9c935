// Package services lists the service packages of the module, from the one
// list of services in internal/gen; importing it registers every one of
// them with cloudtrail. The tests and examples iterate over All, so that a
// service added to the list is covered everywhere.
package services

//go:generate go run ../gen

// Service is one service package.
type Service struct {
	// Package is the package name, such as "mediaconvert".
	Package string
	// ImportPath is the package's import path.
	ImportPath string
	// EventSources are the event sources its operations are registered
	// under; the first is the package's EventSource.
	EventSources []string
	// Models are the names of the model files it is generated from,
	// without ".json".
	Models []string
	// Operations is the package's Operations function.
	Operations func() []string
}
