// Package geo is atlas's gazetteer: the places of Syria and the places
// abroad that the news names, with their names, kinds, administrative
// parents and geometry. It answers three questions: which places carry a
// name (Lookup), which admin units contain a point (Locate), and which
// places lie near a point (Near). It knows nothing of articles.
package geo

import (
	"fmt"
	"strings"

	"github.com/paulmach/orb"
)

// Kind says what sort of place a Place is.
type Kind string

// Kinds of place, from the largest to the smallest.
const (
	Country      Kind = "country"
	Governorate  Kind = "governorate"
	District     Kind = "district"
	Subdistrict  Kind = "subdistrict"
	Region       Kind = "region"
	City         Kind = "city"
	Town         Kind = "town"
	Village      Kind = "village"
	Neighborhood Kind = "neighborhood"
	Camp         Kind = "camp"
	Landmark     Kind = "landmark"
	ForeignCity  Kind = "foreign_city"
	// ForeignRegion is a province or district of another country
	// (الأنبار، البقاع، هاتاي).
	ForeignRegion Kind = "foreign_region"
)

// Kinds lists every kind, from the largest to the smallest.
func Kinds() []Kind {
	return []Kind{Country, Governorate, District, Subdistrict, Region, City, Town, Village,
		Neighborhood, Camp, Landmark, ForeignCity, ForeignRegion}
}

// Place is one entry of the gazetteer.
type Place struct {
	ID     string // stable: OCHA p-code, "geonames:N" or "country:XX"
	NameAr string
	NameEn string
	AltAr  []string
	AltEn  []string
	Kind   Kind
	// Country is the ISO 3166-1 alpha-2 code.
	Country string
	// Adm1..Adm3 are the OCHA p-codes of the admin units the place lies in
	// (empty outside Syria); Adm1En is the OCHA English governorate name.
	Adm1, Adm1En string
	Adm2, Adm2En string
	Adm3, Adm3En string
	// Capital is 1 for a governorate capital, 2 for a district capital,
	// 3 for a subdistrict capital, 0 otherwise.
	Capital    int
	Population int
	// Point is a representative point: the place itself, or the centre of
	// an area.
	Point orb.Point
	// Shape is the outline of an area, nil for points.
	Shape orb.Geometry
	// CoordFrom is set when the sources give no coordinates of the place
	// itself: Point is then the point of the place with this id (a landmark
	// at its town, a quarter at its city), and only approximate.
	CoordFrom string
	// Prefer lists names for which this place is the default sense, over
	// places that rank higher (عمان: Amman before Oman).
	Prefer []string
	// Layer names the gazetteer layer the place came from.
	Layer string
	// rank is Rank()+1 for a place read from a layer, whose fields do not
	// change after; 0 when Rank must work it out.
	rank int16
}

// Governorate returns the OCHA English name of the governorate the place
// lies in, or "" for places outside Syria and for Syria itself.
func (p *Place) Governorate() string {
	if p.Country != "SY" || p.Kind == Country {
		return ""
	}
	return p.Adm1En
}

// Rank orders candidates for a name when nothing else decides: larger and
// more central places first, Syrian places before foreign ones of the same
// standing. Higher is more important.
func (p *Place) Rank() int {
	if p.rank != 0 {
		return int(p.rank) - 1
	}
	return p.rankOf()
}

// rankOf works out Rank: extraction asks it of every candidate.
func (p *Place) rankOf() int {
	r := 0
	switch p.Kind {
	case Country:
		r = 90
	case Governorate:
		r = 80
	case City:
		r = 70
	case ForeignCity:
		r = 50
	case ForeignRegion:
		// Below the cities abroad whose names such units often carry,
		// above Syrian villages of the same name.
		r = 45
	case Town:
		r = 40
	case District:
		// Districts and subdistricts are named after their capital town;
		// the news means the town, so they rank below towns.
		r = 38
	case Subdistrict:
		r = 36
	case Region:
		// Our regions are named for what the news calls them; a source
		// alias of an admin unit with the same name comes second.
		r = 42
	case Camp, Landmark:
		r = 35
	case Neighborhood:
		r = 25
	case Village:
		r = 20
	}
	switch p.Capital {
	case 1:
		r += 25 // above the governorate of the same name: the city is where things happen
	case 2:
		r += 8
	case 3:
		r += 4
	}
	switch {
	case p.Population >= 1_000_000:
		r += 6
	case p.Population >= 100_000:
		r += 3
	}
	return r
}

// Why says in words what Rank weighed, for people choosing between
// candidates (atlas geocode).
func (p *Place) Why() string {
	parts := []string{string(p.Kind)}
	switch p.Capital {
	case 1:
		if p.Kind == ForeignCity {
			parts = append(parts, "national capital")
		} else {
			parts = append(parts, "governorate capital")
		}
	case 2:
		parts = append(parts, "district capital")
	case 3:
		parts = append(parts, "subdistrict capital")
	}
	if p.Population > 0 {
		parts = append(parts, fmt.Sprintf("population %d", p.Population))
	}
	if p.CoordFrom != "" {
		parts = append(parts, "coordinates of "+p.CoordFrom)
	}
	return fmt.Sprintf("rank %d: %s", p.Rank(), strings.Join(parts, ", "))
}
