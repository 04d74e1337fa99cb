package events

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/briefing-atlas/atlas/geo/arabic"
)

// clause is a stretch of text that reports at most one event.
type clause struct {
	start, end int  // code point offsets
	para       bool // the first clause of a paragraph
	sentence   int  // index of the sentence it belongs to
	// cont: the clause goes on from the one before with no punctuation
	// between (splitMixed cut them at a second report).
	cont bool
}

// clauseStarts are words that, after a comma, open a new clause that may
// report another event («، وقصفت…»، «، كما…»، «، فيما…»).
var clauseStarts = []string{"كما", "فيما", "بينما", "حيث", "ثم", "أما", "اما", "في حين", "كذلك",
	// a second happening told alongside («، تزامنا مع قصف…», «، وسط غارات…»)
	"تزامنا", "بالتزامن", "متزامنا", "وسط",
	// a running total the happening adds to («، لترتفع بذلك حصيلة القتلى منذ…»)
	"لترتفع", "ليرتفع", "لتصل", "ليصل",
	// an explanation that tells what happened («، إذ هز انفجار …»)
	"إذ ", "اذ "}

// clauses splits text into sentences at their ends (arabic.IsSentenceEnd), and
// sentences into clauses at a comma followed by و or a clause-opening
// word. Surrounding spaces and quotes are trimmed off each clause.
//
// ws are rs's words (Detector.words): a clause-opening word is known by
// its lexeme's flags, not folded again. The clauses are appended to out.
func clauses(out []clause, rs []rune, ws []word) []clause {
	k := 0 // ws[k] is the first word not before the rune looked at
	wordAt := func(at int) *lexeme {
		for k < len(ws) && ws[k].start < at {
			k++
		}
		if k < len(ws) && ws[k].start == at {
			return ws[k].lexeme
		}
		return nil
	}
	start := 0
	para := true
	sentence := 0
	// between: the clause has a «بين» that no word with و has answered
	// yet (see openBetween).
	between := false
	emit := func(end int) {
		s, e := start, end
		for s < e && isPad(rs[s]) {
			s++
		}
		for e > s && isPad(rs[e-1]) {
			e--
		}
		if e > s {
			out = append(out, clause{start: s, end: e, para: para, sentence: sentence})
			para = false
		}
		between = false
	}
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; {
		case arabic.IsSentenceEnd(r):
			emit(i)
			sentence++
			if r == '\n' && i+1 < len(rs) && rs[i+1] == '\n' {
				para = true
			}
			start = i + 1
		case r == '،', r == ',':
			// Only a word with و answers a «بين»: «، كما…» opens a clause
			// whatever came before it.
			if opensClause(rs[i+1:]) && !(between && firstLetter(rs[i+1:]) == 'و') {
				emit(i)
				start = i + 1
			}
		case r == ' ':
			// « 3 - مسلح يقتل…»: a numbered item of a list is a sentence
			// of its own, though scraping lost the line break before it.
			if i > start && i+1 < len(rs) && isDigit(rs[i+1]) && listItemAt(rs, i+1) {
				emit(i)
				sentence++
				start = i + 1
				break
			}
			if i+1 < len(rs) && (rs[i+1] == 'ب' || rs[i+1] == 'و') {
				switch {
				case startsWord(rs[i+1:], "بين"), startsWord(rs[i+1:], "وبين"):
					between = true
				case rs[i+1] == 'و':
					between = false
				}
			}
			if i <= start+8 || i+2 >= len(rs) || !mayOpenClause(rs[i+1]) {
				break
			}
			// « وتجري اشتباكات», « و دارت»: a narrative verb after و opens
			// a clause; so do «كما», «فيما», «تلاها» without a comma.
			lx := wordAt(i + 1)
			if lx == nil || lx.flags&opensFlags == 0 {
				break
			}
			if lx.flags&(isNarrativeAfterAnd|isMidClause) != 0 ||
				lx.w == "و" && k+1 < len(ws) && ws[k+1].start == i+3 && ws[k+1].flags&isNarrative != 0 ||
				lx.flags&isTopicLead != 0 && opensTopic(rs[i+1:]) {
				emit(i)
				start = i + 1
			}
		}
	}
	emit(len(rs))
	return out
}

// topicOpeners turn to another report even where scraping lost the
// full stop before them («… انشقوا عن التيار من جهة أخرى، أفاد المرصد…»).
var topicOpeners = func() []string {
	var out []string
	for _, w := range []string{"من جهة أخرى", "من جهة ثانية", "من جانب آخر", "في سياق متصل", "في سياق آخر", "في سياق منفصل", "في خبر منفصل", "في تطور آخر", "من جهته", "من جهتها", "من جهتهم", "من جانبه", "من جانبها"} {
		out = append(out, arabic.Fold(w), "و"+arabic.Fold(w))
	}
	return out
}()

// opensTopic: rs begins with a topic opener.
func opensTopic(rs []rune) bool {
	// The openers' second words begin with ج، س، خ or ت (جهة، سياق،
	// خبر، تطور): most «في …» and «من …» are ruled out by that letter.
	sp := 0
	for sp < len(rs) && sp < 4 && !arabic.IsSpace(rs[sp]) {
		sp++
	}
	if sp+1 >= len(rs) {
		return false
	}
	if r := rs[sp+1]; r != 'ج' && r != 'س' && r != 'خ' && r != 'ت' {
		return false
	}
	s := arabic.Fold(string(rs[:min(len(rs), 18)]))
	for _, w := range topicOpeners {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// midClause words open a clause even without a comma before them.
var midClause = map[string]bool{"كما": true, "فيما": true, "بينما": true, "تلاها": true, "تلته": true, "وتلاها": true}

// clauseInitials are the first letters of midClause words, and و, with
// which a word after a space can open a clause: a table by folded code
// point (all are Arabic letters), asked at nearly every space.
var clauseInitials = func() (t [0x0700]bool) {
	t['و'], t['م'], t['ف'] = true, true, true // and the topic openers' من، في
	for w := range midClause {
		r, _ := utf8.DecodeRuneInString(w)
		t[r] = true
	}
	return t
}()

// mayOpenClause says whether the word that starts with r can open a
// clause: most words are ruled out by their first letter, before any
// folding. A rune that folds to nothing (a mark) or that is not a plain
// letter is left to the full test.
func mayOpenClause(r rune) bool {
	e := arabic.Fast(r)
	if !e.Keep || !e.Letter || arabic.IsSpace(r) {
		return true
	}
	return uint32(e.Folded) < uint32(len(clauseInitials)) && clauseInitials[e.Folded] || r == 'و'
}

// clauseStartRunes are clauseStarts as code points, decoded once: every
// comma asks for them.
var clauseStartRunes = func() [][]rune {
	out := make([][]rune, len(clauseStarts))
	for i, w := range clauseStarts {
		out[i] = []rune(w)
	}
	return out
}()

func opensClause(rest []rune) bool {
	// The twelve code points after the comma, without leading spaces.
	rs := rest[:min(len(rest), 12)]
	for len(rs) > 0 && rs[0] == ' ' {
		rs = rs[1:]
	}
	if len(rs) > 0 && rs[0] == 'و' {
		// «بقصف جوي، وآخر مدفعي على…»: «and another» goes on with the
		// clause before.
		return !startsWord(rs, "وآخر") && !startsWord(rs, "وأخرى")
	}
	for _, w := range clauseStartRunes {
		if len(rs) >= len(w) && slices.Equal(rs[:len(w)], w) {
			return true
		}
	}
	return false
}

// hasPrefix: rs begins with the code points of s.
func hasPrefix(rs []rune, s string) bool {
	i := 0
	for _, r := range s {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// startsWord: rs begins with the word s, a whole word. «بين قوات
// النظام، والفصائل في محيط البلدة» is one clause: its «، و» is the
// second party's, which the «بين» before it awaits.
func startsWord(rs []rune, s string) bool {
	if !hasPrefix(rs, s) {
		return false
	}
	i := utf8.RuneCountInString(s)
	return i == len(rs) || !arabic.IsLetter(rs[i])
}

// listItemAt reports a list item's number at rs[i]: one or two digits,
// a spaced dash, then a letter («3 - مسلح…»).
func listItemAt(rs []rune, i int) bool {
	j := i
	for j < len(rs) && j-i < 3 && isDigit(rs[j]) {
		j++
	}
	if j == i || j-i > 2 || j+3 >= len(rs) {
		return false
	}
	return rs[j] == ' ' && (rs[j+1] == '-' || rs[j+1] == '–') && rs[j+2] == ' ' && arabic.IsLetter(rs[j+3])
}

// isDigit: a Western or an Arabic-Indic digit.
func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '٠' && r <= '٩' }

// firstLetter is the first rune of rs that is not a space, or 0.
func firstLetter(rs []rune) rune {
	for _, r := range rs {
		if !arabic.IsSpace(r) {
			return r
		}
	}
	return 0
}

func isPad(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '«', '»', '"', '\'', '(', ')', '-', '–', '—', ':', '،', ',':
		return true
	}
	return false
}

// foldRunes appends arabic.Fold of rs to buf without making a string:
// the detector folds every word of a text.
func foldRunes(buf []byte, rs []rune) []byte {
	f := folder{buf: buf, start: len(buf)}
	for _, r := range rs {
		f.add(r)
	}
	return f.buf
}

// foldString is foldRunes of a string's code points.
func foldString(buf []byte, s string) []byte {
	f := folder{buf: buf, start: len(buf)}
	for _, r := range s {
		f.add(r)
	}
	return f.buf
}

// folder appends folded code points to buf, spaces between words made one.
type folder struct {
	buf   []byte
	start int
	space bool
}

func (f *folder) add(r rune) {
	if arabic.IsSpace(r) {
		f.space = len(f.buf) > f.start
		return
	}
	e := arabic.Fast(r)
	if !e.Keep {
		return
	}
	if f.space {
		f.buf = append(f.buf, ' ')
		f.space = false
	}
	f.buf = utf8.AppendRune(f.buf, e.Folded)
	if e.Folded2 != 0 {
		f.buf = utf8.AppendRune(f.buf, e.Folded2)
	}
}
