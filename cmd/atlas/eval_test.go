package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestEvalShow: --show lists each error under its cause, with the
// counts of each cause, in text and in JSON.
func TestEvalShow(t *testing.T) {
	dir := t.TempDir()
	docs, gold := filepath.Join(dir, "docs"), filepath.Join(dir, "gold")
	for _, d := range []string{docs, gold} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	text := "قصف الطيران مدينة حلب صباحا، ثم دارت اشتباكات قرب المشمشية العليا.\n"
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		start := utf8.RuneCountInString(text[:i])
		return start, start + utf8.RuneCountInString(s)
	}
	var lines []string
	for _, g := range [][2]string{{"حلب", "Aleppo"}, {"المشمشية العليا", "Hama"}} {
		s, e := at(g[0])
		lines = append(lines, fmt.Sprintf(`{"doc":"a.txt","start":%d,"end":%d,"surface":%q,"governorate":%q,"country":"SY"}`, s, e, g[0], g[1]))
	}
	os.WriteFile(filepath.Join(docs, "a.txt"), []byte(text), 0o644)
	os.WriteFile(filepath.Join(gold, "a.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644)

	plain, _, err := run(t, "eval", "--gold", gold, "--docs", docs)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain, "gazetteer lacks") {
		t.Errorf("causes without --show:\n%s", plain)
	}
	stdout, _, err := run(t, "eval", "--gold", gold, "--docs", docs, "--show")
	if err != nil {
		t.Fatal(err)
	}
	miss, _ := at("المشمشية العليا")
	for _, want := range []string{
		"missed 1\n      1  gazetteer lacks the place\n",
		"\nmiss: gazetteer lacks the place (1)\n  MISS a.txt " + fmt.Sprint(miss) + " المشمشية العليا Hama  | ",
		"[المشمشية العليا].\n", // the context, without the line break after it
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("no %q in:\n%s", want, stdout)
		}
	}
	if !strings.HasSuffix(stdout, "\n\nf1=0.667 gov_acc=1.000 country_acc=1.000\n") {
		t.Errorf("last line of:\n%s", stdout)
	}

	out, _, err := run(t, "eval", "--gold", gold, "--docs", docs, "--show", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		FalseAlarms int `json:"false_alarms"`
		Missed      int `json:"missed"`
		Groups      []struct {
			Error, Cause string
			Count        int
			Errors       []struct{ Surface, Context string }
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	n := 0
	for _, g := range r.Groups {
		n += g.Count
		if g.Count != len(g.Errors) {
			t.Errorf("group %+v", g)
		}
	}
	if r.FalseAlarms != 0 || r.Missed != 1 || n != 1 || r.Groups[0].Cause != "gazetteer lacks the place" || r.Groups[0].Errors[0].Surface != "المشمشية العليا" {
		t.Errorf("JSON:\n%s", out)
	}

	for _, args := range [][]string{{"--format", "xml"}, {"--events", "--format", "json"}} {
		if _, _, err := run(t, append([]string{"eval", "--gold", gold, "--docs", docs}, args...)...); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
}
