package search

import (
	"slices"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plural and singular share a stem", "permessi permesso", "permess permess"},
		{"verb and noun share a stem", "rinnovare rinnovo", "rinnov rinnov"},
		{"accents and case are folded", "Perché PERCHE", "perc perc"},
		{"apostrophe splits an elided article", "dell'anagrafe l’ufficio", "anagraf uffic"},
		{"stop words are dropped", "il permesso di soggiorno", "permess soggiorn"},
		{"decomposed accents fold like composed ones", "citta\u0300 città", "citt citt"},
		{"numbers are kept", "legge 189 del 2002", "legg 189 2002"},
		{"punctuation only is empty", " -- ?! ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestQueryTerms(t *testing.T) {
	tests := []struct {
		name, in string
		want     []term
	}{
		{"last word is a prefix", "permesso sogg", []term{{"permess", false}, {"sogg", true}}},
		{"trailing space completes the word", "permesso ", []term{{"permess", false}}},
		{"repeated stems count once", "permessi permesso", []term{{"permess", false}}},
		{"one letter is no prefix", "permesso x", []term{{"permess", false}, {"x", false}}},
		{"stop word last leaves no prefix", "permesso di", []term{{"permess", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := queryTerms(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("queryTerms(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
