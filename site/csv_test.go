package site

import "testing"

func TestSpreadsheetCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"حلب", "حلب"},
		{"a=1", "a=1"},
		{"=1+1", "'=1+1"},
		{"+1+1", "'+1+1"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"@SUM(1+1)", "'@SUM(1+1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"+ قصف على حلب", "'+ قصف على حلب"},
		{"- قصف على حلب", "'- قصف على حلب"},
		{"=", "'="},
		{"-", "'-"},
		// Plain numbers are numbers to a spreadsheet, not formulas.
		{"-3", "-3"},
		{"+3", "+3"},
		{"12.5", "12.5"},
		{"-36.21457", "-36.21457"},
		{"0", "0"},
		// Anything more is not plain.
		{"-3.", "'-3."},
		{"-.5", "'-.5"},
		{"-1e5", "'-1e5"},
		{"-0x1F", "'-0x1F"},
		{"-Inf", "'-Inf"},
		{"-3+1", "'-3+1"},
		{"-1.2.3", "'-1.2.3"},
	}
	for _, tt := range tests {
		if got := spreadsheetCell(tt.in); got != tt.want {
			t.Errorf("spreadsheetCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
