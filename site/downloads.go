package site

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/briefing-atlas/atlas/extract/events"
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
func writeDownloads(w *writer, articles []*Article) (err error) {
	// Each file is streamed to the stage: an archive's downloads run to
	// hundreds of megabytes.
	var files []*stagedFile
	for _, name := range []string{"events.geojson", "events.csv", "mentions.csv"} {
		f, err := w.create(name)
		if err != nil {
			return err
		}
		files = append(files, f)
	}
	defer func() {
		for _, f := range files {
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
	}()
	gj := files[0]
	io.WriteString(gj, `{"type":"FeatureCollection","features":[`)
	first := true
	ec, mc := csv.NewWriter(files[1]), csv.NewWriter(files[2])
	ec.Write(eventsCSVHeader)
	mc.Write(mentionsCSVHeader)
	for _, a := range articles {
		for _, e := range a.Events {
			if !first {
				io.WriteString(gj, ",")
			}
			first = false
			line, err := json.Marshal(eventFeature(a, e))
			if err != nil {
				return err
			}
			io.WriteString(gj, "\n")
			gj.Write(line)
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
	_, err = io.WriteString(gj, "\n]}\n")
	return err
}

// eventFeature is one event as a GeoJSON feature: typed, so that it
// encodes fast and its keys keep one order.
type eventFeatureJSON struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Geometry   pointJSON       `json:"geometry"`
	Properties eventProperties `json:"properties"`
}

type pointJSON struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

type eventProperties struct {
	ID           string   `json:"id"`
	Date         *string  `json:"date"`
	Type         string   `json:"type"`
	SubType      string   `json:"sub_type"`
	Actors       []string `json:"actors"`
	Places       []string `json:"places"`
	Governorate  string   `json:"governorate"`
	Country      string   `json:"country"`
	GeoPrecision int      `json:"geo_precision"`
	Fatalities   *int     `json:"fatalities"`
	Injured      *int     `json:"injured"`
	Evidence     string   `json:"evidence"`
	Confidence   float64  `json:"confidence"`
	Article      string   `json:"article"`
	Title        string   `json:"title"`
}

func eventFeature(a *Article, e events.Event) eventFeatureJSON {
	places := make([]string, len(e.Places))
	for i, m := range e.Places {
		places[i] = m.Surface
	}
	f := eventFeatureJSON{
		Type: "Feature", ID: e.ID,
		Geometry: pointJSON{Type: "Point", Coordinates: [2]float64{round(e.Place.Point.Lon()), round(e.Place.Point.Lat())}},
		Properties: eventProperties{
			ID: e.ID, Type: e.Type, SubType: e.SubType, Actors: nonNil(e.Actors), Places: places,
			Governorate: e.Governorate(), Country: e.Country(), GeoPrecision: e.GeoPrecision,
			Fatalities: e.Fatalities, Injured: e.Injured, Evidence: e.Evidence, Confidence: e.Confidence,
			Article: articleHref(a), Title: a.Title,
		},
	}
	if e.Date != nil {
		d := e.Date.Format("2006-01-02")
		f.Properties.Date = &d
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
