package site

import "github.com/briefing-atlas/atlas/site/export"

// appendJSON appends d as json.Marshal encodes it.
func (d *searchDoc) appendJSON(b []byte) []byte {
	w := export.Writer{B: b}
	w.Str(`{"h":`, d.Href)
	w.Str(`,"t":`, d.Title)
	if d.Date != "" {
		w.Str(`,"d":`, d.Date)
	}
	w.Str(`,"x":`, d.Text)
	w.Raw("}")
	return w.B
}

// appendJSON appends m as json.Marshal encodes it.
func (m *MapData) appendJSON(b []byte) ([]byte, error) {
	w := export.Writer{B: b}
	w.Raw("{")
	if m.Tiles != "" {
		w.Str(`"tiles":`, m.Tiles)
		w.Raw(",")
	}
	w.Str(`"mode":`, m.Mode)
	if m.Focus != "" {
		w.Str(`,"focus":`, m.Focus)
	}
	if m.Place != "" {
		w.Str(`,"place":`, m.Place)
	}
	if m.Markers == nil {
		w.Raw(`,"markers":null`)
	} else {
		w.Raw(`,"markers":[`)
		for i := range m.Markers {
			if i > 0 {
				w.Raw(",")
			}
			m.Markers[i].write(&w)
		}
		w.Raw("]")
	}
	w.Raw("}")
	return w.B, w.Err
}

func (k *Marker) write(w *export.Writer) {
	w.Float(`{"lat":`, k.Lat)
	w.Float(`,"lon":`, k.Lon)
	w.Str(`,"name":`, k.Name)
	w.Str(`,"en":`, k.NameEn)
	w.Str(`,"kind":`, string(k.Kind))
	if k.Gov != "" {
		w.Str(`,"gov":`, k.Gov)
	}
	w.Int(`,"n":`, k.Count)
	if k.Approx {
		w.Raw(`,"approx":true`)
	}
	if len(k.Mentions) > 0 {
		w.Raw(`,"m":[`)
		for i, n := range k.Mentions {
			if i > 0 {
				w.Raw(",")
			}
			w.Int("", n)
		}
		w.Raw("]")
	}
	if k.Href != "" {
		w.Str(`,"href":`, k.Href)
	}
	if k.Abroad {
		w.Raw(`,"abroad":true`)
	}
	w.Raw("}")
}
