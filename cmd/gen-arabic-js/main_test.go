package main

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/briefing-atlas/atlas/geo/arabic"
)

// TestScriptIsGenerated fails when the map script's tables are not what
// geo/arabic's would write: run `go generate ./assets`.
func TestScriptIsGenerated(t *testing.T) {
	const path = "../../assets/atlas.js"
	js, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	code, err := block()
	if err != nil {
		t.Fatal(err)
	}
	want, err := splice(js, code)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(js, want) {
		t.Errorf("%s: the block between %q and %q differs from geo/arabic's tables; run `go generate ./assets`", path, beginMark, endMark)
	}
}

// TestFoldRanges: expanding the runs as the script does gives every
// character's folding as arabic.Fast has it, and no other character is
// in a run.
func TestFoldRanges(t *testing.T) {
	rs, err := foldRanges()
	if err != nil {
		t.Fatal(err)
	}
	script := map[rune]string{}
	for _, g := range rs {
		for c := g.first; c <= g.last; c++ {
			if _, twice := script[c]; twice {
				t.Fatalf("U+%04X is in two runs", c)
			}
			if g.shifted {
				script[c] = string(c + g.shift)
			} else {
				script[c] = g.out
			}
		}
	}
	for r := rune(0); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		want := string(r)
		if e := arabic.Fast(r); !e.Keep {
			want = ""
		} else if want = string(e.Folded); e.Folded2 != 0 {
			want += string(e.Folded2)
		}
		got, in := script[r]
		if !in {
			got = string(r)
		}
		if got != want {
			t.Errorf("U+%04X: the script folds it to %q, geo/arabic to %q", r, got, want)
		}
	}
	if len(rs) > 500 {
		t.Errorf("%d runs: the script grows; are runs still merged?", len(rs))
	}
}

func TestSplice(t *testing.T) {
	js := "a();\n  // BEGIN geo/arabic\n  var OLD = 1;\n  // END geo/arabic\nb();\n"
	got, err := splice([]byte(js), "// BEGIN geo/arabic: new\nvar X = [\n\n  1];\n// END geo/arabic")
	if err != nil {
		t.Fatal(err)
	}
	want := "a();\n  // BEGIN geo/arabic: new\n  var X = [\n\n    1];\n  // END geo/arabic\nb();\n"
	if string(got) != want {
		t.Errorf("splice:\n%s\nwant:\n%s", got, want)
	}
	if _, err := splice([]byte("a();\n"), "x"); !errors.Is(err, errNoBlock) {
		t.Errorf("splice without marks: %v, want errNoBlock", err)
	}
	if _, err := splice([]byte("x = 1; // BEGIN geo/arabic\n// END geo/arabic\n"), "x"); err == nil || !strings.Contains(err.Error(), "begin its line") {
		t.Errorf("splice after code on the line: %v", err)
	}
}
