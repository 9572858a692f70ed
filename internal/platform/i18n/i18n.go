// Package i18n translates the interface. Italian is the source language: a
// message's Italian text is its key, so templates read naturally and a
// missing English translation falls back to Italian. The English catalogues
// are go-i18n JSON files under locales/, one per module (name.en.json).
package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"time"

	"encoding/json"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	_ "time/tzdata" // dates must show in Europe/Rome even on a machine without zoneinfo
)

//go:embed locales/*.json
var locales embed.FS

// Languages offered, in order; the first is the default.
var Languages = []string{"it", "en"}

// Catalogue holds the flattened translations: a lookup is one map read, so
// translating on a hot page costs nothing worth measuring.
type Catalogue struct {
	msgs map[string]map[string]string
}

// Load parses every embedded catalogue through go-i18n (which validates the
// files) and flattens the result.
func Load() (*Catalogue, error) {
	bundle := goi18n.NewBundle(language.Italian)
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	c := &Catalogue{msgs: map[string]map[string]string{"it": {}, "en": {}}}
	err := fs.WalkDir(locales, "locales", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		buf, err := locales.ReadFile(p)
		if err != nil {
			return err
		}
		mf, err := bundle.ParseMessageFileBytes(buf, path.Base(p))
		if err != nil {
			return fmt.Errorf("catalogue %s: %w", p, err)
		}
		lang := mf.Tag.String()
		if c.msgs[lang] == nil {
			c.msgs[lang] = map[string]string{}
		}
		for _, m := range mf.Messages {
			c.msgs[lang][m.ID] = m.Other
		}
		return nil
	})
	return c, err
}

// MustLoad is Load for start-up code.
func MustLoad() *Catalogue {
	c, err := Load()
	if err != nil {
		panic(err)
	}
	return c
}

// Has reports whether lang has a translation of key (always true for Italian).
func (c *Catalogue) Has(lang, key string) bool {
	if lang == "it" {
		return true
	}
	_, ok := c.msgs[lang][key]
	return ok
}

// T translates key into lang; with args, the translation is a fmt format.
func (c *Catalogue) T(lang, key string, args ...any) string {
	s := key
	if lang != "it" {
		if tr, ok := c.msgs[lang][key]; ok {
			s = tr
		}
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Normalize returns a supported language for tag, defaulting to Italian.
func Normalize(tag string) string {
	for _, l := range Languages {
		if l == tag {
			return l
		}
	}
	return "it"
}

// Rome is the time zone every date is shown in.
var Rome = mustZone("Europe/Rome")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

var monthsIT = [...]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
	"agosto", "settembre", "ottobre", "novembre", "dicembre"}

// Date formats a date in Rome for lang: "24 novembre 2026" or "24 November 2026".
func Date(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(Rome)
	if lang == "en" {
		return t.Format("2 January 2006")
	}
	return fmt.Sprintf("%d %s %d", t.Day(), monthsIT[t.Month()-1], t.Year())
}

// DateTime formats a date and time in Rome for lang.
func DateTime(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return Date(lang, t) + ", " + t.In(Rome).Format("15:04")
}
