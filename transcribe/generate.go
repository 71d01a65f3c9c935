package transcribe

//go:generate go run ../internal/gen -service transcribe
