package events

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefing-atlas/atlas/extract"
)

// BenchmarkDetect measures event detection (MB/s of Arabic text, one
// core) on the sample briefings, given their place mentions.
func BenchmarkDetect(b *testing.B) {
	ex, err := pipeline()
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob("../../examples/briefings/*")
	if len(files) == 0 {
		b.Fatal("no sample briefings")
	}
	var texts []string
	size := 0
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, strings.Repeat(string(d), 4))
		size += 4 * len(d)
	}
	ms := make([][]extract.Mention, len(texts))
	for i, t := range texts {
		ms[i] = ex.Extract(t)
	}
	det := New()
	date := time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for i, t := range texts {
			det.Detect("sample", t, ms[i], date)
		}
	}
}

// BenchmarkDetectReal measures Detect on the real briefings kept beside
// the repository (../shared from the module root, never copied into it),
// given their place mentions; skipped where they are absent, as in CI.
func BenchmarkDetectReal(b *testing.B) {
	var files []string
	for _, dir := range []string{"dev/texts", "seeds"} {
		fs, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", dir, "*.txt"))
		files = append(files, fs...)
	}
	if len(files) == 0 {
		b.Skip("no real briefings beside the repository")
	}
	ex, err := pipeline()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var ms [][]extract.Mention
	size := 0
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(d))
		ms = append(ms, ex.Extract(string(d)))
		size += len(d)
	}
	det := New()
	date := time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for i, t := range texts {
			det.Detect("real", t, ms[i], date)
		}
	}
}
