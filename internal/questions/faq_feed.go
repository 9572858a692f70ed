package questions

import (
	"context"
	"encoding/xml"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/gorilla/feeds"
)

// faqFeedLen is the number of entries of a feed.
const faqFeedLen = 30

// feed is /faq/feed.atom: the newest and most recently updated answers.
func (f *FAQ) feed(w http.ResponseWriter, r *http.Request) {
	f.serve(w, r, "/faq/feed.atom", func(r *http.Request) (*cached, error) {
		return f.renderFeed(r.Context(), nil)
	})
}

// topicFeed is /faq/argomento/{slug}/feed.atom: the same, for one topic.
func (f *FAQ) topicFeed(w http.ResponseWriter, r *http.Request) {
	slug := r.PathValue("b")
	f.serve(w, r, "/faq/argomento/"+slug+"/feed.atom", func(r *http.Request) (*cached, error) {
		t, err := f.store.topic(r.Context(), slug)
		if err != nil {
			return nil, err
		}
		return f.renderFeed(r.Context(), t)
	})
}

func (f *FAQ) renderFeed(ctx context.Context, t *faqTopic) (*cached, error) {
	var topicID int64
	title, link := "Crocevia: domande frequenti", f.baseURL+"/faq"
	if t != nil {
		topicID, title, link = t.ID, "Crocevia: "+t.Name, f.baseURL+"/faq/argomento/"+url.PathEscape(t.Slug)
	}
	items, err := f.store.list(ctx, topicID, faqByUpdated, faqFeedLen, 0)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	rows, err := f.store.hits(ctx, ids)
	if err != nil {
		return nil, err
	}
	fd := &feeds.Feed{Title: title, Link: &feeds.Link{Href: link}, Id: link,
		Description: "Risposte validate alle domande degli operatori della rete", Updated: time.Unix(0, 0).UTC()}
	for _, it := range items {
		u := f.baseURL + "/faq/" + strconv.FormatInt(it.ID, 10)
		entry := &feeds.Item{Title: it.Title, Link: &feeds.Link{Href: u}, Id: u, Created: it.PublishedAt, Updated: it.UpdatedAt}
		if row, ok := rows[it.ID]; ok {
			entry.Description = clip(plainText(row.Answer), 600)
		}
		if it.UpdatedAt.After(fd.Updated) {
			fd.Updated = it.UpdatedAt
		}
		fd.Items = append(fd.Items, entry)
	}
	atom, err := fd.ToAtom()
	if err != nil {
		return nil, err
	}
	return &cached{Body: []byte(atom), ContentType: "application/atom+xml; charset=utf-8"}, nil
}

// clip cuts s to about n bytes at a space, with an ellipsis.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && s[i] != ' ' {
		i--
	}
	if i == 0 {
		i = n
		for i < len(s) && s[i]&0xC0 == 0x80 {
			i++
		}
	}
	return s[:i] + " …"
}

// sitemapMax keeps each sitemap within the protocol's 50,000 addresses;
// past it, /sitemap.xml becomes an index of /sitemap.xml?pagina=N. A
// variable so that tests can make it small.
var sitemapMax = 45000

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlSet struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	NS       string       `xml:"xmlns,attr"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// sitemap is /sitemap.xml: the FAQ, its topics with questions and every
// published public question; an index of pages when they do not fit.
func (f *FAQ) sitemap(w http.ResponseWriter, r *http.Request) {
	page, _ := strconv.Atoi(r.URL.Query().Get("pagina"))
	f.serve(w, r, "/sitemap.xml?pagina="+strconv.Itoa(max(page, 0)), func(r *http.Request) (*cached, error) {
		total, err := f.store.publicCount(r.Context())
		if err != nil {
			return nil, err
		}
		pages := max((total+sitemapMax-1)/sitemapMax, 1)
		var v any
		switch {
		case page == 0 && pages > 1:
			v = f.sitemapIndex(pages)
		case page <= 1 && pages == 1, page >= 1 && page <= pages:
			v, err = f.sitemapPage(r.Context(), max(page, 1))
		default:
			return nil, errNoFAQ
		}
		if err != nil {
			return nil, err
		}
		body, err := xml.Marshal(v)
		if err != nil {
			return nil, err
		}
		return &cached{Body: append([]byte(xml.Header), body...), ContentType: "application/xml; charset=utf-8"}, nil
	})
}

func (f *FAQ) sitemapIndex(pages int) sitemapIndex {
	idx := sitemapIndex{NS: sitemapNS}
	for n := 1; n <= pages; n++ {
		idx.Sitemaps = append(idx.Sitemaps, sitemapURL{Loc: f.baseURL + "/sitemap.xml?pagina=" + strconv.Itoa(n)})
	}
	return idx
}

// sitemapPage is page n of the addresses; the first also lists the FAQ
// and its topics.
func (f *FAQ) sitemapPage(ctx context.Context, n int) (urlSet, error) {
	set := urlSet{NS: sitemapNS}
	if n == 1 {
		set.URLs = append(set.URLs, sitemapURL{Loc: f.baseURL + "/faq"})
		topics, err := f.store.topics(ctx)
		if err != nil {
			return set, err
		}
		for _, t := range topics {
			if t.Count > 0 {
				set.URLs = append(set.URLs, sitemapURL{Loc: f.baseURL + "/faq/argomento/" + url.PathEscape(t.Slug)})
			}
		}
	}
	items, err := f.store.sitemapItems(ctx, sitemapMax, (n-1)*sitemapMax)
	for _, it := range items {
		set.URLs = append(set.URLs, sitemapURL{Loc: f.baseURL + "/faq/" + strconv.FormatInt(it.ID, 10),
			LastMod: it.UpdatedAt.UTC().Format(time.DateOnly)})
	}
	return set, err
}
