package events

// The event taxonomy, once: ACLED's types and sub-types with what atlas
// shows of them. Pages, legends, colour keys and the detector's ranks
// all read it.

// TypeInfo is an ACLED event type as atlas shows it.
type TypeInfo struct {
	Name  string // ACLED's name: the key of data files
	Label string // the Arabic label
	Key   string // the CSS class suffix (t-Key) and atlas.toml's [colors] key
	// Colour is the default colour of its markers and badges (atlas.css's
	// --Key; atlas.toml's [colors] may set another). It passes WCAG AA on
	// the pages' paper background.
	Colour string
}

// SubTypeInfo is a sub-type: its type, its Arabic label and how specific
// a report it is.
type SubTypeInfo struct {
	Name, Type, Label string
	// Rank decides between the reports of one clause: the more specific
	// wins (a suicide car bomb is not just an explosion). 0: atlas does
	// not report it.
	Rank int
}

// eventTypes are the types in the order of legends and charts.
var eventTypes = []TypeInfo{
	{"Battles", "معارك", "battles", "#c0392b"},
	{"Explosions/Remote violence", "قصف وتفجيرات", "explosions", "#b34700"},
	{"Violence against civilians", "عنف ضد المدنيين", "civilians", "#8e44ad"},
	{"Strategic developments", "تطورات استراتيجية", "strategic", "#2471a3"},
	{"Political developments", "تطورات سياسية", "political", "#117864"},
	{"Protests", "احتجاجات", "protests", "#565f60"},
}

// subTypes are the sub-types, most specific first. A change of control
// (rank 11) outranks the strikes that came with it; an advance (7) does
// not (see territory and advance).
var subTypes = []SubTypeInfo{
	{SuicideBomb, "Explosions/Remote violence", "تفجير انتحاري", 13},
	{IED, "Explosions/Remote violence", "تفجير عبوة أو مفخخة", 12},
	{AirStrike, "Explosions/Remote violence", "غارة جوية", 10},
	{Shelling, "Explosions/Remote violence", "قصف مدفعي أو صاروخي", 9},
	{Otherwise, "Strategic developments", "تطور آخر", 8},
	{Abduction, "Violence against civilians", "اختطاف أو إخفاء قسري", 6},
	{ArmedClash, "Battles", "اشتباك مسلح", 5},
	{Attack, "Violence against civilians", "هجوم على مدنيين", 4},
	{Displacement, "Strategic developments", "نزوح", 3},
	{Protest, "Protests", "احتجاج سلمي", 2},
	{Agreement, "Strategic developments", "اتفاق", 1},
	{Transfer, "Strategic developments", "انتقال غير عنيف للسيطرة", 1},
	{Meeting, "Political developments", "اجتماع أو زيارة", 1},
	{Negotiations, "Political developments", "مفاوضات", 1},
	// A change of control's sub-type is settled by who took it.
	{GovRegains, "Battles", "استعادة القوات الحكومية لمنطقة", 0},
	{NSATakes, "Battles", "سيطرة فصيل غير حكومي على منطقة", 0},
	// ACLED's, which the gold names and atlas does not report.
	{"Statement", "Political developments", "تصريح", 0},
}

// Types lists the event types in the order of legends and charts.
func Types() []TypeInfo { return append([]TypeInfo(nil), eventTypes...) }

// SubTypes lists the sub-types, most specific first.
func SubTypes() []SubTypeInfo { return append([]SubTypeInfo(nil), subTypes...) }

// typeOf gives the ACLED type of a sub-type the detector reports.
var typeOf = func() map[string]string {
	m := map[string]string{}
	for _, s := range subTypes {
		if s.Rank > 0 || s.Name == GovRegains || s.Name == NSATakes {
			m[s.Name] = s.Type
		}
	}
	return m
}()

// rank orders the sub-types of a clause's triggers, territory and
// advance (resolved later by who acted) among them.
var rank = func() map[string]int {
	m := map[string]int{territory: 11, advance: 7}
	for _, s := range subTypes {
		if s.Rank > 0 {
			m[s.Name] = s.Rank
		}
	}
	return m
}()
