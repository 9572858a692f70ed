// Package e2e drives the platform through a real browser: headless Chromium
// under chromedp, with helpers to log in through the real form, visit pages
// and run the axe-core accessibility checks on them.
package e2e

import (
	"context"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

// ChromiumPath is where Debian installs Chromium (apt-get install chromium).
const ChromiumPath = "/usr/bin/chromium"

// Browser starts a headless Chromium for t and returns the context that owns
// it; the browser stops when t ends. Without Chromium the test is skipped,
// except in CI (CI=true), where a missing browser must not pass silently.
func Browser(t testing.TB) context.Context {
	t.Helper()
	if _, err := os.Stat(ChromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("e2e: Chromium not found at %s: install it with apt-get install chromium", ChromiumPath)
		}
		t.Skipf("e2e: Chromium not found at %s (apt-get install chromium); skipping the browser tests", ChromiumPath)
	}
	// Without a user-data-dir flag chromedp gives each browser a fresh
	// temporary profile and removes it once Chromium has exited.
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(ChromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// The first Do starts the browser and binds it to ctx, which has no
	// deadline: a timeout here would stop the whole browser later.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("e2e: start Chromium: %v", err)
	}
	return ctx
}

// Tab opens a new tab of browser in a browser context of its own, so its
// cookies (and so its session) are not shared with other tabs. The tab
// closes when t ends.
func Tab(t testing.TB, browser context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("e2e: open tab: %v", err)
	}
	return ctx
}
