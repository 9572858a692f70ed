package main

import (
	"context"
	"crypto/sha256"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/crocevia/crocevia/internal/e2e"
	"github.com/crocevia/crocevia/internal/platform/auth"
)

// Lists link to many records whose pages share one template: the crawl
// checks perRecordKind pages of each kind (paths equal but for their
// numeric IDs) and maxCrawled pages found by links in all, per visitor.
const (
	maxCrawled    = 40
	perRecordKind = 2
)

// routePages are the pages of the route table user may open: GET routes
// without path parameters whose gate admits user.
func routePages(m *Main, user *auth.User) []string {
	var out []string
	for _, rt := range m.Web.Routes() {
		path := strings.TrimSuffix(rt.Pattern, "{$}")
		if rt.Method != "GET" || strings.Contains(path, "{") || isDownload(path) || !rt.Access.Allows(user) {
			continue
		}
		out = append(out, path)
	}
	sort.Strings(out)
	return out
}

// crawler visits pages in one tab and checks each: no HTTP error, no
// accessibility violation.
type crawler struct {
	t       *testing.T
	tab     context.Context
	base    string
	seen    map[string]bool
	kinds   map[string]int
	visited int
	skipped int // pages whose content axe had checked already
	// checked holds the main contents axe has already checked, shared by
	// the crawls of every visitor. Most pages reached by several roles
	// (account, help, public pages) differ only in the header's menu,
	// which axe checks on each visitor's first page; running axe again on
	// the same content would only spend the CI's time.
	checked map[[sha256.Size]byte]bool
}

func newCrawler(t *testing.T, tab context.Context, base string, checked map[[sha256.Size]byte]bool) *crawler {
	return &crawler{t: t, tab: tab, base: base, seen: map[string]bool{}, kinds: map[string]int{}, checked: checked}
}

// run checks the start pages, then the pages their links lead to, up to
// maxCrawled of them.
func (c *crawler) run(start []string) {
	queue := start
	crawled := 0
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		kind := recordKind(path)
		if c.seen[path] || c.kinds[kind] >= perRecordKind {
			continue
		}
		c.seen[path] = true
		c.kinds[kind]++
		if crawled >= len(start)+maxCrawled {
			c.t.Logf("stopped after %d pages; not checked: %s and %d more", crawled, path, len(queue))
			return
		}
		crawled++
		queue = append(queue, c.check(path)...)
	}
}

// check visits one page and returns the pages it links to.
func (c *crawler) check(path string) []string {
	c.t.Helper()
	resp, err := e2e.Visit(c.tab, c.base+path)
	if err != nil {
		c.t.Errorf("%s: %v", path, err)
		return nil
	}
	if resp.Status >= 400 {
		c.t.Errorf("%s: HTTP status %d (at %s)", path, resp.Status, resp.URL)
		return nil
	}
	if resp.MimeType != "text/html" {
		return nil // health, metrics, downloads: not pages
	}
	if final := pathQuery(resp.URL); final != path {
		if c.seen[final] {
			return nil // redirected to a page already checked
		}
		c.seen[final] = true
	}
	c.visited++
	c.checkOnce(path)
	links, err := e2e.Links(c.tab, c.base)
	if err != nil {
		c.t.Errorf("%s: %v", path, err)
		return nil
	}
	var next []string
	for _, l := range links {
		if p, ok := crawlable(l); ok && !c.seen[p] {
			next = append(next, p)
		}
	}
	return next
}

// checkOnce runs axe on the page unless its main content was checked
// before, under another visitor's header. A visitor's first page is always
// checked whole, so each header is.
func (c *crawler) checkOnce(path string) {
	c.t.Helper()
	main, err := chromedp.Run(c.tab, chromedp.Evaluate[string](`(document.querySelector('main') || document.body).outerHTML`))
	if err != nil {
		c.t.Errorf("%s: %v", path, err)
		return
	}
	sum := sha256.Sum256([]byte(main))
	if c.checked[sum] && c.visited > 1 {
		c.skipped++
		return
	}
	c.checked[sum] = true
	checkAxe(c.t, c.tab, path)
}

// crawlable turns a same-origin link into the path to visit, or refuses
// it: actions, static files and downloads are not pages, and pages beyond
// the first of a list share the first one's template.
func crawlable(link string) (string, bool) {
	u, err := url.Parse(link)
	if err != nil {
		return "", false
	}
	switch {
	case u.Path == "/logout", strings.HasPrefix(u.Path, "/static/"), strings.HasPrefix(u.Path, "/files/"), isDownload(u.Path):
		return "", false
	case u.RawQuery == "":
		return u.Path, true
	}
	q := u.Query()
	if len(q) == 1 && q.Get("page") == "1" {
		return u.Path + "?page=1", true
	}
	return "", false
}

// isDownload tells exports (CSV, spreadsheets, PDF, archives, calendars)
// and the JSON API from pages: there is nothing in them for axe to check.
func isDownload(path string) bool {
	if strings.HasPrefix(path, "/api/") {
		return true
	}
	for _, ext := range []string{".csv", ".xlsx", ".pdf", ".zip", ".ics", ".json"} {
		if strings.HasSuffix(path, ext) {
			return true
		}
	}
	return false
}

func pathQuery(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.RequestURI()
}

// recordKind is path with its numeric segments blanked: /admin/users/7 and
// /admin/users/9 are one kind of page.
func recordKind(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		// Numeric IDs and codes with digits (AL-CAS-0006, 006003) name
		// records; words name pages.
		if strings.ContainsAny(s, "0123456789") {
			segs[i] = "#"
		}
	}
	return strings.Join(segs, "/")
}
