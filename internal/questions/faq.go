package questions

import (
	"embed"
	"errors"
	"html/template"
	"net/http"
	"strings"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

//go:embed faq_templates/*.html faq_templates/fragments/*.html
var faqTemplates embed.FS

// FAQ serves the public FAQ: pages, search, feeds, sitemap and the JSON
// API, to anyone, anonymous visitors included. What it renders is cached
// under the publication generation, so a page is built once per
// publication, not once per visitor.
type FAQ struct {
	web       *web.Server
	store     *faqStore
	baseURL   string
	fragments *template.Template
	gen       *faqGeneration
	cache     *faqCache
	views     *faqViews
	inflight  singleflight.Group
}

// FAQDeps are what the public FAQ needs. BaseURL is the site's public
// address, for the absolute links of feeds, sitemap and API.
type FAQDeps struct {
	Web     *web.Server
	DB      *db.DB
	BaseURL string
	// CacheBytes bounds the rendered pages kept in memory (default 32 MiB).
	CacheBytes int
	// ViewsEvery is how often view counts are written (default 5 s).
	ViewsEvery time.Duration
}

// NewFAQ parses the FAQ's templates and adds its navigation entry, shown
// to everyone.
func NewFAQ(d FAQDeps) (*FAQ, error) {
	if d.Web == nil || d.DB == nil {
		return nil, errors.New("questions: FAQ needs Web and DB")
	}
	if d.CacheBytes == 0 {
		d.CacheBytes = 32 << 20
	}
	if d.ViewsEvery == 0 {
		d.ViewsEvery = 5 * time.Second
	}
	frags, err := template.New("").Funcs(faqFuncs).ParseFS(faqTemplates, "faq_templates/fragments/*.html")
	if err != nil {
		return nil, err
	}
	if err := d.Web.Templates(faqTemplates, "faq_templates", "faq"); err != nil {
		return nil, err
	}
	d.Web.AddNav(web.NavEntry{Label: "FAQ", URL: "/faq", Access: web.Public, Order: 60})
	return &FAQ{web: d.Web, store: &faqStore{db: d.DB}, baseURL: strings.TrimSuffix(d.BaseURL, "/"),
		fragments: frags, gen: &faqGeneration{db: d.DB, interval: time.Second},
		cache: newFAQCache(d.CacheBytes, time.Minute), views: newFAQViews(d.DB, d.Web.Log(), d.ViewsEvery, 1000)}, nil
}

// Close writes the view counts still pending.
func (f *FAQ) Close() error {
	f.views.Close()
	return nil
}

// Routes is the FAQ's route table: every route is public. The version and
// topic-feed pages share one pattern, since /faq/{id}/versioni/{n} and
// /faq/argomento/{slug}/feed.atom would overlap in the router.
func (f *FAQ) Routes() []web.Route {
	r := func(pattern string, fn http.HandlerFunc) web.Route {
		return web.Route{Method: "GET", Pattern: pattern, Access: web.Public, Handler: fn}
	}
	return []web.Route{
		r("/faq", f.index),
		r("/faq/feed.atom", f.feed),
		r("/faq/argomento/{slug}", f.topicPage),
		r("/faq/{id}", f.show),
		r("/faq/{a}/{b}/{c}", f.deep),
		r("/sitemap.xml", f.sitemap),
		r("/api/v1/faq", f.api),
	}
}

// deep dispatches the two three-segment URLs.
func (f *FAQ) deep(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.PathValue("a") == "argomento" && r.PathValue("c") == "feed.atom":
		f.topicFeed(w, r)
	case r.PathValue("b") == "versioni":
		f.version(w, r)
	default:
		f.web.NotFound(w, r)
	}
}
