package main

import (
	"bytes"
	"context"
	"net/netip"
	"sync"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// eachDatabase runs fn as a subtest on a fresh SQLite database and, when
// CROCEVIA_TEST_POSTGRES is set, on a fresh PostgreSQL schema.
func eachDatabase(t *testing.T, fn func(t *testing.T, tg dbtest.Target)) {
	t.Helper()
	for _, tg := range dbtest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) { fn(t, tg) })
	}
}

// startMain runs a demo instance on tg, listening on a free port, exactly
// as `serve --demo` would; edits adjust the configuration first. It is
// closed when t ends, and its log is shown only if t failed.
func startMain(t *testing.T, tg dbtest.Target, edits ...func(*Config)) *Main {
	t.Helper()
	m := newTestMain(t, tg, edits...)
	if err := m.Run(context.Background()); err != nil {
		t.Fatalf("run: %v", err)
	}
	return m
}

// newTestMain builds a demo Main on tg without starting it, for tests that
// register something before Run. It is closed when t ends.
func newTestMain(t *testing.T, tg dbtest.Target, edits ...func(*Config)) *Main {
	t.Helper()
	log := &testLog{}
	m := NewMain(testConfig(tg, edits...), log)
	t.Cleanup(func() {
		if err := m.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
		if t.Failed() {
			t.Logf("server log:\n%s", log.String())
		}
	})
	return m
}

// testConfig is the configuration of a demo instance on tg listening on a
// free port.
func testConfig(tg dbtest.Target, edits ...func(*Config)) Config {
	cfg := DefaultConfig()
	cfg.Addr = "127.0.0.1:0"
	cfg.DataDir = tg.DataDir
	cfg.DatabaseURL = tg.URL
	cfg.Demo = true
	cfg.JobPoll = 100 * time.Millisecond // tests wait on jobs
	for _, edit := range edits {
		edit(&cfg)
	}
	return cfg
}

// behindProxy trusts 127.0.0.1 as a reverse proxy, so tests can set the
// client address and scheme with X-Forwarded-For and X-Forwarded-Proto.
func behindProxy(c *Config) {
	c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
}

// demoEmail is the login of the demo account holding role.
func demoEmail(role auth.Role) string {
	for _, a := range demo.Accounts {
		if a.Role == role {
			return a.Email()
		}
	}
	panic("no demo account for role " + string(role))
}

// testLog collects the server's log lines.
type testLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *testLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *testLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}
