package questions

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of the imported texts, as the question form has.
const (
	maxImportTitle = 200
	maxImportText  = 20000
)

// validateImportRow checks the fields that need no database.
func validateImportRow(r ImportRow) []ImportIssue {
	var out []ImportIssue
	add := func(field, msg string) { out = append(out, ImportIssue{Field: field, Message: msg}) }
	switch n := utf8.RuneCountInString(r.Title); {
	case n == 0:
		add("titolo", "Indica il titolo.")
	case n > maxImportTitle:
		add("titolo", "Il titolo supera i 200 caratteri.")
	}
	if r.Question == "" {
		add("domanda", "Indica il testo della domanda.")
	} else if utf8.RuneCountInString(r.Question) > maxImportText {
		add("domanda", "Il testo della domanda è troppo lungo.")
	}
	if r.Answer == "" {
		add("risposta", "Indica la risposta.")
	} else if utf8.RuneCountInString(r.Answer) > maxImportText {
		add("risposta", "La risposta è troppo lunga.")
	}
	if r.Authority == "" {
		add("autorita", "Indica l'autorità che ha validato la risposta.")
	}
	if r.ValidAsOf != "" {
		if d, ok := parseImportDate(r.ValidAsOf); !ok {
			add("valida_al", "Data non valida: usa AAAA-MM-GG o GG/MM/AAAA.")
		} else if d.After(time.Now()) {
			add("valida_al", "La data di validità non può essere futura.")
		}
	}
	for i, ref := range r.References {
		if ref.Norm == "" && ref.Circular == "" && ref.URL == "" {
			out = append(out, ImportIssue{Field: "riferimenti", Message: "Riferimento %d: indica almeno la norma, la circolare o il collegamento.", Arg: i + 1})
		}
		if ref.URL != "" && !strings.HasPrefix(ref.URL, "https://") && !strings.HasPrefix(ref.URL, "http://") {
			out = append(out, ImportIssue{Field: "riferimenti", Message: "Riferimento %d: il collegamento deve iniziare con https://.", Arg: i + 1})
		}
	}
	return out
}
