package site

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/briefing-atlas/atlas/geo"
)

// randomString mixes what JSON escapes (quotes, controls, HTML, U+2028,
// invalid UTF-8) with Arabic and plain text.
func randomString(rng *rand.Rand) string {
	pieces := []string{"", "a", "حلب", " ", `"`, `\`, "<", ">", "&", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f",
		"\u2028", "\u2029", "\u2027", "\xff", "\xd8", "\xe2\x80", "é", "😀", "\ufeff", "/", "'", "<script>", "]]>"}
	var b strings.Builder
	for n := rng.IntN(8); n > 0; n-- {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// trickyFloats are floats whose JSON is easy to get wrong: signed zeros,
// the exponent form's bounds, coordinates, NaN and infinities (which
// json.Marshal refuses). export's tests try random ones.
var trickyFloats = []float64{0, math.Copysign(0, -1), 1e-7, -1e-7, 1e-6, 1e20, 1e21, 123456789e13, 36.20124, -35.5,
	0.1 + 0.2, math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, math.SmallestNonzeroFloat64}

func randomFloat(rng *rand.Rand) float64 { return trickyFloats[rng.IntN(len(trickyFloats))] }

// TestJSONEncodersMatchMarshal holds the hand-written encoders to the
// bytes, and the errors, of json.Marshal, on random records.
func TestJSONEncodersMatchMarshal(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	check := func(what string, v any, got []byte, err error) {
		t.Helper()
		want, werr := json.Marshal(v)
		if (err != nil) != (werr != nil) {
			t.Fatalf("%s: error %v, json.Marshal's %v", what, err, werr)
		}
		if err == nil && !bytes.Equal(got, want) {
			t.Fatalf("%s:\n got %s\nwant %s", what, got, want)
		}
	}
	for range 20000 {
		d := searchDoc{Href: randomString(rng), Title: randomString(rng), Text: randomString(rng)}
		if rng.IntN(2) == 0 {
			d.Date = randomString(rng)
		}
		check("search entry", d, d.appendJSON(nil), nil)

		m := &MapData{Mode: randomString(rng)}
		if rng.IntN(2) == 0 {
			m.Tiles, m.Focus, m.Place = randomString(rng), randomString(rng), randomString(rng)
		}
		if rng.IntN(5) > 0 {
			m.Markers = []Marker{}
		}
		for n := rng.IntN(4); n > 0; n-- {
			k := Marker{Lat: randomFloat(rng), Lon: randomFloat(rng), Name: randomString(rng), NameEn: randomString(rng),
				Kind: geo.Kind(randomString(rng)), Gov: randomString(rng), Count: rng.IntN(100), Approx: rng.IntN(2) == 0,
				Href: randomString(rng), Abroad: rng.IntN(2) == 0}
			if rng.IntN(2) == 0 {
				k.Mentions = []int{}
				for j := rng.IntN(3); j > 0; j-- {
					k.Mentions = append(k.Mentions, rng.IntN(500))
				}
			}
			m.Markers = append(m.Markers, k)
		}
		got, err := m.appendJSON(nil)
		check("map", m, got, err)
	}
}
