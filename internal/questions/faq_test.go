package questions

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func faqURL(id int64) string { return "/faq/" + strconv.FormatInt(id, 10) }

func TestFAQShowsOnlyPublishedPublicQuestions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFAQ(t, d)
		public := mustQA(t, d, qa{Title: "Rinnovo del permesso pubblico"})
		// Keyed by the word that ends each hidden title.
		hidden := map[string]int64{
			"riservato":  mustQA(t, d, qa{Title: "Rinnovo del permesso riservato", Visibility: Private}),
			"bozza":      mustQA(t, d, qa{Title: "Rinnovo del permesso bozza", State: Drafted}),
			"archiviato": mustQA(t, d, qa{Title: "Rinnovo del permesso archiviato", State: Archived}),
			"unito":      mustQA(t, d, qa{Title: "Rinnovo del permesso unito", State: Archived, MergedInto: public}),
		}
		pages := []string{"/faq", "/faq?q=rinnovo", "/faq/argomento/permessi", "/faq/feed.atom",
			"/faq/argomento/permessi/feed.atom", "/sitemap.xml", "/api/v1/faq?q=permesso"}
		for _, p := range pages {
			t.Run("listed in "+p, func(t *testing.T) {
				res := w.get(t, p)
				res.WantStatus(t, 200)
				if !strings.Contains(res.Body, "pubblico") && !strings.Contains(res.Body, faqURL(public)) {
					t.Errorf("%s does not show the public question:\n%s", p, res.Body)
				}
				for word, id := range hidden {
					if strings.Contains(res.Body, faqURL(id)+`"`) || strings.Contains(res.Body, faqURL(id)+"<") ||
						strings.Contains(res.Body, word) {
						t.Errorf("%s shows the question %q", p, word)
					}
				}
			})
		}
		for word, id := range hidden {
			t.Run(word+" page is not found", func(t *testing.T) {
				w.get(t, faqURL(id)).WantStatus(t, 404)
				w.get(t, faqURL(id)+"/versioni/1").WantStatus(t, 404)
			})
		}
		t.Run("the public page shows authority, date and references", func(t *testing.T) {
			res := w.get(t, faqURL(public))
			res.WantStatus(t, 200)
			res.WantBody(t, "Questura di Alessandria", "D.lgs. 286/1998", "art. 5", `"@type":"QAPage"`, "Valida alla data del")
		})
		t.Run("nonsense IDs are not found", func(t *testing.T) {
			for _, p := range []string{"/faq/abc", "/faq/-1", "/faq/999999", "/faq/argomento/nessuno", "/faq/1/altro/2"} {
				w.get(t, p).WantStatus(t, 404)
			}
		})
	})
}

func TestFAQVersions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFAQ(t, d)
		id := mustQA(t, d, qa{Title: "Ricongiungimento con il coniuge", Answer: "Serve il nulla osta.", Versions: 2, Draft: true})
		t.Run("the published version is on the page, the draft is not", func(t *testing.T) {
			res := w.get(t, faqURL(id))
			res.WantBody(t, "Serve il nulla osta.", faqURL(id)+"/versioni/1")
			if strings.Contains(res.Body, "Bozza non validata") || strings.Contains(res.Body, "/versioni/3") {
				t.Error("the draft version shows on the public page")
			}
		})
		t.Run("an older validated version is readable", func(t *testing.T) {
			res := w.get(t, faqURL(id)+"/versioni/1")
			res.WantStatus(t, 200)
			res.WantBody(t, "versione 1", "sostituita da una versione più recente")
		})
		t.Run("a version never validated is not found", func(t *testing.T) {
			w.get(t, faqURL(id)+"/versioni/3").WantStatus(t, 404)
			w.get(t, faqURL(id)+"/versioni/9").WantStatus(t, 404)
		})
	})
}

func TestFAQSupersededQuestionPointsToTheNewOne(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFAQ(t, d)
		newer := mustQA(t, d, qa{Title: "Decreto flussi 2026"})
		old := mustQA(t, d, qa{Title: "Decreto flussi 2023", State: Superseded, SupersededBy: newer})
		res := w.get(t, faqURL(old))
		res.WantStatus(t, 200)
		res.WantBody(t, "Questa risposta è superata.", faqURL(newer))
		if got := w.apiSearch(t, "flussi", "", 1); !slices.Equal(titles(got), []string{"Decreto flussi 2026"}) {
			t.Errorf("search found %v, want only the newer question", titles(got))
		}
	})
}

func TestFAQSearch(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFAQ(t, d)
		mustQA(t, d, qa{Title: "Rinnovo del permesso di soggiorno", Body: "Quando devo chiederlo?"})
		mustQA(t, d, qa{Title: "Iscrizione anagrafica", Body: "Serve il permesso di soggiorno?", Topic: "anagrafe"})
		mustQA(t, d, qa{Title: "Residenza in città", Body: "Come si ottiene la residenza?", Topic: "anagrafe"})
		mustQA(t, d, qa{Title: "Tessera sanitaria", Answer: "La rilascia la ASL con il codice fiscale.", Topic: "salute"})
		tests := []struct {
			name, q, topic string
			want           []string
		}{
			{"plural finds singular", "permessi", "", []string{"Rinnovo del permesso di soggiorno", "Iscrizione anagrafica"}},
			{"verb finds noun", "rinnovare", "", []string{"Rinnovo del permesso di soggiorno"}},
			{"unaccented finds accented", "citta", "", []string{"Residenza in città"}},
			{"title match ranks first", "soggiorno", "", []string{"Rinnovo del permesso di soggiorno", "Iscrizione anagrafica"}},
			{"topic filter", "permesso", "anagrafe", []string{"Iscrizione anagrafica"}},
			{"answers are searched", "codice fiscale", "", []string{"Tessera sanitaria"}},
			{"one wrong letter", "tessera sanitria", "", []string{"Tessera sanitaria"}},
			{"nothing close", "zanzara", "", []string{}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got := w.apiSearch(t, tt.q, tt.topic, 1)
				if !slices.Equal(titles(got), tt.want) || got.Total != len(tt.want) {
					t.Errorf("%q: %v (total %d), want %v", tt.q, titles(got), got.Total, tt.want)
				}
			})
		}
		t.Run("the page proposes the correction and marks the words", func(t *testing.T) {
			res := w.get(t, "/faq?q=tessera+sanitria")
			res.WantBody(t, "Forse cercavi", "tessera sanitaria", "<mark>Tessera</mark>")
		})
		t.Run("the snippet marks another inflection", func(t *testing.T) {
			got := w.apiSearch(t, "permessi", "anagrafe", 1)
			if len(got.Results) != 1 || !strings.Contains(got.Results[0].Snippet, "<mark>permesso</mark>") {
				t.Errorf("snippet %+v", got.Results)
			}
		})
	})
}

func TestFAQPaging(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFAQ(t, d)
		for i := range faqPageSize + 2 {
			mustQA(t, d, qa{Title: "Corso di lingua numero " + strconv.Itoa(i)})
		}
		first, second := w.apiSearch(t, "corso lingua", "", 1), w.apiSearch(t, "corso lingua", "", 2)
		if first.Total != faqPageSize+2 || len(first.Results) != faqPageSize || len(second.Results) != 2 || second.Page != 2 {
			t.Errorf("pages of %d and %d (total %d), want %d and 2", len(first.Results), len(second.Results), first.Total, faqPageSize)
		}
		w.get(t, "/faq?q=corso&pagina=2").WantBody(t, "Pagina 2 di 2", "Precedente")
		w.get(t, "/faq/argomento/permessi?pagina=2").WantBody(t, "Pagina 2 di 2")
		w.get(t, "/faq?q=corso&pagina=abc").WantStatus(t, 200)
	})
}

func TestFAQCacheSeesAPublication(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFAQ(t, d)
		w.faq.gen.interval = time.Hour
		w.faq.gen.current(context.Background())
		if got := w.apiSearch(t, "cittadinanza", "", 1); got.Total != 0 {
			t.Fatalf("found %d before publishing", got.Total)
		}
		mustQA(t, d, qa{Title: "Domanda di cittadinanza", Topic: "cittadinanza"})
		if got := w.apiSearch(t, "cittadinanza", "", 1); got.Total != 0 {
			t.Errorf("the cached answer was not served before the generation was read again")
		}
		w.faq.gen.interval = 0
		if got := w.apiSearch(t, "cittadinanza", "", 1); got.Total != 1 {
			t.Errorf("found %d after the generation changed, want 1", got.Total)
		}
		w.get(t, "/faq").WantBody(t, "Domanda di cittadinanza")
	})
}

func TestFAQCountsViewsInBatches(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFAQ(t, d)
		id := mustQA(t, d, qa{Title: "Iscrizione a scuola", Topic: "scuola"})
		for range 3 {
			w.get(t, faqURL(id)).WantStatus(t, 200)
		}
		views := func() int {
			var n int
			if err := d.QueryRowContext(context.Background(), `SELECT views FROM questions WHERE id = ?`, id).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		deadline := time.Now().Add(5 * time.Second)
		for views() != 3 && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if n := views(); n != 3 {
			t.Errorf("views = %d, want 3", n)
		}
		w.get(t, faqURL(id))
		_ = w.faq.Close()
		if n := views(); n != 4 {
			t.Errorf("views after Close = %d, want 4", n)
		}
	})
}

func TestFAQAnswerMarkdownIsSafe(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFAQ(t, d)
		id := mustQA(t, d, qa{Title: "Lavoro stagionale", Topic: "lavoro",
			Answer: "Serve il **nulla osta**.\n\n<script>alert(1)</script>\n\n[link](javascript:alert(1))"})
		res := w.get(t, faqURL(id))
		res.WantBody(t, "<strong>nulla osta</strong>")
		if strings.Contains(res.Body, "<script>alert") || strings.Contains(res.Body, "javascript:") {
			t.Errorf("unsafe markup on the page:\n%s", res.Body)
		}
	})
}

func TestFAQHeaders(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFAQ(t, d)
		mustQA(t, d, qa{Title: "Asilo politico", Topic: "asilo"})
		res := w.get(t, "/faq/feed.atom")
		if got := res.Header.Get("Content-Type"); !strings.HasPrefix(got, "application/atom+xml") {
			t.Errorf("feed content type %q", got)
		}
		if res.Header.Get("ETag") == "" || !strings.Contains(res.Header.Get("Cache-Control"), "public") {
			t.Errorf("feed headers %v", res.Header)
		}
		page := w.get(t, "/faq")
		if !strings.Contains(page.Header.Get("Cache-Control"), "private") {
			t.Errorf("page Cache-Control %q: the page carries the visitor's CSRF token", page.Header.Get("Cache-Control"))
		}
	})
}

func TestFAQSharedPageCarriesEachVisitorsToken(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFAQ(t, d)
		id := mustQA(t, d, qa{Title: "Iscrizione al centro per l'impiego", Topic: "lavoro"})
		alice, bob := w.env.Anonymous(), w.env.Anonymous()
		// Each visitor reads twice: the first read renders, the second is shared.
		var tokens []string
		for _, c := range []*webtest.Client{alice, bob, alice, bob} {
			res := c.Get(faqURL(id))
			res.WantStatus(t, 200)
			if strings.Contains(res.Body, csrfMarker) {
				t.Fatal("the marker leaked into the page")
			}
			tokens = append(tokens, res.FormToken())
		}
		if tokens[0] == "" || tokens[0] != tokens[2] || tokens[1] != tokens[3] || tokens[0] == tokens[1] {
			t.Errorf("tokens %q: each visitor must keep their own", tokens)
		}
	})
}

func TestFAQBadInputIsNeverAnError(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFAQ(t, d)
		mustQA(t, d, qa{Title: "Codice fiscale provvisorio"})
		cases := []struct {
			path string
			want int
		}{
			{"/faq?q=il+di+per", 200},
			{`/faq?q=%22%28-%3A*%5E`, 200},
			{"/faq?q=" + strings.Repeat("permesso+", 100), 200},
			{"/faq?q=%FF%FE", 200},
			{"/faq?q=codice&pagina=999999999999999999999", 200},
			{"/faq?q=codice&pagina=-3", 200},
			{"/faq?argomento=%27%3B--", 404},
			{"/api/v1/faq?q=codice&argomento=nessuno", 404},
			{"/api/v1/faq", 200},
			{"/faq/argomento/permessi/feed.atom", 200},
			{"/faq/argomento/nessuno/feed.atom", 404},
			{"/faq/1/versioni/abc", 404},
		}
		for _, c := range cases {
			if res := w.get(t, c.path); res.Status != c.want {
				t.Errorf("%s: %d, want %d", c.path, res.Status, c.want)
			}
		}
		res := w.get(t, "/api/v1/faq?q=codice&argomento=nessuno")
		if !strings.Contains(res.Body, `"code":"not_found"`) {
			t.Errorf("unknown topic answer %s, want the API's error envelope", res.Body)
		}
	})
}

func TestFAQSitemapSplitsIntoAnIndex(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFAQ(t, d)
		defer func(n int) { sitemapMax = n }(sitemapMax)
		sitemapMax = 2
		var ids []int64
		for _, title := range []string{"Primo", "Secondo", "Terzo"} {
			ids = append(ids, mustQA(t, d, qa{Title: title}))
		}
		w.get(t, "/sitemap.xml").WantBody(t, "<sitemapindex", "/sitemap.xml?pagina=1", "/sitemap.xml?pagina=2")
		w.get(t, "/sitemap.xml?pagina=1").WantBody(t, "<urlset", "/faq</loc>", "/faq/argomento/permessi", faqURL(ids[0])+"<", faqURL(ids[1])+"<")
		second := w.get(t, "/sitemap.xml?pagina=2")
		second.WantBody(t, faqURL(ids[2])+"<")
		if strings.Contains(second.Body, faqURL(ids[0])+"<") {
			t.Error("page 2 repeats page 1")
		}
		w.get(t, "/sitemap.xml?pagina=3").WantStatus(t, 404)
	})
}
