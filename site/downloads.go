package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// eventsCSVHeader follows ACLED's export, so that tools made for it read
// atlas's events.
var eventsCSVHeader = []string{
	"event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1",
	"location", "latitude", "longitude", "geo_precision", "fatalities", "notes", "source",
}

var mentionsCSVHeader = []string{
	"article", "start", "end", "surface", "place_id", "place_ar", "place_en", "kind",
	"governorate", "country", "latitude", "longitude", "confidence", "geo_precision", "use",
}

// writeDownloads writes events.geojson, events.csv and mentions.csv:
// every event and every place mention of the atlas, for analysts' tools.
// Offsets in mentions.csv count code points from the start of each
// article's file, front matter included, as `atlas extract` does.
func writeDownloads(w *writer, articles []*Article) error {
	fc := geojson.NewFeatureCollection()
	var ev, mn bytes.Buffer
	ec, mc := csv.NewWriter(&ev), csv.NewWriter(&mn)
	ec.Write(eventsCSVHeader)
	mc.Write(mentionsCSVHeader)
	for _, a := range articles {
		for _, e := range a.Events {
			fc.Append(eventFeature(a, e))
			ec.Write(eventRow(a, e))
		}
		for _, m := range a.Mentions {
			row := []string{a.Path, strconv.Itoa(a.BodyOffset + m.Start), strconv.Itoa(a.BodyOffset + m.End),
				m.Surface, "", m.Name, "", string(m.Kind), "", "", "", "",
				strconv.FormatFloat(m.Confidence, 'f', 2, 64), strconv.Itoa(m.GeoPrecision), string(m.Use)}
			if p := m.Place; p != nil {
				if m.Name == p.NameAr && m.Kind == p.Kind {
					row[4], row[6] = p.ID, p.NameEn
				}
				row[8], row[9] = p.Governorate(), p.Country
				row[10], row[11] = coord(p.Point.Lat()), coord(p.Point.Lon())
			}
			mc.Write(row)
		}
	}
	ec.Flush()
	mc.Flush()
	if err := ec.Error(); err != nil {
		return err
	}
	if err := mc.Error(); err != nil {
		return err
	}
	data, err := json.Marshal(fc)
	if err != nil {
		return err
	}
	for name, body := range map[string][]byte{"events.geojson": data, "events.csv": ev.Bytes(), "mentions.csv": mn.Bytes()} {
		if err := w.write(name, body); err != nil {
			return err
		}
	}
	return nil
}

func eventFeature(a *Article, e events.Event) *geojson.Feature {
	f := geojson.NewFeature(orb.Point{round(e.Place.Point.Lon()), round(e.Place.Point.Lat())})
	f.ID = e.ID
	places := make([]string, len(e.Places))
	for i, m := range e.Places {
		places[i] = m.Surface
	}
	f.Properties = geojson.Properties{
		"id": e.ID, "type": e.Type, "sub_type": e.SubType, "actors": nonNil(e.Actors),
		"places": places, "governorate": e.Governorate(), "country": e.Country(),
		"geo_precision": e.GeoPrecision, "evidence": e.Evidence, "confidence": e.Confidence,
		"article": articleHref(a), "title": a.Title, "date": nil, "fatalities": nil, "injured": nil,
	}
	if e.Date != nil {
		f.Properties["date"] = e.Date.Format("2006-01-02")
	}
	if e.Fatalities != nil {
		f.Properties["fatalities"] = *e.Fatalities
	}
	if e.Injured != nil {
		f.Properties["injured"] = *e.Injured
	}
	return f
}

func eventRow(a *Article, e events.Event) []string {
	row := make([]string, len(eventsCSVHeader))
	row[0] = e.ID
	if e.Date != nil {
		row[1] = e.Date.Format("2006-01-02")
	}
	row[2], row[3] = e.Type, e.SubType
	if len(e.Actors) > 0 {
		row[4] = e.Actors[0]
	}
	if len(e.Actors) > 1 {
		row[5] = strings.Join(e.Actors[1:], ";")
	}
	row[6] = e.Governorate()
	names := make([]string, len(e.Places))
	for i, m := range e.Places {
		names[i] = m.Surface
	}
	row[7] = strings.Join(names, "; ")
	row[8], row[9] = coord(e.Place.Point.Lat()), coord(e.Place.Point.Lon())
	row[10] = strconv.Itoa(e.GeoPrecision)
	if e.Fatalities != nil {
		row[11] = strconv.Itoa(*e.Fatalities)
	}
	row[12] = e.Evidence
	row[13] = a.Source
	if row[13] == "" {
		row[13] = a.Path
	}
	return row
}

func coord(v float64) string { return strconv.FormatFloat(round(v), 'f', -1, 64) }

func round(v float64) float64 { return float64(int64(v*1e5+copysign(0.5, v))) / 1e5 }

func copysign(x, y float64) float64 {
	if y < 0 {
		return -x
	}
	return x
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
