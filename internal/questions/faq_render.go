package questions

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
)

// faqHomeLen is the length of the home's newest and most consulted lists.
const faqHomeLen = 8

// faqForm is what the search form shows: the query and the topic chosen.
type faqForm struct {
	Query  string
	Topic  *faqTopic
	Topics []faqTopic
}

// Selected reports whether slug is the topic the search is limited to.
func (v *faqForm) Selected(slug string) bool { return v.Topic != nil && v.Topic.Slug == slug }

type faqHomeView struct {
	faqView
	faqForm
	Newest  []faqItem
	Popular []faqItem
}

func (f *FAQ) renderHome(r *http.Request) (*cached, error) {
	ctx := r.Context()
	v := &faqHomeView{faqView: f.view(r)}
	var err error
	if v.Topics, err = f.store.topics(ctx); err != nil {
		return nil, err
	}
	if v.Newest, err = f.store.list(ctx, 0, faqByNewest, faqHomeLen, 0); err != nil {
		return nil, err
	}
	if v.Popular, err = f.store.list(ctx, 0, faqByViews, faqHomeLen, 0); err != nil {
		return nil, err
	}
	body, err := f.fragment("faq-home", v)
	return &cached{Title: "Domande frequenti", Crumbs: [][2]string{{"FAQ", ""}}, Canonical: f.baseURL + "/faq",
		Feed: "/faq/feed.atom", Body: body}, err
}

type faqResultsView struct {
	faqView
	faqForm
	Results *faqResults
	Pager   faqPager
}

// CorrectedURL is the search for the corrected query.
func (v *faqResultsView) CorrectedURL() string {
	q := faqQuery{Text: v.Results.Corrected, Page: 1}
	if v.Topic != nil {
		q.Topic = v.Topic.Slug
	}
	return q.url("/faq", 1)
}

func (f *FAQ) renderResults(r *http.Request, q faqQuery, topic *faqTopic) (*cached, error) {
	ctx := r.Context()
	v := &faqResultsView{faqView: f.view(r), faqForm: faqForm{Query: q.Text, Topic: topic}}
	var err error
	if v.Topics, err = f.store.topics(ctx); err != nil {
		return nil, err
	}
	if v.Results, err = f.store.search(ctx, q.Text, topic, q.Page); err != nil {
		return nil, err
	}
	v.Pager = newPager(q, "/faq", v.Results.Total)
	body, err := f.fragment("faq-results", v)
	return &cached{Title: "Risultati della ricerca", Crumbs: [][2]string{{"FAQ", "/faq"}, {"Risultati della ricerca", ""}},
		Body: body}, err
}

type faqListView struct {
	faqView
	Topic *faqTopic
	Items []faqItem
	Pager faqPager
	Feed  string
}

func (f *FAQ) renderList(r *http.Request, q faqQuery, t *faqTopic, path string) (*cached, error) {
	items, err := f.store.list(r.Context(), t.ID, faqByNewest, faqPageSize, (q.Page-1)*faqPageSize)
	if err != nil {
		return nil, err
	}
	feed := "/faq/argomento/" + url.PathEscape(t.Slug) + "/feed.atom"
	v := &faqListView{faqView: f.view(r), Topic: t, Items: items, Pager: newPager(q, path, t.Count), Feed: feed}
	body, err := f.fragment("faq-list", v)
	return &cached{Title: t.Name, Crumbs: [][2]string{{"FAQ", "/faq"}, {t.Name, ""}},
		Canonical: f.baseURL + "/faq/argomento/" + url.PathEscape(t.Slug), Feed: feed, Body: body}, err
}

type faqShowView struct {
	faqView
	E      *faqEntry
	Answer template.HTML
	JSONLD template.HTML
	// Old is set on a version other than the published one.
	Old bool
}

// VersionURL is the address of version n of the answer.
func (v *faqShowView) VersionURL(n int) string {
	return "/faq/" + strconv.FormatInt(v.E.Question.ID, 10) + "/versioni/" + strconv.Itoa(n)
}

// URL is the address of the question.
func (v *faqShowView) URL() string { return "/faq/" + strconv.FormatInt(v.E.Question.ID, 10) }

func (f *FAQ) renderEntry(r *http.Request, id int64, n int) (*cached, error) {
	e, err := f.store.entry(r.Context(), id, n)
	if err != nil {
		return nil, err
	}
	v := &faqShowView{faqView: f.view(r), E: e, Answer: renderMarkdown(e.Answer.Body), Old: e.Answer.ID != e.Question.AnswerID}
	if !v.Old {
		v.JSONLD = f.qaPage(e)
	}
	body, err := f.fragment("faq-show", v)
	q := e.Question
	crumbs := [][2]string{{"FAQ", "/faq"}, {q.TopicName, "/faq/argomento/" + url.PathEscape(q.TopicSlug)}, {q.Title, ""}}
	return &cached{Title: q.Title, Crumbs: crumbs, Canonical: f.baseURL + v.URL(), Body: body}, err
}
