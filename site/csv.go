package site

import (
	"encoding/csv"
	"strings"
)

// writeCSVRow writes one row of a CSV file the build writes, each cell
// made safe with spreadsheetCell first (in place: rows are the caller's
// own, made for this write). Every row but the headers, which are
// atlas's own words, goes through it; rows a rebuild copies from the
// last build's files were written by it too (see cacheFormat).
func writeCSVRow(w *csv.Writer, row []string) error {
	for i, cell := range row {
		row[i] = spreadsheetCell(cell)
	}
	return w.Write(row)
}

// spreadsheetCell keeps a spreadsheet from running a cell as a formula:
// Excel and LibreOffice evaluate a cell that starts with = + - @, or with
// a TAB or CR before one, when an analyst opens the CSV. Such a cell is
// prefixed with a single quote, as OWASP recommends ("CSV Injection"),
// unless it is a plain number such as -3 or 12.5 (a longitude, a count),
// which a spreadsheet reads as the number it is.
func spreadsheetCell(s string) string {
	if s == "" || !isFormulaStart(s[0]) || plainNumber(s) {
		return s
	}
	return "'" + s
}

func isFormulaStart(c byte) bool {
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
}

// plainNumber reports whether s is a decimal number: an optional sign,
// digits, and optionally a point and more digits.
func plainNumber(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	whole, frac, point := strings.Cut(s, ".")
	return allDigits(whole) && (!point || allDigits(frac))
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
