package questions

import (
	"regexp"
	"strings"
	"unicode"
)

// Finding is one piece of text that looks like personal data: the
// validator anonymises it before publishing, or confirms it is not.
type Finding struct {
	Kind  string // what it looks like, in Italian
	Where string // which text it is in
	Match string
}

// personalPatterns find what the FAQ must not publish. They err on the
// side of flagging: the validator decides.
var personalPatterns = []struct {
	kind string
	re   *regexp.Regexp
	keep func(string) bool // nil: every match counts
}{
	{"Nome dopo un titolo", regexp.MustCompile(`(?i:\b(?:sig(?:\.ra|\.na|ra|na|nor[ae]?)?\.?|sigg\.|dott(?:\.ssa|ssa|or(?:essa)?)?\.?|avv\.|prof(?:\.ssa|ssa)?\.?))\s+\p{Lu}[\p{L}']+(?:\s+\p{Lu}[\p{L}']+)?`), nil},
	{"Codice fiscale", regexp.MustCompile(`(?i)\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b`), nil},
	{"Indirizzo e-mail", regexp.MustCompile(`(?i)\b[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}\b`), nil},
	{"Numero di telefono", regexp.MustCompile(`(?:\+|\b)(?:00)?(?:39[\s.-]?)?\(?(?:3\d{2}|0\d{1,3})\)?[\s./-]?\d{2,4}[\s./-]?\d{2,5}\b`), phoneLike},
	{"Data di nascita", regexp.MustCompile(`(?i)\b(?:nat[oaie]|data di nascita|d\.\s?n\.|classe)\b[^\n.;]{0,30}?\b\d{1,2}(?:[/.-]\d{1,2}[/.-]|\s+(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)\s+)\d{2,4}\b`), nil},
}

// phoneLike keeps matches with as many digits as an Italian number has,
// so that years, law numbers and articles are not flagged.
func phoneLike(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			n++
		}
	}
	return n >= 9 && n <= 13
}

// CheckPersonal flags likely personal data in the question's title and
// text and in the answer, in that order.
func CheckPersonal(title, body, answer string) []Finding {
	var out []Finding
	for _, t := range []struct{ where, text string }{
		{"Titolo", title}, {"Testo della domanda", body}, {"Risposta", answer},
	} {
		for _, p := range personalPatterns {
			for _, m := range p.re.FindAllString(t.text, -1) {
				m = strings.TrimSpace(m)
				if p.keep == nil || p.keep(m) {
					out = append(out, Finding{Kind: p.kind, Where: t.where, Match: m})
				}
			}
		}
	}
	return out
}
