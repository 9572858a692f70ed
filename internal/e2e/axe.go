package e2e

import (
	"context"
	_ "embed"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
)

// axeSource is axe-core, vendored (see testdata/AXE_VERSION).
//
//go:embed testdata/axe.min.js
var axeSource string

// Violation is one axe rule the page breaks, with the elements breaking it.
type Violation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []Node `json:"nodes"`
}

// Node is one element breaking a rule.
type Node struct {
	Target  string `json:"target"`
	HTML    string `json:"html"`
	Summary string `json:"summary"`
}

// axeRun checks the WCAG 2.1 A and AA rules and keeps only what a failure
// message needs. Shadow-DOM and frame targets are lists of selectors.
// resultTypes spares axe listing every element that passes, a quarter of
// its time on our pages; violations are still listed in full.
const axeRun = `axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
	.then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => ({
			target: n.target.map(s => Array.isArray(s) ? s.join(' >>> ') : s).join(' | '),
			html: n.html, summary: n.failureSummary || ''
		}))
	})))`

// Axe runs axe-core on the page loaded in ctx and returns its WCAG 2.1 AA
// violations. The script is evaluated through DevTools, which the page's
// Content-Security-Policy does not restrict.
func Axe(ctx context.Context) ([]Violation, error) {
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof axe === 'object'`))
	if err != nil {
		return nil, fmt.Errorf("e2e: axe: %w", err)
	}
	if !loaded {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axeSource)); err != nil {
			return nil, fmt.Errorf("e2e: inject axe: %w", err)
		}
	}
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]Violation](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("e2e: run axe: %w", err)
	}
	return vs, nil
}

// String is the violation as a failure message shows it: the rule, its
// impact and every element breaking it.
func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "[%s] %s: %s (%s)", v.Impact, v.ID, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n      at %s  %s", n.Target, shorten(n.HTML, 160))
	}
	return b.String()
}

// FormatViolations lists violations one per paragraph.
func FormatViolations(vs []Violation) string {
	lines := make([]string, len(vs))
	for i, v := range vs {
		lines[i] = "    " + v.String()
	}
	return strings.Join(lines, "\n")
}

func shorten(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}
