package questions

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/tabular"
)

// ImportRow is one FAQ of an imported collection, as read from the file.
type ImportRow struct {
	Line       int // the row's line in a CSV, its position (from 1) in a JSON array
	Title      string
	Question   string
	Answer     string
	Topic      string // slug or name of a topic
	References []Reference
	Authority  string
	ValidAsOf  string // as written: YYYY-MM-DD or DD/MM/YYYY

	refProblems []ImportIssue // references that could not be read
}

// importColumns are the columns of a CSV import, by Italian name, with the
// English names also accepted; "riferimenti" holds references separated by
// ";", each "norma|articolo|circolare|url".
var importColumns = map[string]string{
	"titolo": "title", "title": "title",
	"domanda": "question", "question": "question",
	"risposta": "answer", "answer": "answer",
	"argomento": "topic", "topic": "topic",
	"riferimenti": "references", "references": "references",
	"autorita": "authority", "autorità": "authority", "authority": "authority",
	"valida_al": "valid_as_of", "valid_as_of": "valid_as_of",
}

// maxImportSize caps an import file: a collection of a few thousand FAQs
// is well under it.
const maxImportSize = 5 << 20

// The ways a whole file is refused, before any row is looked at.
var (
	errImportUnreadable = &apperr.Error{Kind: apperr.Invalid, Message: "Il file non è un CSV con intestazione né un elenco JSON di FAQ.",
		Fields: map[string]string{"file": "Il file non è un CSV con intestazione né un elenco JSON di FAQ."}}
	errImportEncoding = &apperr.Error{Kind: apperr.Invalid, Message: "Il file non è in UTF-8: salvalo come CSV UTF-8.",
		Fields: map[string]string{"file": "Il file non è in UTF-8: salvalo come CSV UTF-8."}}
	errImportColumns = &apperr.Error{Kind: apperr.Invalid, Message: "L'intestazione deve avere le colonne titolo, domanda, risposta e argomento.",
		Fields: map[string]string{"file": "L'intestazione deve avere le colonne titolo, domanda, risposta e argomento."}}
	errImportEmpty = &apperr.Error{Kind: apperr.Invalid, Message: "Il file non contiene FAQ da importare.",
		Fields: map[string]string{"file": "Il file non contiene FAQ da importare."}}
)

// ParseImport reads a FAQ collection: a JSON array of objects when the
// content starts with "[", a CSV (or XLSX) with a header row otherwise.
func ParseImport(data []byte) ([]ImportRow, error) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if bytes.HasPrefix(trimmed, []byte("[")) {
		return parseImportJSON(trimmed)
	}
	return parseImportCSV(data)
}

func parseImportCSV(data []byte) ([]ImportRow, error) {
	if !utf8.Valid(data) && !bytes.HasPrefix(data, []byte("PK")) {
		return nil, errImportEncoding
	}
	table, err := tabular.Read(data, tabular.Options{})
	if err != nil || len(table) == 0 {
		return nil, errImportUnreadable
	}
	cols := map[string]int{}
	for i, h := range table[0] {
		if f, ok := importColumns[strings.ToLower(strings.TrimSpace(h))]; ok {
			cols[f] = i
		}
	}
	for _, need := range []string{"title", "question", "answer", "topic"} {
		if _, ok := cols[need]; !ok {
			return nil, errImportColumns
		}
	}
	var rows []ImportRow
	for i, rec := range table[1:] {
		if tabular.Blank(rec) {
			continue
		}
		cell := func(f string) string {
			if j, ok := cols[f]; ok && j < len(rec) {
				return strings.TrimSpace(rec[j])
			}
			return ""
		}
		r := ImportRow{Line: i + 2, Title: cell("title"), Question: cell("question"), Answer: cell("answer"),
			Topic: cell("topic"), Authority: cell("authority"), ValidAsOf: cell("valid_as_of")}
		r.References, r.refProblems = parseReferences(cell("references"))
		rows = append(rows, r)
	}
	return rows, nil
}

// parseReferences reads "norma|articolo|circolare|url; ..." into
// references, with a message for each one that cannot be read.
func parseReferences(s string) ([]Reference, []ImportIssue) {
	var refs []Reference
	var problems []ImportIssue
	for i, part := range strings.Split(s, ";") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		f := strings.Split(part, "|")
		if len(f) > 4 {
			problems = append(problems, ImportIssue{Field: "riferimenti", Message: "Riferimento %d: troppe parti (norma|articolo|circolare|url).", Arg: i + 1})
			continue
		}
		f = append(f, "", "", "", "")
		refs = append(refs, Reference{Norm: strings.TrimSpace(f[0]), Article: strings.TrimSpace(f[1]),
			Circular: strings.TrimSpace(f[2]), URL: strings.TrimSpace(f[3])})
	}
	return refs, problems
}

// importJSONRef is a reference of a JSON import; Italian keys also work.
type importJSONRef struct {
	Norm     string `json:"norm"`
	Article  string `json:"article"`
	Circular string `json:"circular"`
	URL      string `json:"url"`
	Norma    string `json:"norma"`
	Articolo string `json:"articolo"`
	Circ     string `json:"circolare"`
}

func parseImportJSON(data []byte) ([]ImportRow, error) {
	var objs []map[string]json.RawMessage
	if err := json.Unmarshal(data, &objs); err != nil {
		return nil, errImportUnreadable
	}
	rows := make([]ImportRow, 0, len(objs))
	for i, o := range objs {
		r := ImportRow{Line: i + 1}
		for k, raw := range o {
			f := importColumns[strings.ToLower(k)]
			if f == "references" {
				r.References, r.refProblems = jsonReferences(raw)
				continue
			}
			var s string
			if json.Unmarshal(raw, &s) != nil {
				continue
			}
			s = strings.TrimSpace(s)
			switch f {
			case "title":
				r.Title = s
			case "question":
				r.Question = s
			case "answer":
				r.Answer = s
			case "topic":
				r.Topic = s
			case "authority":
				r.Authority = s
			case "valid_as_of":
				r.ValidAsOf = s
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// jsonReferences accepts an array of objects or, as in a CSV, one string.
func jsonReferences(raw json.RawMessage) ([]Reference, []ImportIssue) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return parseReferences(s)
	}
	var in []importJSONRef
	if err := json.Unmarshal(raw, &in); err != nil {
		return nil, []ImportIssue{{Field: "riferimenti", Message: "Riferimenti illeggibili: serve un elenco di oggetti con norm, article, circular, url."}}
	}
	refs := make([]Reference, 0, len(in))
	for _, j := range in {
		refs = append(refs, Reference{Norm: strings.TrimSpace(j.Norm + j.Norma), Article: strings.TrimSpace(j.Article + j.Articolo),
			Circular: strings.TrimSpace(j.Circular + j.Circ), URL: strings.TrimSpace(j.URL)})
	}
	return refs, nil
}

// parseImportDate reads YYYY-MM-DD or DD/MM/YYYY.
func parseImportDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
