package search

// stopWords are folded Italian words too common to tell documents apart:
// articles, prepositions (simple, articulated and elided), conjunctions and
// unstressed pronouns. Interrogatives (perché, come, dove, quando) are kept:
// in the questions people type they carry meaning.
var stopWords = toSet(
	// articles and elided forms
	"il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una",
	// simple prepositions
	"di", "d", "a", "da", "in", "con", "su", "per", "tra", "fra",
	// articulated prepositions, with their elided forms
	"del", "dello", "della", "dei", "degli", "delle", "dell",
	"al", "allo", "alla", "ai", "agli", "alle", "all",
	"dal", "dallo", "dalla", "dai", "dagli", "dalle", "dall",
	"nel", "nello", "nella", "nei", "negli", "nelle", "nell",
	"col", "coi",
	"sul", "sullo", "sulla", "sui", "sugli", "sulle", "sull",
	// conjunctions
	"e", "ed", "o", "od", "ma", "che", "se", "anche", "ne", "oppure",
	// unstressed pronouns and particles
	"mi", "ti", "si", "ci", "vi", "c", "me", "te", "lui", "lei", "noi", "voi", "loro",
	"mio", "mia", "miei", "mie", "tuo", "tua", "tuoi", "tue", "suo", "sua", "suoi", "sue",
	"questo", "questa", "questi", "queste", "quest", "quello", "quella", "quelli", "quelle", "quell",
	"non", "piu", "gia",
	// forms of essere and avere that carry no topic ("è" folds to "e", above)
	"sono", "sei", "era", "ha", "hanno", "ho", "hai", "essere", "avere", "stato", "stata",
)

func toSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
