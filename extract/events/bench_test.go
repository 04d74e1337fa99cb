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
// core) on the sample briefings, each four times over, given their place
// mentions.
func BenchmarkDetect(b *testing.B) {
	files, _ := filepath.Glob("../../examples/briefings/*")
	if len(files) == 0 {
		b.Fatal("no sample briefings")
	}
	benchDetect(b, files, 4)
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
	benchDetect(b, files, 1)
}

// benchDetect times Detect over the files, each repeated times over,
// with the mentions the extractor finds in them.
func benchDetect(b *testing.B, files []string, times int) {
	ex, err := pipeline()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	size := 0
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, strings.Repeat(string(d), times))
		size += times * len(d)
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
			det.Detect("bench", t, ms[i], date)
		}
	}
}
