package mediaconvert

//go:generate go run ../internal/gen -service mediaconvert
