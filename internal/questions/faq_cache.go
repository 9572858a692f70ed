package questions

import (
	"container/list"
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// faqGeneration is the publication counter as this instance last read it.
// It is read again at most once per interval, so a burst of requests costs
// one query, and another instance's publication shows here within it.
type faqGeneration struct {
	db       *db.DB
	interval time.Duration
	mu       sync.Mutex // held by the one request re-reading it
	value    atomic.Int64
	checked  atomic.Int64 // unix nanoseconds of the last read
}

// current returns the generation, re-reading it when the last read is
// older than the interval. Requests that arrive while another is reading
// use the value it is about to replace: at most one interval stale.
func (g *faqGeneration) current(ctx context.Context) int64 {
	now := time.Now().UnixNano()
	if now-g.checked.Load() < int64(g.interval) || !g.mu.TryLock() {
		return g.value.Load()
	}
	defer g.mu.Unlock()
	if v, err := Generation(ctx, g.db); err == nil {
		g.value.Store(v)
		g.checked.Store(now)
	}
	return g.value.Load()
}

// cached is one rendered answer: an HTML fragment for the FAQ's pages, the
// whole body for feeds, the sitemap and the API.
type cached struct {
	Title       string
	Crumbs      [][2]string // label, URL
	Canonical   string
	Feed        string
	Body        []byte
	ContentType string // "" for a fragment to put in the layout
	ETag        string
	gen         int64
	at          time.Time
	// anonymous is the whole page for anonymous visitors, split where
	// their CSRF token goes; built on the first anonymous read.
	anonymous atomic.Pointer[[][]byte]
}

// faqCache is a bounded LRU of rendered answers. An entry is good only
// under the generation it was rendered at, and for ttl: lists sorted by
// views change without a publication.
type faqCache struct {
	mu       sync.Mutex
	ll       *list.List
	byKey    map[string]*list.Element
	bytes    int
	maxBytes int
	ttl      time.Duration
}

type cacheItem struct {
	key string
	val *cached
}

func newFAQCache(maxBytes int, ttl time.Duration) *faqCache {
	return &faqCache{ll: list.New(), byKey: map[string]*list.Element{}, maxBytes: maxBytes, ttl: ttl}
}

func (c *faqCache) get(key string, gen int64) *cached {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[key]
	if !ok {
		return nil
	}
	v := el.Value.(*cacheItem).val
	if v.gen != gen || time.Since(v.at) > c.ttl {
		c.remove(el)
		return nil
	}
	c.ll.MoveToFront(el)
	return v
}

func (c *faqCache) put(key string, v *cached) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[key]; ok {
		c.remove(el)
	}
	c.byKey[key] = c.ll.PushFront(&cacheItem{key: key, val: v})
	c.bytes += size(key, v)
	for c.bytes > c.maxBytes && c.ll.Len() > 1 {
		c.remove(c.ll.Back())
	}
}

func (c *faqCache) remove(el *list.Element) {
	it := el.Value.(*cacheItem)
	c.ll.Remove(el)
	delete(c.byKey, it.key)
	c.bytes -= size(it.key, it.val)
}

// size is about what an entry holds in memory.
func size(key string, v *cached) int {
	// The anonymous page is built after the entry is counted: reckon it
	// as the layout's usual size on top of the fragment.
	return len(key) + 2*len(v.Body) + len(v.Title) + len(v.Canonical) + 12<<10
}
