package site

import (
	"testing"

	"github.com/briefing-atlas/atlas/data"
	"github.com/briefing-atlas/atlas/geo"
)

// TestOutlineBudget: the outlines every page loads stay small enough for
// the browser, and keep all 14 governorates and 62 districts.
func TestOutlineBudget(t *testing.T) {
	g, err := geo.Load(data.Gazetteer())
	if err != nil {
		t.Fatal(err)
	}
	gov, err := outlines(g.Governorates())
	if err != nil {
		t.Fatal(err)
	}
	dist, err := outlines(g.Districts())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("tolerance %.3f°: governorates %d KB, districts %d KB", outlineTolerance, len(gov)/1024, len(dist)/1024)
	if len(gov)+len(dist) > 400*1024 {
		t.Errorf("outlines weigh %d KB, over the 400 KB budget", (len(gov)+len(dist))/1024)
	}
	if n := len(g.Districts()); n != 62 {
		t.Errorf("%d districts", n)
	}
}
