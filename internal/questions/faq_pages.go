package questions

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// faqQuery is what the FAQ's list pages read from the URL.
type faqQuery struct {
	Text  string
	Topic string
	Page  int
}

func readFAQQuery(r *http.Request) faqQuery {
	v := r.URL.Query()
	q := faqQuery{Text: strings.TrimSpace(v.Get("q")), Topic: v.Get("argomento"), Page: 1}
	if len(q.Text) > faqMaxQuery {
		q.Text = strings.ToValidUTF8(q.Text[:faqMaxQuery], "")
	}
	if n, err := strconv.Atoi(v.Get("pagina")); err == nil && n > 1 {
		q.Page = min(n, faqMaxPage)
	}
	return q
}

// url is path with the query's parameters, on page n.
func (q faqQuery) url(path string, n int) string {
	v := url.Values{}
	if q.Text != "" {
		v.Set("q", q.Text)
	}
	if q.Topic != "" && !strings.HasPrefix(path, "/faq/argomento/") {
		v.Set("argomento", q.Topic)
	}
	if n > 1 {
		v.Set("pagina", strconv.Itoa(n))
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// faqPager links the pages of a list.
type faqPager struct {
	Page, Pages int
	q           faqQuery
	path        string
}

func newPager(q faqQuery, path string, total int) faqPager {
	return faqPager{Page: q.Page, Pages: min((total+faqPageSize-1)/faqPageSize, faqMaxPage), q: q, path: path}
}

// URL is the address of page n.
func (p faqPager) URL(n int) string { return p.q.url(p.path, n) }

// index is /faq: the home of the FAQ, a search, or one topic's questions.
func (f *FAQ) index(w http.ResponseWriter, r *http.Request) {
	q := readFAQQuery(r)
	f.serve(w, r, q.url("/faq", q.Page), func(r *http.Request) (*cached, error) {
		var topic *faqTopic
		if q.Topic != "" {
			t, err := f.store.topic(r.Context(), q.Topic)
			if err != nil {
				return nil, err
			}
			topic = t
		}
		switch {
		case q.Text != "":
			return f.renderResults(r, q, topic)
		case topic != nil:
			return f.renderList(r, q, topic, "/faq")
		}
		return f.renderHome(r)
	})
}

// topicPage is /faq/argomento/{slug}: a topic's questions, newest first.
func (f *FAQ) topicPage(w http.ResponseWriter, r *http.Request) {
	q := readFAQQuery(r)
	q.Text, q.Topic = "", r.PathValue("slug")
	path := "/faq/argomento/" + url.PathEscape(q.Topic)
	f.serve(w, r, q.url(path, q.Page), func(r *http.Request) (*cached, error) {
		t, err := f.store.topic(r.Context(), q.Topic)
		if err != nil {
			return nil, err
		}
		return f.renderList(r, q, t, path)
	})
}

// show is /faq/{id}: a Q&A with its published answer. Every page served
// counts as a view.
func (f *FAQ) show(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		f.web.NotFound(w, r)
		return
	}
	ok := f.serve(w, r, "/faq/"+strconv.FormatInt(id, 10), func(r *http.Request) (*cached, error) {
		return f.renderEntry(r, id, 0)
	})
	if ok {
		f.views.add(id)
	}
}

// version is /faq/{id}/versioni/{n}: a validated version of the answer.
func (f *FAQ) version(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("a"), 10, 64)
	n, err2 := strconv.Atoi(r.PathValue("c"))
	if err != nil || err2 != nil || id <= 0 || n <= 0 {
		f.web.NotFound(w, r)
		return
	}
	key := "/faq/" + strconv.FormatInt(id, 10) + "/versioni/" + strconv.Itoa(n)
	f.serve(w, r, key, func(r *http.Request) (*cached, error) {
		return f.renderEntry(r, id, n)
	})
}
