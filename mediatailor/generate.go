package mediatailor

//go:generate go run ../internal/gen -service mediatailor
