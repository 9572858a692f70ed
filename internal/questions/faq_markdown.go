package questions

import (
	"bytes"
	"html/template"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Answers are Markdown written by experts. goldmark drops raw HTML by
// default; bluemonday cleans what is left anyway, so an answer can never
// carry a script to the public page.
var (
	markdown  = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))
	sanitizer = bluemonday.UGCPolicy()
)

// renderMarkdown turns an answer into safe HTML.
func renderMarkdown(src string) template.HTML {
	var buf bytes.Buffer
	if err := markdown.Convert([]byte(src), &buf); err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	// Safe: the sanitiser's output is what it allows and nothing else.
	return template.HTML(sanitizer.SanitizeBytes(buf.Bytes()))
}

var (
	mdLink   = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdMarks  = strings.NewReplacer("**", "", "__", "", "`", "", "#", "", "> ", "", "*", "", "|", " ")
	mdSpaces = regexp.MustCompile(`\s+`)
)

// plainText is Markdown reduced to its words, for snippets and feeds.
func plainText(src string) string {
	s := mdLink.ReplaceAllString(src, "$1")
	return strings.TrimSpace(mdSpaces.ReplaceAllString(mdMarks.Replace(s), " "))
}
