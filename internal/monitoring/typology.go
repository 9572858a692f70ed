package monitoring

import (
	"github.com/crocevia/crocevia/internal/facilities"
)

// UrbanThreshold is the population from which a Comune counts as urban:
// 10,000 inhabitants, the usual ISTAT-derived cut between small towns and
// urban centres. Below it the Comune is rural.
const UrbanThreshold = 10000

// sizeBands are the classes of contracted places, as upper bounds.
var sizeBands = []struct {
	max   int
	label string
}{
	{5, "1–5 posti"}, {15, "6–15 posti"}, {50, "16–50 posti"}, {150, "51–150 posti"}, {0, "Oltre 150 posti"},
}

// SizeBand is the label of the band of places.
func SizeBand(places int) string {
	for _, b := range sizeBands {
		if b.max == 0 || places <= b.max {
			return b.label
		}
	}
	return sizeBands[len(sizeBands)-1].label
}

// Form labels: apartments are the diffused model, the others collective.
const (
	formApartment  = "Appartamento"
	formCollective = "Collettiva (centro, albergo, ex caserma)"
	formOther      = "Altra tipologia"
)

// Form is apartment or collective, from the physical typology.
func Form(typology string) string {
	switch typology {
	case "apartment":
		return formApartment
	case "collective", "hotel", "barracks":
		return formCollective
	}
	return formOther
}

// Settlement labels.
const (
	urban = "Comune urbano (da 10.000 abitanti)"
	rural = "Comune rurale (meno di 10.000 abitanti)"
)

// Settlement is urban or rural, from the Comune's population.
func Settlement(population int) string {
	if population >= UrbanThreshold {
		return urban
	}
	return rural
}

// Services labels: the 2024 capitolato removed psychological support,
// legal orientation and Italian courses from CAS services (DOMAIN.md).
const (
	servicesFull    = "Servizi completi (capitolati fino al 2021)"
	servicesReduced = "Servizi ridotti (capitolato 2024)"
	noContract      = "Senza contratto"
)

// Services is the range of services to the person the facility's
// contract includes, from its capitolato version ("" without contract).
func Services(capitolato string) string {
	switch {
	case capitolato == "":
		return noContract
	case capitolato >= "2024":
		return servicesReduced
	}
	return servicesFull
}

// Capitolato is the label of the contract's capitolato version.
func Capitolato(v string) string {
	if v == "" {
		return noContract
	}
	return facilities.Capitolato(v).Label()
}

// profile is what the analysis knows of one active facility.
type profile struct {
	system, typology, guests, capitolato string
	places, population                   int
	answers                              [3]int // conforming, partial, non-conforming
}

// Dimension is one way of classifying the facilities.
type Dimension struct {
	Key     string
	Title   string
	Note    string // how the classes are made, shown under the table
	Classes []string
	classOf func(p *profile) []string
}

// dimensions are the analysis's classifications, in page order.
var dimensions = []Dimension{
	{Key: "dimensione", Title: "Dimensione (posti in convenzione)",
		Classes: []string{"1–5 posti", "6–15 posti", "16–50 posti", "51–150 posti", "Oltre 150 posti"},
		classOf: func(p *profile) []string { return []string{SizeBand(p.places)} }},
	{Key: "forma", Title: "Appartamento o struttura collettiva", Note: "Dalla tipologia fisica della struttura.",
		Classes: []string{formApartment, formCollective, formOther},
		classOf: func(p *profile) []string { return []string{Form(p.typology)} }},
	{Key: "comune", Title: "Comune urbano o rurale", Note: "Urbano: Comune con almeno 10.000 abitanti al censimento; rurale: sotto questa soglia.",
		Classes: []string{urban, rural},
		classOf: func(p *profile) []string { return []string{Settlement(p.population)} }},
	{Key: "sistema", Title: "Sistema di accoglienza",
		classOf: func(p *profile) []string { return []string{facilities.SystemType(p.system).Label()} }},
	{Key: "ospiti", Title: "Ospiti accolti", Note: "Una struttura che accoglie più gruppi è contata in ciascuno: le quote non sommano a 100.",
		classOf: guestClasses},
	{Key: "capitolato", Title: "Capitolato del contratto", Note: "Il contratto più recente che copre la struttura.",
		Classes: []string{"Capitolato 2017", "Capitolato 2019", "Capitolato 2021", "Capitolato 2024", noContract},
		classOf: func(p *profile) []string { return []string{Capitolato(p.capitolato)} }},
	{Key: "servizi", Title: "Servizi alla persona previsti", Note: "Il capitolato 2024 ha tolto dai servizi dei CAS supporto psicologico, orientamento legale e corsi di italiano.",
		Classes: []string{servicesFull, servicesReduced, noContract},
		classOf: func(p *profile) []string { return []string{Services(p.capitolato)} }},
}

func guestClasses(p *profile) []string {
	var out []string
	for _, g := range splitGuests(p.guests) {
		out = append(out, facilities.Guest(g).Label())
	}
	if len(out) == 0 {
		out = append(out, "Non indicati")
	}
	return out
}

func splitGuests(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}
