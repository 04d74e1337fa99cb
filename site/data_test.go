package site

import (
	"strings"
	"testing"

	"github.com/briefing-atlas/atlas/site/content"
)

// TestSentenceBounds: a place page quotes the sentence the extractor
// read, ending at every sentence end of geo/arabic (؟ ؛ ; … too).
func TestSentenceBounds(t *testing.T) {
	tests := []struct{ body, mention, want string }{
		{"قصف على حمص. سقط قتيل في درعا. ثم هدأت", "درعا", " سقط قتيل في درعا"},
		{"هل وصلت القافلة إلى حلب؟ نعم", "حلب", "هل وصلت القافلة إلى حلب"},
		{"اشتباكات في إدلب؛ وقصف على حماة", "حماة", " وقصف على حماة"},
		{"اشتباكات في إدلب; وقصف على حماة", "إدلب", "اشتباكات في إدلب"},
		{"غارات على دوما… ونزوح من حرستا", "حرستا", " ونزوح من حرستا"},
		{"عنوان عن الرقة\nنص الخبر", "الرقة", "عنوان عن الرقة"},
	}
	for _, tt := range tests {
		at := strings.Index(tt.body, tt.mention)
		a := &Article{Article: &content.Article{Body: tt.body}, spans: []span{{start: at, stop: at + len(tt.mention)}}}
		s, e := a.sentenceBounds(0)
		if got := tt.body[s:e]; got != tt.want {
			t.Errorf("%q: quotes %q, want %q", tt.body, got, tt.want)
		}
	}
}
