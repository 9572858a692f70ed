package i18n_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/i18n"
)

func TestCatalogue(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	tests := []struct {
		name, lang, key string
		args            []any
		want            string
	}{
		{"Italian is the key itself", "it", "Accedi", nil, "Accedi"},
		{"English is looked up", "en", "Accedi", nil, "Log in"},
		{"English formats its arguments", "en", "Pagina %d di %d", []any{2, 5}, "Page 2 of 5"},
		{"Italian formats its arguments", "it", "Pagina %d di %d", []any{2, 5}, "Pagina 2 di 5"},
		{"a missing English entry falls back to Italian", "en", "Frase che nessuno ha tradotto.", nil, "Frase che nessuno ha tradotto."},
		{"an unknown language falls back to Italian", "fr", "Accedi", nil, "Accedi"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cat.T(tc.lang, tc.key, tc.args...); got != tc.want {
				t.Errorf("T(%q, %q) = %q; want %q", tc.lang, tc.key, got, tc.want)
			}
		})
	}
	if !cat.Has("it", "anything") || cat.Has("en", "Frase che nessuno ha tradotto.") {
		t.Error("Has: Italian must always be present, an untranslated key absent in English")
	}
}

func TestDates(t *testing.T) {
	at := time.Date(2026, time.November, 24, 23, 30, 0, 0, time.UTC) // already the 25th in Rome
	if got := i18n.Date("it", at); got != "25 novembre 2026" {
		t.Errorf("Date(it) = %q", got)
	}
	if got := i18n.DateTime("en", at); got != "25 November 2026, 00:30" {
		t.Errorf("DateTime(en) = %q", got)
	}
}

// verbs are the fmt verbs of a message: a translation must keep them, in
// order, or it prints %!s(MISSING).
var verbs = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

func TestTranslationsKeepFormatVerbs(t *testing.T) {
	files, err := filepath.Glob("locales/*.en.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no English catalogues: %v", err)
	}
	for _, f := range files {
		msgs := readCatalogue(t, f)
		for it, en := range msgs {
			if a, b := verbs.FindAllString(it, -1), verbs.FindAllString(en, -1); strings.Join(a, " ") != strings.Join(b, " ") {
				t.Errorf("%s: %q has verbs %v, its translation %q has %v", filepath.Base(f), it, a, en, b)
			}
			if strings.TrimSpace(en) == "" {
				t.Errorf("%s: empty translation for %q", filepath.Base(f), it)
			}
		}
	}
}

func readCatalogue(t *testing.T, path string) map[string]string {
	t.Helper()
	buf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(buf, &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

// TestPlatformLabelsTranslated covers the labels the platform builds in
// Go: roles, organisation types and the validation summary.
func TestPlatformLabelsTranslated(t *testing.T) {
	cat := i18n.MustLoad()
	var keys []string
	for _, r := range auth.Roles {
		keys = append(keys, r.Label())
	}
	for _, k := range auth.OrgKinds {
		keys = append(keys, k.Label())
	}
	keys = append(keys, apperr.MessageOf(apperr.Fields{"x": "y"}.Err()))
	for _, k := range keys {
		if !cat.Has("en", k) {
			t.Errorf("no English for %q", k)
		}
	}
}

// moduleRoot walks up from the test's folder to the one holding go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test folder")
		}
		dir = parent
	}
}

// sourceFiles lists the repository's files with the given suffix, skipping
// vendored, test-data and hidden folders.
func sourceFiles(t *testing.T, suffix string) []string {
	t.Helper()
	root := moduleRoot(t)
	var out []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch name := d.Name(); {
			case p != root && (strings.HasPrefix(name, ".") || name == "vendor" || name == "testdata" || name == "node_modules"):
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, suffix) && !strings.HasSuffix(p, "_test.go") {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// missing checks every key found by the patterns in the files and returns
// "file: key" for each one without an English translation.
func missing(t *testing.T, files []string, patterns []*regexp.Regexp) []string {
	t.Helper()
	cat := i18n.MustLoad()
	root := moduleRoot(t)
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		buf, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range patterns {
			for _, m := range re.FindAllStringSubmatch(string(buf), -1) {
				key, err := strconv.Unquote(m[1])
				if err != nil || key == "" || seen[key] || cat.Has("en", key) {
					continue
				}
				seen[key] = true
				rel, _ := filepath.Rel(root, f)
				out = append(out, rel+": "+strconv.Quote(key))
			}
		}
	}
	sort.Strings(out)
	return out
}

const lit = `("(?:[^"\\]|\\.)*")`

// templateKeys find the catalogue keys of a template: every .T "..." (also
// $.T, $p.T, .Page.T) and the labels and hints handed to the form partials.
var templateKeys = []*regexp.Regexp{
	regexp.MustCompile(`\.T\s+` + lit),
	regexp.MustCompile(`\(field\s+\S+\s+"[^"]*"\s+` + lit),
	regexp.MustCompile(`\.WithHelp\s+` + lit),
}

func TestTemplatesTranslated(t *testing.T) {
	files := sourceFiles(t, ".html")
	if len(files) == 0 {
		t.Fatal("no templates found")
	}
	if miss := missing(t, files, templateKeys); len(miss) > 0 {
		t.Errorf("%d template strings have no English translation:\n%s", len(miss), strings.Join(miss, "\n"))
	}
}

// goKeys find the user-facing messages written in Go: validation messages,
// error messages, flash messages, page titles, breadcrumbs, error pages.
var goKeys = []*regexp.Regexp{
	regexp.MustCompile(`\.Check\([^\n]*?,\s*"[a-z_0-9]+",\s*` + lit + `\)`),
	regexp.MustCompile(`\.Check\([^\n]*?,\s*"[a-z_0-9]+",\s*\n\s*` + lit + `\)`),
	regexp.MustCompile(`\.Add\("[a-z_0-9]+",\s*` + lit + `\)`),
	regexp.MustCompile(`apperr\.(?:Errorf|Wrap)\(apperr\.\w+,\s*` + lit),
	regexp.MustCompile(`apperr\.(?:NotFoundf|Forbiddenf|Conflictf)\(` + lit),
	regexp.MustCompile(`Message:\s*` + lit),
	regexp.MustCompile(`map\[string\]string\{"[a-z_0-9]+":\s*` + lit),
	regexp.MustCompile(`\.Redirect\(w, r, [^,\n]+,\s*` + lit + `\)`),
	regexp.MustCompile(`(?i)newPage\(r, ` + lit),
	regexp.MustCompile(`\.Crumb\(` + lit),
	regexp.MustCompile(`statusWithText\(w, r, [^,\n]+,\s*\n?\s*` + lit),
	regexp.MustCompile(`http\.Status\w+:\s+` + lit),
	regexp.MustCompile(`NavEntry\{Label:\s*` + lit),
}

func TestGoMessagesTranslated(t *testing.T) {
	if miss := missing(t, sourceFiles(t, ".go"), goKeys); len(miss) > 0 {
		t.Errorf("%d messages in Go code have no English translation:\n%s", len(miss), strings.Join(miss, "\n"))
	}
}
