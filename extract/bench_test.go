package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing-atlas/atlas/data"
	"github.com/briefing-atlas/atlas/geo"
)

// sampleText is the sample briefings repeated to about 1 MB: place-dense
// news text, like the archives atlas reads.
func sampleText(b *testing.B) string {
	files, _ := filepath.Glob("../examples/briefings/*")
	if len(files) == 0 {
		b.Fatal("no sample briefings")
	}
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, f := range files {
			if d, err := os.ReadFile(f); err == nil {
				sb.Write(d)
			}
		}
	}
	return sb.String()
}

// BenchmarkExtract measures extraction throughput (MB/s of Arabic text,
// one core) with the bundled gazetteer and common words.
func BenchmarkExtract(b *testing.B) {
	ex, err := bundled()
	if err != nil {
		b.Fatal(err)
	}
	text := sampleText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		ex.Extract(text)
	}
}

// BenchmarkNew measures the extractor's set-up over a loaded gazetteer:
// with geo's BenchmarkLoad, what a build spends before its first briefing.
func BenchmarkNew(b *testing.B) {
	g, err := geo.Load(data.Gazetteer())
	if err != nil {
		b.Fatal(err)
	}
	words, err := ReadWordList(data.CommonWords())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		New(g, WithCommonWords(words))
	}
}

// BenchmarkTokenizeSample is the tokenizer's share of BenchmarkExtract.
func BenchmarkTokenizeSample(b *testing.B) {
	text := sampleText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		_, _ = tokenize(text)
	}
}

// BenchmarkTokenize measures the tokenizer alone.
func BenchmarkTokenize(b *testing.B) {
	text := strings.Repeat("قصفت قوات النظام بلدة مارع بريف حلب الشمالي، واندلعت اشتباكات في حي جوبر بدمشق.\n", 12000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		_, _ = tokenize(text)
	}
}

// realTexts reads the real briefings kept beside the repository
// (../shared from the module root), which are never copied into it; it
// skips the benchmark where they are absent, as in CI.
func realTexts(b *testing.B, moduleRoot string) []string {
	var files []string
	for _, dir := range []string{"dev/texts", "seeds"} {
		fs, _ := filepath.Glob(filepath.Join(moduleRoot, "..", "shared", dir, "*.txt"))
		files = append(files, fs...)
	}
	if len(files) == 0 {
		b.Skip("no real briefings beside the repository")
	}
	var texts []string
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(d))
	}
	return texts
}

// BenchmarkExtractReal measures Analyze on real briefings, one by one,
// as a build reads them.
func BenchmarkExtractReal(b *testing.B) {
	ex, err := bundled()
	if err != nil {
		b.Fatal(err)
	}
	texts := realTexts(b, "..")
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			ex.Analyze(t)
		}
	}
}
