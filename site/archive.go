package site

import (
	"slices"
	"strconv"
	"time"

	"github.com/briefing-atlas/atlas/site/publish"
)

// The archive lists every briefing by month: the home page shows the
// latest 30, and an archive of thousands was otherwise reachable only
// through search or a walk along prev/next links.

// ArchiveMonth is one month of the archive and its briefings.
type ArchiveMonth struct {
	Month    time.Time  // its first day; zero for the briefings without a date
	Articles []*Article // in the site's order
}

// ArchiveYear is the months of one year that have briefings, the latest
// first.
type ArchiveYear struct {
	Year   int // 0 for the briefings without a date
	Months []*ArchiveMonth
}

// ArchivePage is what archive.html is given: the months, and on a
// month's page that month with its neighbours.
type ArchivePage struct {
	Page
	Years []ArchiveYear // the latest first; the undated last
	Month *ArchiveMonth // nil on the archive's index
	// Prev and Next are the months before and after Month that have
	// briefings, nil at either end.
	Prev, Next *ArchiveMonth
}

// archiveHref is a month's page ("archive/2016-02.html"), or the
// undated briefings' ("archive/undated.html").
func archiveHref(m *ArchiveMonth) string {
	if m.Month.IsZero() {
		return "archive/undated.html"
	}
	return "archive/" + m.Month.Format("2006-01") + ".html"
}

// archiveIndexHref is the archive's index.
const archiveIndexHref = "archive/index.html"

// archiveMonths groups briefings by month, the oldest first and the
// undated last, keeping the site's order within a month.
func archiveMonths(articles []*Article) []*ArchiveMonth {
	byMonth := map[time.Time]*ArchiveMonth{}
	var months []*ArchiveMonth
	var undated *ArchiveMonth
	for _, a := range articles {
		if a.Date.IsZero() {
			if undated == nil {
				undated = &ArchiveMonth{}
			}
			undated.Articles = append(undated.Articles, a)
			continue
		}
		d := a.Date.UTC()
		first := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		m := byMonth[first]
		if m == nil {
			m = &ArchiveMonth{Month: first}
			byMonth[first] = m
			months = append(months, m)
		}
		m.Articles = append(m.Articles, a)
	}
	slices.SortFunc(months, func(a, b *ArchiveMonth) int { return a.Month.Compare(b.Month) })
	if undated != nil {
		months = append(months, undated)
	}
	return months
}

// archiveYears arranges months (oldest first, undated last) by year, the
// latest first, with the undated as a year of their own at the end.
func archiveYears(months []*ArchiveMonth) []ArchiveYear {
	var years []ArchiveYear
	var undated *ArchiveMonth
	for i := len(months) - 1; i >= 0; i-- {
		m := months[i]
		if m.Month.IsZero() {
			undated = m
			continue
		}
		if n := len(years); n == 0 || years[n-1].Year != m.Month.Year() {
			years = append(years, ArchiveYear{Year: m.Month.Year()})
		}
		y := &years[len(years)-1]
		y.Months = append(y.Months, m)
	}
	if undated != nil {
		years = append(years, ArchiveYear{Months: []*ArchiveMonth{undated}})
	}
	return years
}

// monthNames are the months as Syrian news names them, the Syriac name
// with the Latin one after it, and in English.
var monthNames = [12][2]string{
	{"كانون الثاني (يناير)", "January"}, {"شباط (فبراير)", "February"}, {"آذار (مارس)", "March"},
	{"نيسان (أبريل)", "April"}, {"أيار (مايو)", "May"}, {"حزيران (يونيو)", "June"},
	{"تموز (يوليو)", "July"}, {"آب (أغسطس)", "August"}, {"أيلول (سبتمبر)", "September"},
	{"تشرين الأول (أكتوبر)", "October"}, {"تشرين الثاني (نوفمبر)", "November"}, {"كانون الأول (ديسمبر)", "December"},
}

// MonthName names a month of the archive in the page's language.
func (p Page) MonthName(m *ArchiveMonth) string {
	if m.Month.IsZero() {
		return p.T("بلا تاريخ")
	}
	lang := 0
	if p.Lang == English {
		lang = 1
	}
	return monthNames[m.Month.Month()-1][lang] + " " + strconv.Itoa(m.Month.Year())
}

// renderArchive writes the archive's index and a page per month.
func (r *pageRenderer) renderArchive(w *publish.Stage) error {
	months := archiveMonths(r.articles)
	years := archiveYears(months)
	index := ArchivePage{Page: r.base("../", "", "archive"), Years: years}
	index.Title = index.T("أرشيف النشرات")
	if err := r.exec(w, "archive.html", archiveIndexHref, index); err != nil {
		return err
	}
	for i, m := range months {
		p := ArchivePage{Page: r.base("../", "", "archive"), Month: m}
		p.Title = p.T("نشرات") + " " + p.MonthName(m)
		if i > 0 {
			p.Prev = months[i-1]
		}
		if i+1 < len(months) {
			p.Next = months[i+1]
		}
		if err := r.exec(w, "archive.html", archiveHref(m), p); err != nil {
			return err
		}
	}
	return nil
}
