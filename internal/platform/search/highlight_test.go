package search_test

import (
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/search"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		name, text, query string
		want              string
	}{
		{"marks words by stem, keeping the original", "Rinnovo del Permesso di soggiorno", "permessi",
			"Rinnovo del <mark>Permesso</mark> di soggiorno"},
		{"marks accented words for an unaccented query", "Perché serve?", "perche",
			"<mark>Perché</mark> serve?"},
		{"escapes everything else", `<b>permesso</b> & "soggiorno"`, "soggiorno",
			`&lt;b&gt;permesso&lt;/b&gt; &amp; &#34;<mark>soggiorno</mark>&#34;`},
		{"marks the completions of the last word", "Soggiornanti e soggiorno", "soggio",
			"<mark>Soggiornanti</mark> e <mark>soggiorno</mark>"},
		{"leaves stop words unmarked", "il permesso", "il permesso",
			"il <mark>permesso</mark>"},
		{"marks nothing without a match", "Corsi di lingua", "lavoro", "Corsi di lingua"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(search.Highlight(tt.text, tt.query)); got != tt.want {
				t.Errorf("Highlight = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("parola ", 60) + "il permesso di soggiorno " + strings.Repeat("fine ", 60)
	got := string(search.Snippet(long, "permesso", 80))
	if !strings.Contains(got, "<mark>permesso</mark>") {
		t.Errorf("snippet lacks the match: %q", got)
	}
	if !strings.HasPrefix(got, "… ") || !strings.HasSuffix(got, " …") {
		t.Errorf("snippet cut without ellipses: %q", got)
	}
	if len(got) > 130 {
		t.Errorf("snippet is %d bytes, want about 80", len(got))
	}
	if got := string(search.Snippet("Breve testo", "permesso", 80)); got != "Breve testo" {
		t.Errorf("short text = %q, want it whole", got)
	}
}
