package site

import (
	"sort"
	"strings"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/briefing-atlas/atlas/geo"
)

// siteIndex gathers, briefing by briefing in the site's order, what the
// site-wide pages need: the governorates' counts, every named place with
// its mentions and events, the latest events and the unresolved names.
// It keeps them compact and copies what it keeps out of the texts, so
// that a briefing's text and analysis are dropped once its own page is
// written: an archive's analyses never need to be in memory at once.
type siteIndex struct {
	gaz *geo.Gazetteer

	govs      []*GovernorateSummary
	govIndex  map[string]int
	govPlaces []map[*geo.Place]int
	byType    []map[string]int
	byMonth   []map[string]int
	perGov    []int // one briefing's mentions in each governorate

	byPlace map[string]*PlaceSummary

	events []EventRef     // the latest events, at least maxMapped once there are that many
	count  int            // every event
	totals map[string]int // events by type
	kinds  map[[2]string]*eventKind
	strs   map[string]string // strings kept, each once

	unresolved map[string]*unresolvedName

	mentions, located int
	unplaced          []string
}

// eventKind is an event's type and sub-type, kept once for all events of
// that kind.
type eventKind struct{ Type, SubType string }

type unresolvedName struct {
	name, example, file string
	count               int
	// draft is the place as a site's gazetteer/ could add it: at the
	// place the text was about where the name first came (coord_from),
	// or nil when the text said nothing of where.
	draft *geo.Place
}

func newSiteIndex(g *geo.Gazetteer) *siteIndex {
	x := &siteIndex{gaz: g, govIndex: map[string]int{}, byPlace: map[string]*PlaceSummary{},
		totals: map[string]int{}, kinds: map[[2]string]*eventKind{}, strs: map[string]string{},
		unresolved: map[string]*unresolvedName{}}
	for i, gp := range g.Governorates() {
		x.govIndex[gp.ID] = i
		x.govs = append(x.govs, &GovernorateSummary{Place: gp})
		x.govPlaces = append(x.govPlaces, map[*geo.Place]int{})
		x.byType = append(x.byType, map[string]int{})
		x.byMonth = append(x.byMonth, map[string]int{})
	}
	x.perGov = make([]int, len(x.govs))
	return x
}

// keep returns s held once, apart from the text it was cut from.
func (x *siteIndex) keep(s string) string {
	if k, ok := x.strs[s]; ok {
		return k
	}
	k := strings.Clone(s)
	x.strs[k] = k
	return k
}

// govOf is the index of the governorate p is in, or -1.
func (x *siteIndex) govOf(p *geo.Place) int {
	if p == nil || p.Country != "SY" || p.Kind == geo.Country {
		return -1
	}
	if i, ok := x.govIndex[p.Adm1]; ok {
		return i
	}
	return -1
}

// add takes in the analysed briefing a, listed in the site as light
// (its metadata only), with the sentence of each mention a place page may
// list (copied out of its text). Briefings must come in the site's order.
func (x *siteIndex) add(light *Article, a *Article, sentences []string) {
	located := 0
	for n, m := range a.Mentions {
		p := m.Place
		if p == nil {
			continue
		}
		located++
		named := m.Name == p.NameAr && m.Kind == p.Kind // a landmark located at a place is not that place
		if i := x.govOf(p); i >= 0 {
			x.perGov[i]++
			if named {
				x.govPlaces[i][p]++
			}
		}
		if !named {
			continue
		}
		s := x.summary(p)
		s.named = true
		s.Mentions++
		s.mentions.add(ListedMention{Article: light, N: n, Surface: x.keep(m.Surface), Sentence: sentences[n]})
	}
	x.mentions += len(a.Mentions)
	x.located += located
	if located == 0 {
		x.unplaced = append(x.unplaced, a.Path)
	}
	for i, n := range x.perGov {
		if n > 0 {
			x.govs[i].Articles = append(x.govs[i].Articles, light)
			x.govs[i].Mentions += n
			x.perGov[i] = 0
		}
	}
	for k := range a.Events {
		e := &a.Events[k]
		x.count++
		x.totals[e.Type]++
		if i := x.govOf(e.Place); i >= 0 {
			x.govs[i].Events++
			x.byType[i][e.Type]++
			if e.Date != nil {
				x.byMonth[i][e.Date.Format("2006-01")]++
			} else {
				x.govs[i].Undated++
			}
		}
		kind := x.kinds[[2]string{e.Type, e.SubType}]
		if kind == nil {
			kind = &eventKind{x.keep(e.Type), x.keep(e.SubType)}
			x.kinds[[2]string{kind.Type, kind.SubType}] = kind
		}
		pe := PlaceEvent{Article: light, N: int32(k), Dead: -1, kind: kind}
		if e.Fatalities != nil {
			pe.Dead = int32(*e.Fatalities)
		}
		for j, m := range e.Places {
			if seenBefore(e.Places[:j], m.Place.ID) {
				continue
			}
			s := x.summary(m.Place)
			s.Events++
			s.events.add(pe)
		}
		// Held in the briefing's analysis until the window is trimmed:
		// most of an archive's events fall out of it, and are never
		// copied.
		x.events = append(x.events, EventRef{Event: e, Article: light, N: k})
	}
	// Only the latest maxMapped events are shown anywhere: keep a window
	// of them, trimmed now and then rather than at every event, and copy
	// out of their texts those that stay.
	if len(x.events) >= 2*maxMapped {
		n := copy(x.events, x.events[len(x.events)-maxMapped:])
		clear(x.events[n:])
		x.events = x.events[:n]
		x.own(x.events)
	}
	k := 0
	for _, u := range a.Unresolved {
		r := x.unresolved[u.Name]
		if r == nil {
			r = &unresolvedName{name: strings.Clone(u.Name), example: strings.Clone(u.Sentence), file: light.Path}
			x.unresolved[r.name] = r
		}
		r.count++
		// The mention that placed the name, if any, has its offsets;
		// both lists are in text order.
		for k < len(a.Mentions) && a.Mentions[k].Start < u.Start {
			k++
		}
		if r.draft == nil && k < len(a.Mentions) && a.Mentions[k].Start == u.Start && a.Mentions[k].End == u.End {
			r.draft = draftPlace(r.name, &a.Mentions[k])
		}
	}
}

// draftPlace is the feature an editor would add for a name the gazetteer
// lacks, which m placed where the text was about: at that place's point,
// in its admin units, marked approximate (coord_from) for the editor to
// correct. name_en is left for the editor.
func draftPlace(name string, m *extract.Mention) *geo.Place {
	where := m.Place
	if where == nil {
		return nil
	}
	p := &geo.Place{
		ID: "site:" + strings.Join(strings.Fields(name), "-"), NameAr: name, Kind: m.Kind, Country: where.Country,
		Point: where.Point, CoordFrom: where.ID,
	}
	if where.Country == "SY" && where.Kind != geo.Country {
		p.Adm1, p.Adm1En = where.Adm1, where.Adm1En
		p.Adm2, p.Adm2En = where.Adm2, where.Adm2En
		p.Adm3, p.Adm3En = where.Adm3, where.Adm3En
	}
	return p
}

func seenBefore(ms []extract.Mention, id string) bool {
	for _, m := range ms {
		if m.Place.ID == id {
			return true
		}
	}
	return false
}

// summary is the place's summary, made on first use.
func (x *siteIndex) summary(p *geo.Place) *PlaceSummary {
	s := x.byPlace[p.ID]
	if s == nil {
		s = &PlaceSummary{Place: p}
		x.byPlace[p.ID] = s
	}
	return s
}

// copyEvent copies what pages show of e out of its briefing's text.
func (x *siteIndex) copyEvent(e *events.Event) *events.Event {
	c := *e
	c.ID = strings.Clone(e.ID)
	c.Evidence = strings.Clone(e.Evidence)
	c.Type, c.SubType = x.keep(e.Type), x.keep(e.SubType)
	c.Places = make([]extract.Mention, len(e.Places))
	for i, m := range e.Places {
		m.Surface, m.Name = x.keep(m.Surface), x.keep(m.Name)
		m.Candidates = nil
		c.Places[i] = m
	}
	if len(e.Actors) > 0 {
		c.Actors = make([]string, len(e.Actors))
		for i, s := range e.Actors {
			c.Actors[i] = x.keep(s)
		}
	}
	if len(e.Also) > 0 {
		c.Also = make([]events.Span, len(e.Also))
		for i, s := range e.Also {
			s.Evidence = strings.Clone(s.Evidence)
			c.Also[i] = s
		}
	}
	return &c
}

// latestEvents is the latest maxMapped events, oldest first.
func (x *siteIndex) latestEvents() []EventRef {
	latest := x.events
	if len(latest) > maxMapped {
		latest = latest[len(latest)-maxMapped:]
	}
	x.own(latest)
	return latest
}

// own copies the events of refs out of their briefings' analyses, which
// would otherwise stay in memory with their texts.
func (x *siteIndex) own(refs []EventRef) {
	for i := range refs {
		if !refs[i].owned {
			refs[i].Event, refs[i].owned = x.copyEvent(refs[i].Event), true
		}
	}
}

// governorates is the summary of each of the 14.
func (x *siteIndex) governorates() []*GovernorateSummary {
	for i, g := range x.govs {
		g.ByType = typeCounts(x.byType[i])
		g.ByMonth, g.MonthMost = monthCounts(x.byMonth[i])
		g.Places = sortCounts(x.govPlaces[i])
		if len(g.Places) > 15 {
			g.Places = g.Places[:15]
		}
	}
	return x.govs
}

// places is every place a mention names, by id: a place only an event's
// landmark stands at has no page.
func (x *siteIndex) places() []*PlaceSummary {
	out := make([]*PlaceSummary, 0, len(x.byPlace))
	for _, s := range x.byPlace {
		if s.named {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Place.ID < out[j].Place.ID })
	return out
}

// unresolvedNames lists the unresolved names, the most frequent first.
func (x *siteIndex) unresolvedNames() []*unresolvedName {
	list := make([]*unresolvedName, 0, len(x.unresolved))
	for _, r := range x.unresolved {
		list = append(list, r)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].name < list[j].name
	})
	return list
}
