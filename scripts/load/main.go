// Command load drives a running Crocevia with concurrent clients, on
// loopback only, for a bounded time, and prints throughput and latency
// percentiles per URL, plus the server's resident memory when given its PID:
//
//	go run ./scripts/load -base http://127.0.0.1:8080 -c 32 -d 10s -login admin@demo.crocevia.it / /admin /notifiche
package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
)

func main() {
	base := flag.String("base", "http://127.0.0.1:8080", "server URL (loopback only)")
	conc := flag.Int("c", 32, "concurrent clients")
	dur := flag.Duration("d", 10*time.Second, "duration per URL")
	login := flag.String("login", "", "demo account to log in as (password crocevia-demo)")
	pid := flag.Int("pid", 0, "server PID, to report its resident memory")
	flag.Parse()
	u, err := url.Parse(*base)
	if err != nil || !(u.Hostname() == "127.0.0.1" || u.Hostname() == "localhost" || u.Hostname() == "::1") {
		fmt.Fprintln(os.Stderr, "load: -base must be a loopback URL")
		os.Exit(2)
	}
	paths := flag.Args()
	if len(paths) == 0 {
		paths = []string{"/"}
	}
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Transport: &http.Transport{MaxIdleConnsPerHost: *conc},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if *login != "" {
		if err := doLogin(client, *base, *login); err != nil {
			fmt.Fprintln(os.Stderr, "load:", err)
			os.Exit(1)
		}
	}
	for _, p := range paths {
		report(p, run(client, *base+p, *conc, *dur), *dur)
		if *pid > 0 {
			fmt.Printf("  server RSS after: %s\n", rss(*pid))
		}
	}
}

var csrfRe = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

func doLogin(c *http.Client, base, email string) error {
	res, err := c.Get(base + "/login")
	if err != nil {
		return err
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := csrfRe.FindSubmatch(body)
	if m == nil {
		return fmt.Errorf("no CSRF token on /login")
	}
	res, err = c.PostForm(base+"/login", url.Values{"email": {email}, "password": {"crocevia-demo"}, "csrf_token": {string(m[1])}})
	if err != nil {
		return err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		return fmt.Errorf("login answered %d", res.StatusCode)
	}
	return nil
}

type result struct {
	lat    []time.Duration
	errors int
}

func run(c *http.Client, target string, conc int, dur time.Duration) result {
	var mu sync.Mutex
	var all result
	deadline := time.Now().Add(dur)
	var wg sync.WaitGroup
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine result
			for time.Now().Before(deadline) {
				start := time.Now()
				res, err := c.Get(target)
				if err == nil {
					_, _ = io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
				if err != nil || res.StatusCode >= 400 {
					mine.errors++
					continue
				}
				mine.lat = append(mine.lat, time.Since(start))
			}
			mu.Lock()
			all.lat = append(all.lat, mine.lat...)
			all.errors += mine.errors
			mu.Unlock()
		}()
	}
	wg.Wait()
	return all
}

func report(path string, r result, dur time.Duration) {
	slices.Sort(r.lat)
	pct := func(p float64) time.Duration {
		if len(r.lat) == 0 {
			return 0
		}
		return r.lat[int(float64(len(r.lat)-1)*p)]
	}
	fmt.Printf("%-30s %8.0f req/s  p50 %-10s p95 %-10s p99 %-10s errors %d\n", path,
		float64(len(r.lat))/dur.Seconds(), pct(.5), pct(.95), pct(.99), r.errors)
}

func rss(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") || strings.HasPrefix(line, "VmHWM:") {
			fmt.Printf("  %s\n", strings.Join(strings.Fields(line), " "))
		}
	}
	return ""
}
