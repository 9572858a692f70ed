package questions

import "time"

// posted reports whether the page re-shows a submitted form.
func (p *showPage) posted() bool { return len(p.Form) > 0 }

// DraftBody, ValidAsOf, ReviewBy and Notes are the draft form's values:
// as typed, or as saved in the open version.
func (p *showPage) DraftBody() string {
	if p.posted() || p.Open == nil {
		return p.Value("answer")
	}
	return p.Open.Body
}

func (p *showPage) ValidAsOf() string {
	return p.draftDate("valid_as_of", func(a *Answer) *time.Time { return a.ValidAsOf })
}
func (p *showPage) ReviewBy() string {
	return p.draftDate("review_by", func(a *Answer) *time.Time { return a.ReviewBy })
}

func (p *showPage) draftDate(name string, of func(*Answer) *time.Time) string {
	if p.posted() {
		return p.Value(name)
	}
	if p.Open != nil && of(p.Open) != nil {
		return of(p.Open).Format(time.DateOnly)
	}
	if name == "valid_as_of" {
		return p.Now.Format(time.DateOnly)
	}
	return ""
}

func (p *showPage) Notes() string {
	if p.posted() || p.Open == nil {
		return p.Value("notes")
	}
	return p.Open.Notes
}

// ReviewTitle and ReviewBody are the question's text in the validation
// form, where the validator may anonymise it.
func (p *showPage) ReviewTitle() string {
	if p.Form.Has("title") {
		return p.Value("title")
	}
	return p.Q.Title
}

func (p *showPage) ReviewBody() string {
	if p.Form.Has("body") {
		return p.Value("body")
	}
	return p.Q.Body
}

// RefRow is one row of the references table in the draft form.
type RefRow struct {
	Index                        string
	Norm, Article, Circular, URL string
	NormError, URLError          string
}

// Rows are the reference rows: as typed, or as saved plus empty ones.
func (p *showPage) Rows() []RefRow {
	n := p.RefRows
	if p.posted() {
		n = max(flowRefCount(p.Form), 1)
		if p.Value("action") == "add_row" {
			n++
		}
	}
	rows := make([]RefRow, n)
	for i := range rows {
		k := flowID(int64(i))
		row := RefRow{Index: k, NormError: p.Error("ref_norm_" + k), URLError: p.Error("ref_url_" + k)}
		switch {
		case p.posted():
			row.Norm, row.Article = p.Value("ref_norm_"+k), p.Value("ref_article_"+k)
			row.Circular, row.URL = p.Value("ref_circular_"+k), p.Value("ref_url_"+k)
		case p.Open != nil && i < len(p.Open.References):
			ref := p.Open.References[i]
			row.Norm, row.Article, row.Circular, row.URL = ref.Norm, ref.Article, ref.Circular, ref.URL
		}
		rows[i] = row
	}
	return rows
}

// DateText formats a stored date for the page.
func (p *showPage) DateText(t *time.Time) string {
	if t == nil {
		return "—"
	}
	return t.Format("02/01/2006")
}

// StateLabel names a state of the timeline.
func (p *showPage) StateLabel(s State) string { return s.Label() }

// AnswerStateLabel names an answer version's state.
func (p *showPage) AnswerStateLabel(s AnswerState) string { return flowAnswerStates[s] }

var flowAnswerStates = map[AnswerState]string{
	AnswerDraft:      "Bozza",
	AnswerValidation: "In validazione",
	AnswerReturned:   "Rimandata all'esperto",
	AnswerValidated:  "Validata",
	AnswerRejected:   "Respinta",
}

// DueValue and OfficeValue prefill the assignment form with the routing
// the question already has.
func (p *showPage) DueValue() string {
	if p.Q.DueOn == nil {
		return ""
	}
	return p.Q.DueOn.Format(time.DateOnly)
}

func (p *showPage) OfficeValue() string {
	if p.Q.OfficeID == 0 {
		return ""
	}
	return flowID(p.Q.OfficeID)
}
