package files

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

const maxNameBytes = 200

// cleanName keeps only the last element of a name a browser sent (some send
// the whole client path), without control characters, and not too long.
func cleanName(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '"' {
			return -1
		}
		return r
	}, name))
	if len(name) > maxNameBytes {
		cut := maxNameBytes
		for !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = name[:cut]
	}
	if name == "" || name == "." || name == "/" {
		return "file"
	}
	return name
}
