package presences

import (
	"net/url"
	"strconv"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// TestOccupancyPagesCoverEveryRowOnce: a national table is shown a page at
// a time, and the pages together are the whole table.
func TestOccupancyPagesCoverEveryRowOnce(t *testing.T) {
	rows := make([]Occupancy, 2*occupancyPerPage+7)
	for i := range rows {
		rows[i].Key = strconv.Itoa(i)
	}
	seen := 0
	for n := 1; n <= 4; n++ {
		page, pager := pageOf(&web.Page{}, rows, url.Values{"page": {strconv.Itoa(n)}, "per": {"comune"}}, "/presenze/occupazione")
		if pager.Pages != 3 || pager.Base != "/presenze/occupazione?per=comune" {
			t.Fatalf("pager = %+v; want 3 pages keeping the grouping", pager)
		}
		for _, r := range page {
			if r.Key != strconv.Itoa(seen) {
				t.Fatalf("page %d shows row %s; want %d", n, r.Key, seen)
			}
			seen++
		}
	}
	if seen != len(rows) {
		t.Errorf("pages show %d rows; want %d", seen, len(rows))
	}
}
