package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/italian"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// maxWordBytes skips runs that are not words a person would search for
// (hashes, base64): they would only bloat the index.
const maxWordBytes = 64

// word is one word of a text: its byte span in the original and its stem,
// "" when the word is a stop word.
type word struct {
	start, end int
	stem       string
}

// words splits text into words. A word is a run of letters, digits and
// combining marks, so apostrophes, hyphens and punctuation separate words:
// "dell'anagrafe" is "dell" and "anagrafe".
func words(text string) []word {
	var out []word
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = appendWord(out, text, start, i)
			start = -1
		}
	}
	if start >= 0 {
		out = appendWord(out, text, start, len(text))
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func appendWord(out []word, text string, start, end int) []word {
	if end-start > maxWordBytes {
		return out
	}
	return append(out, word{start: start, end: end, stem: stem(fold(text[start:end]))})
}

// fold lowercases w and strips its accents, so "Perché" and "perche" meet.
func fold(w string) string {
	w = strings.ToLower(w)
	if isASCII(w) {
		return w
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, w)
	if err != nil {
		return w
	}
	return folded
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// stem reduces a folded word to its Italian stem, "" for a stop word.
// Folding comes first so that a query typed without accents stems exactly
// like the accented text it looks for.
func stem(folded string) string {
	if stopWords[folded] {
		return ""
	}
	env := snowballstem.NewEnv(folded)
	italian.Stem(env)
	return env.Current()
}

// Normalize returns the stems of text's words, stop words dropped, joined
// by spaces: the form in which text is stored in the index.
func Normalize(text string) string {
	ws := words(text)
	var b strings.Builder
	b.Grow(len(text))
	for _, w := range ws {
		if w.stem == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.stem)
	}
	return b.String()
}

// term is one stem of a query; prefix marks the last word, which may be
// incomplete.
type term struct {
	stem   string
	prefix bool
}

// queryTerms turns the user's text into distinct stems. Only the last word
// typed becomes a prefix, and only when it is at least two letters long and
// not a stop word: a one-letter prefix would match half the index.
func queryTerms(text string) []term {
	ws := words(text)
	seen := map[string]bool{}
	var out []term
	for i, w := range ws {
		if w.stem == "" || seen[w.stem] {
			continue
		}
		seen[w.stem] = true
		last := i == len(ws)-1 && !strings.ContainsAny(text[w.end:], " \t\n")
		out = append(out, term{stem: w.stem, prefix: last && len([]rune(w.stem)) >= 2})
	}
	return out
}
