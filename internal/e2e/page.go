package e2e

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// stepTimeout bounds one page step, so a page missing an expected element
// fails the test instead of hanging it.
const stepTimeout = 30 * time.Second

// Visit loads url in the tab and returns the response of the document
// after any redirect: its status, final URL and MIME type.
func Visit(ctx context.Context, url string) (*network.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
	if err != nil {
		return nil, fmt.Errorf("e2e: visit %s: %w", url, err)
	}
	if resp == nil {
		return nil, fmt.Errorf("e2e: visit %s: no response", url)
	}
	return resp, nil
}

// Login signs in through the real login form, as a person would: it types
// the e-mail and the password and presses the button.
func Login(ctx context.Context, baseURL, email, password string) error {
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	const form = `form[action="/login"] `
	if err := chromedp.Do(ctx,
		chromedp.Navigate(baseURL+"/login"),
		chromedp.SendKeys(chromedp.CSS(form+`input[name="email"]`), email),
		chromedp.SendKeys(chromedp.CSS(form+`input[name="password"]`), password),
	); err != nil {
		return fmt.Errorf("e2e: login as %s: fill the form: %w", email, err)
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(form+`button[type="submit"]`)))
	if err != nil {
		return fmt.Errorf("e2e: login as %s: submit: %w", email, err)
	}
	if resp.Status >= 400 || pathOf(resp.URL) == "/login" {
		msg, _ := chromedp.Run(ctx, chromedp.Evaluate[string](
			`(document.querySelector('.form-error-summary, .invalid-feedback') || {}).textContent || ''`))
		return fmt.Errorf("e2e: login as %s refused: status %d at %s: %s",
			email, resp.Status, resp.URL, strings.TrimSpace(msg))
	}
	return nil
}

// linksJS lists the targets of the links a visitor can follow in the
// header, the main content and the footer, resolved to absolute URLs.
const linksJS = `Array.from(document.querySelectorAll('header a[href], main a[href], footer a[href]'), a => a.href)`

// Links returns the absolute URLs of the links of the page in ctx that stay
// on origin (scheme, host and port of baseURL), fragments removed.
func Links(ctx context.Context, baseURL string) ([]string, error) {
	hrefs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](linksJS))
	if err != nil {
		return nil, fmt.Errorf("e2e: links: %w", err)
	}
	base, err := url.Parse(baseURL)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, h := range hrefs {
		u, err := url.Parse(h)
		if err != nil || u.Scheme != base.Scheme || u.Host != base.Host {
			continue
		}
		u.Fragment = ""
		out = append(out, u.String())
	}
	return out, nil
}

func pathOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.Path
}
