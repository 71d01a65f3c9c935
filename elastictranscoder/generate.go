package elastictranscoder

//go:generate go run ../internal/gen -service elastictranscoder
