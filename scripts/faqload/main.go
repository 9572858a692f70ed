// Command faqload drives a running Crocevia's public FAQ with concurrent
// clients, on loopback only, and prints per phase the requests per second,
// the latency percentiles and the server's resident memory (from
// /proc/PID/status when given its PID). Each request of a phase asks for
// a different URL, so no single cached answer serves them all:
//
//	go run ./scripts/faqload -base http://127.0.0.1:8080 -c 32 -d 10s -ids 100000 -pid PID
//
// Phases: "search" (/faq?q=, rotating through common, rare and two-word
// queries), "page" (/faq/{id}, random ids from 1 to -ids), "api"
// (/api/v1/faq?q=). -phases chooses them.
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// queries mix common words, rare words (small Comuni's names), two-word
// queries and other inflections, as the national data set has them.
var queries = []string{"permesso", "permessi soggiorno", "rinnovare permesso", "cittadinanza", "ricongiungimento familiare",
	"Quargnento", "Cerrina Monferrato", "residenza anagrafe", "tessera sanitaria", "asilo ricorso", "codice STP",
	"mensa scolastica", "tirocinio", "patente", "idoneità alloggiativa", "Pontestura", "assegno unico", "lavoro stagionale"}

func main() {
	base := flag.String("base", "http://127.0.0.1:8080", "server URL (loopback only)")
	conc := flag.Int("c", 32, "concurrent clients")
	dur := flag.Duration("d", 10*time.Second, "duration per phase")
	ids := flag.Int("ids", 100000, "highest question id for /faq/{id}")
	pid := flag.Int("pid", 0, "server PID, to report its resident memory")
	phases := flag.String("phases", "search,page,api", "phases to run, comma separated")
	flag.Parse()
	u, err := url.Parse(*base)
	if err != nil || !(u.Hostname() == "127.0.0.1" || u.Hostname() == "localhost" || u.Hostname() == "::1") {
		fmt.Fprintln(os.Stderr, "faqload: -base must be a loopback URL")
		os.Exit(2)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *conc, MaxIdleConns: *conc},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	targets := map[string]func(r *rand.Rand) string{
		"search": func(r *rand.Rand) string { return "/faq?q=" + url.QueryEscape(queries[r.IntN(len(queries))]) },
		"page":   func(r *rand.Rand) string { return "/faq/" + strconv.Itoa(1+r.IntN(*ids)) },
		"api":    func(r *rand.Rand) string { return "/api/v1/faq?q=" + url.QueryEscape(queries[r.IntN(len(queries))]) },
	}
	fmt.Printf("%d clients, %s per phase, %s\n", *conc, *dur, *base)
	for _, ph := range strings.Split(*phases, ",") {
		next, ok := targets[strings.TrimSpace(ph)]
		if !ok {
			fmt.Fprintf(os.Stderr, "faqload: unknown phase %q\n", ph)
			os.Exit(2)
		}
		report(ph, run(client, *base, next, *conc, *dur))
		if *pid > 0 {
			rss(*pid)
		}
	}
}

type result struct {
	lat            []time.Duration
	errors, misses int           // errors: 5xx or transport; misses: 404 (an id not published)
	elapsed        time.Duration // until the last request of the phase answered
}

func run(c *http.Client, base string, next func(*rand.Rand) string, conc int, dur time.Duration) result {
	var mu sync.Mutex
	var all result
	start := time.Now()
	deadline := start.Add(dur)
	var wg sync.WaitGroup
	for w := range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 7))
			var mine result
			for time.Now().Before(deadline) {
				start := time.Now()
				res, err := c.Get(base + next(r))
				if err == nil {
					_, _ = io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
				switch {
				case err != nil || res.StatusCode >= 500:
					mine.errors++
					continue
				case res.StatusCode == http.StatusNotFound:
					mine.misses++
				}
				mine.lat = append(mine.lat, time.Since(start))
			}
			mu.Lock()
			all.lat = append(all.lat, mine.lat...)
			all.errors += mine.errors
			all.misses += mine.misses
			mu.Unlock()
		}()
	}
	wg.Wait()
	all.elapsed = time.Since(start)
	return all
}

func report(phase string, r result) {
	slices.Sort(r.lat)
	pct := func(p float64) time.Duration {
		if len(r.lat) == 0 {
			return 0
		}
		return r.lat[int(float64(len(r.lat)-1)*p)]
	}
	fmt.Printf("%-8s %8.0f req/s  p50 %-10s p95 %-10s p99 %-10s errors %d, not found %d\n", phase,
		float64(len(r.lat))/r.elapsed.Seconds(), pct(.5), pct(.95), pct(.99), r.errors, r.misses)
}

// rss prints the server's resident memory now and at its peak.
func rss(pid int) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		fmt.Println("  server RSS: unknown")
		return
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") || strings.HasPrefix(line, "VmHWM:") {
			fmt.Printf("  server %s\n", strings.Join(strings.Fields(line), " "))
		}
	}
}
