package web

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

func TestAccessAllows(t *testing.T) {
	admin := &auth.User{ID: 1, Memberships: []auth.Membership{{OrgID: 1, Role: auth.RoleAdmin}}}
	editor := &auth.User{ID: 2, Memberships: []auth.Membership{{OrgID: 2, Role: auth.RoleEditor}}}
	tests := []struct {
		name   string
		access Access
		user   *auth.User
		want   bool
	}{
		{"public admits visitors", Public, nil, true},
		{"logged-in refuses visitors", LoggedIn, nil, false},
		{"logged-in admits any user", LoggedIn, editor, true},
		{"roles admit holders", RolesOnly(auth.RoleAdmin), admin, true},
		{"roles refuse others", RolesOnly(auth.RoleAdmin), editor, false},
		{"roles refuse visitors", RolesOnly(auth.RoleAdmin), nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.access.Allows(tt.user); got != tt.want {
				t.Errorf("Allows = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestForwardedClientIsTheLastUntrustedHop(t *testing.T) {
	proxy := netip.MustParsePrefix("10.0.0.0/8")
	trusted := func(ip string) bool {
		a, err := netip.ParseAddr(ip)
		return err == nil && proxy.Contains(a)
	}
	tests := map[string]string{
		"203.0.113.7":                     "203.0.113.7",
		"198.51.100.1, 203.0.113.7":       "203.0.113.7", // a client cannot pick its own address
		"203.0.113.7, 10.0.0.2, 10.0.0.3": "203.0.113.7",
		"10.0.0.2":                        "",
	}
	for xff, want := range tests {
		if got := lastUntrusted(xff, trusted); got != want {
			t.Errorf("lastUntrusted(%q) = %q, want %q", xff, got, want)
		}
	}
}

func TestPathID(t *testing.T) {
	for path, ok := range map[string]bool{"/x/12": true, "/x/abc": false, "/x/0": false, "/x/-3": false} {
		mux := http.NewServeMux()
		var err error
		mux.HandleFunc("/x/{id}", func(w http.ResponseWriter, r *http.Request) { _, err = PathID(r, "id") })
		mux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", path, nil))
		if (err == nil) != ok {
			t.Errorf("PathID(%s) err = %v, want ok=%v", path, err, ok)
		}
		if err != nil && StatusOf(err) != http.StatusNotFound {
			t.Errorf("PathID(%s) status %d, want 404", path, StatusOf(err))
		}
	}
}

func TestAssetsAreVersionedAndCached(t *testing.T) {
	a, err := NewAssets(fstest.MapFS{"css/app.css": {Data: []byte("body{}")}})
	if err != nil {
		t.Fatal(err)
	}
	url := a.URL("css/app.css")
	if !strings.HasPrefix(url, "/static/") || !strings.HasSuffix(url, "/css/app.css") {
		t.Fatalf("URL = %q", url)
	}
	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		a.Handler().ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec
	}
	t.Run("current version is immutable", func(t *testing.T) {
		rec := get(url)
		if rec.Code != 200 || !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
			t.Fatalf("status %d, cache %q", rec.Code, rec.Header().Get("Cache-Control"))
		}
	})
	t.Run("an old version still serves, briefly cached", func(t *testing.T) {
		rec := get("/static/0000/css/app.css")
		if rec.Code != 200 || strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
			t.Fatalf("status %d, cache %q", rec.Code, rec.Header().Get("Cache-Control"))
		}
	})
	t.Run("a missing file is 404", func(t *testing.T) {
		if rec := get("/static/" + strings.Split(url, "/")[2] + "/css/none.css"); rec.Code != 404 {
			t.Fatalf("status %d", rec.Code)
		}
	})
}
