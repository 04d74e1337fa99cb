package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing-atlas/atlas/data"
	"github.com/briefing-atlas/atlas/geo"
)

// BenchmarkExtract measures extraction throughput (MB/s of Arabic text,
// one core) over the sample briefings repeated to about 1 MB.
func BenchmarkExtract(b *testing.B) {
	g, err := geo.Load(data.Gazetteer())
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob("../examples/briefings/*")
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, f := range files {
			if d, err := os.ReadFile(f); err == nil {
				sb.Write(d)
			}
		}
		if len(files) == 0 {
			b.Fatal("no sample briefings")
		}
	}
	text := sb.String()
	ex := New(g)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		ex.Extract(text)
	}
}

// BenchmarkTokenize measures the tokenizer alone.
func BenchmarkTokenize(b *testing.B) {
	text := strings.Repeat("قصفت قوات النظام بلدة مارع بريف حلب الشمالي، واندلعت اشتباكات في حي جوبر بدمشق.\n", 12000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		tokenize(text)
	}
}
