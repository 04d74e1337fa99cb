package site

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestPackKeepsWhatABuildUsed: entries put in one build are there in the
// next; those a build did not use go once they are most of the pack.
func TestPackKeepsWhatABuildUsed(t *testing.T) {
	dir := t.TempDir()
	p, _ := openPack(dir, false)
	big := bytes.Repeat([]byte("x"), 1<<20)
	for _, key := range []string{"a", "b", "c"} {
		if err := p.put(key, append([]byte(key), big...)); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.save(map[string]bool{"a": true, "b": true, "c": true}); err != nil {
		t.Fatal(err)
	}
	p.close()

	p, damaged := openPack(dir, false)
	if damaged {
		t.Fatal("a saved index reads as damaged")
	}
	for _, key := range []string{"a", "b", "c"} {
		if got, ok := p.get(key); !ok || !bytes.Equal(got[:1], []byte(key)) || len(got) != len(big)+1 {
			t.Errorf("%s: %d bytes, %v", key, len(got), ok)
		}
	}
	if _, ok := p.get("d"); ok {
		t.Error("a key never put is found")
	}
	// This build uses only a: b and c are two thirds of the pack.
	if err := p.save(map[string]bool{"a": true}); err != nil {
		t.Fatal(err)
	}
	p.close()
	info, err := os.Stat(filepath.Join(dir, packFile))
	if err != nil || info.Size() > int64(len(big))+1<<10 {
		t.Fatalf("the pack after dropping two of three entries: %v, %v", info, err)
	}
	p, _ = openPack(dir, false)
	defer p.close()
	if got, ok := p.get("a"); !ok || got[0] != 'a' {
		t.Error("the kept entry is lost")
	}
	if _, ok := p.get("b"); ok {
		t.Error("a dropped entry is found")
	}
}

// TestPackSurvivesAStoppedBuild: a build that appends and stops before
// saving leaves the last index good.
func TestPackSurvivesAStoppedBuild(t *testing.T) {
	dir := t.TempDir()
	p, _ := openPack(dir, false)
	p.put("a", []byte("first"))
	p.save(map[string]bool{"a": true})
	p.close()

	p, _ = openPack(dir, false)
	p.put("b", []byte("never indexed"))
	p.close() // stopped: no save

	p, damaged := openPack(dir, false)
	defer p.close()
	if damaged {
		t.Fatal("the index reads as damaged")
	}
	if got, ok := p.get("a"); !ok || string(got) != "first" {
		t.Errorf("a = %q, %v", got, ok)
	}
	if _, ok := p.get("b"); ok {
		t.Error("an entry of a build that never saved is found")
	}
}

// TestPackRecordsNameTheirKey: an index that points at another key's
// record (a damaged or swapped index) misses.
func TestPackRecordsNameTheirKey(t *testing.T) {
	dir := t.TempDir()
	p, _ := openPack(dir, false)
	defer p.close()
	p.put("a", []byte("one"))
	p.put("b", []byte("two"))
	p.spans["a"], p.spans["b"] = p.spans["b"], p.spans["a"]
	if _, ok := p.get("a"); ok {
		t.Error("a record of b read as a")
	}
}

// TestPackIndexOfAnotherPack: an index recording a larger pack than the
// one there (a pack replaced or cut short) is ignored, not damage.
func TestPackIndexOfAnotherPack(t *testing.T) {
	dir := t.TempDir()
	p, _ := openPack(dir, false)
	p.put("a", []byte("one"))
	p.save(map[string]bool{"a": true})
	p.close()
	if err := os.Truncate(filepath.Join(dir, packFile), 3); err != nil {
		t.Fatal(err)
	}
	p, damaged := openPack(dir, false)
	defer p.close()
	if damaged {
		t.Error("an index of another pack counts as damage")
	}
	if _, ok := p.get("a"); ok {
		t.Error("found an entry past the pack's end")
	}
}

// TestPackHeldByAnotherBuild: a second build with the same cache folder
// finds the pack held; it misses and stores nothing, and builds anyway.
func TestPackHeldByAnotherBuild(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no file locks here")
	}
	dir := t.TempDir()
	first, _ := openPack(dir, false)
	defer first.close()
	first.put("a", []byte("one"))
	second, _ := openPack(dir, false)
	defer second.close()
	if !second.busy {
		t.Fatal("the second build holds the pack too")
	}
	if err := second.put("b", []byte("two")); err == nil {
		t.Error("the second build wrote into a held pack")
	}
	if _, ok := second.get("a"); ok {
		t.Error("the second build read a held pack")
	}
}
