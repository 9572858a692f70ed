package main

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/api"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// TestOpenAPIMatchesTheAPIRoutes: every /api/v1 route of every module is
// documented in /api/v1/openapi.json, and every documented operation is a
// route.
func TestOpenAPIMatchesTheAPIRoutes(t *testing.T) {
	m := startMain(t, dbtest.Target{Name: "sqlite", DataDir: t.TempDir()})
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(api.Document(), &doc); err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	routes := map[string]bool{}
	for _, rt := range m.Web.Routes() {
		if strings.HasPrefix(rt.Pattern, "/api/v1/") {
			routes[rt.Method+" "+rt.Pattern] = true
		}
	}
	for _, op := range sorted(routes) {
		if !documented[op] {
			t.Errorf("%s is not documented", op)
		}
	}
	for _, op := range sorted(documented) {
		if !routes[op] {
			t.Errorf("%s is documented but no module serves it", op)
		}
	}
}

func sorted(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
