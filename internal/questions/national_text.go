package questions

import (
	"math/rand/v2"
	"strings"
)

// natTopic is the material synthetic questions of one topic are made of:
// title and answer templates with {comune}, {provincia}, {nazionalita} and
// {servizio} slots, and the references its answers cite.
type natTopic struct {
	slug    string
	titles  []string
	answers []string
	refs    [][]Reference
}

var natTopics = []natTopic{
	{"permessi", []string{
		"Rinnovo del permesso di soggiorno per lavoro a {comune}",
		"Permesso di soggiorno scaduto: cittadino {nazionalita} residente a {comune}",
		"Conversione del permesso per studio in lavoro presso la Questura di {provincia}",
		"Duplicato del permesso di soggiorno smarrito a {comune}",
		"Permesso di lungo periodo e test di italiano in Prefettura a {provincia}"},
		[]string{
			"Il rinnovo del permesso si chiede prima della scadenza con il kit postale; la ricevuta consente di lavorare e di accedere ai servizi fino alla decisione della Questura di {provincia}.",
			"La Questura di {provincia} rilascia il permesso dopo i rilievi fotodattiloscopici; nel frattempo la ricevuta attesta la regolarità del soggiorno anche per {servizio}."},
		[][]Reference{{{Norm: tuImm, Article: "art. 5"}}, {{Norm: regImm, Article: "art. 13"}, {Norm: tuImm, Article: "art. 9"}}}},
	{"asilo", []string{
		"Domanda di protezione internazionale di un cittadino {nazionalita} a {comune}",
		"Ricorso contro il diniego della Commissione territoriale: richiedente ospite a {comune}",
		"Permesso per richiesta asilo e lavoro dopo sessanta giorni in provincia di {provincia}",
		"Protezione speciale e vita familiare: caso seguito da {servizio} di {comune}"},
		[]string{
			"La domanda si presenta alla Questura, che verbalizza e rilascia il permesso per richiesta asilo; la Commissione territoriale decide dopo il colloquio personale.",
			"Contro il diniego si ricorre al Tribunale entro trenta giorni dalla notifica; il ricorso sospende di regola l'efficacia del provvedimento."},
		[][]Reference{{{Norm: procedu, Article: "art. 26"}}, {{Norm: procedu, Article: "art. 35-bis"}, {Norm: accogl, Article: "art. 22"}}}},
	{"accoglienza", []string{
		"Accoglienza in CAS a {comune}: revoca per allontanamento",
		"Trasferimento di un ospite {nazionalita} dal CAS di {comune}",
		"Pocket money e ricevute nel centro di accoglienza di {comune}",
		"Minore straniero non accompagnato rintracciato a {comune}"},
		[]string{
			"L'ente gestore comunica subito l'allontanamento alla Prefettura di {provincia}, che valuta la revoca delle misure di accoglienza con provvedimento motivato.",
			"Il minore va accolto in una struttura per minori e segnalato alla Procura per i minorenni; non può essere accolto in un centro per adulti."},
		[][]Reference{{{Norm: accogl, Article: "art. 23"}}, {{Norm: accogl, Article: "art. 19"}, {Norm: "L. 47/2017", Article: "art. 4"}}}},
	{"ricongiungimento", []string{
		"Ricongiungimento familiare con il coniuge {nazionalita}: reddito e alloggio a {comune}",
		"Nulla osta al ricongiungimento presso lo Sportello unico di {provincia}",
		"Idoneità alloggiativa rilasciata dal Comune di {comune}",
		"Coesione familiare per un familiare già presente a {comune}"},
		[]string{
			"Per il ricongiungimento servono un reddito non inferiore all'assegno sociale, aumentato per ogni familiare, e un alloggio idoneo attestato dal Comune di {comune}.",
			"Lo Sportello unico di {provincia} rilascia il nulla osta entro novanta giorni, sentita la Questura; poi il familiare chiede il visto."},
		[][]Reference{{{Norm: tuImm, Article: "art. 29"}}, {{Norm: tuImm, Article: "art. 30"}, {Norm: regImm, Article: "art. 6"}}}},
	{"anagrafe", []string{
		"Iscrizione anagrafica del richiedente asilo al Comune di {comune}",
		"Residenza e dichiarazione di dimora abituale a {comune}",
		"Cancellazione anagrafica per irreperibilità di un cittadino {nazionalita} a {comune}",
		"Carta d'identità per lo straniero residente a {comune}"},
		[]string{
			"L'ufficio anagrafe di {comune} iscrive lo straniero regolarmente soggiornante, accertata la dimora abituale; il permesso in rinnovo con la ricevuta è sufficiente.",
			"Lo straniero rinnova la dichiarazione di dimora entro sessanta giorni dal rinnovo del permesso; in mancanza il Comune avvia la cancellazione."},
		[][]Reference{{{Norm: anagr, Article: "art. 7"}}, {{Norm: anagr, Article: "art. 11"}, {Norm: regImm, Article: "art. 15"}}}},
	{"salute", []string{
		"Iscrizione al Servizio sanitario nazionale all'ASL di {provincia}",
		"Codice STP per un cittadino {nazionalita} senza permesso a {comune}",
		"Esenzione dal ticket per disoccupati stranieri a {comune}",
		"Scelta del medico di base e tessera sanitaria a {comune}"},
		[]string{
			"L'iscrizione al Servizio sanitario nazionale è obbligatoria e gratuita per chi ha un permesso per lavoro, famiglia o protezione; si chiede all'ASL di {provincia}.",
			"Allo straniero non in regola sono assicurate le cure urgenti ed essenziali con il codice STP; l'accesso alle cure non comporta segnalazione."},
		[][]Reference{{{Norm: tuImm, Article: "art. 34"}}, {{Norm: tuImm, Article: "art. 35"}, {Norm: regImm, Article: "art. 43"}}}},
	{"scuola", []string{
		"Iscrizione a scuola in corso d'anno di un minore {nazionalita} a {comune}",
		"Corso di italiano per adulti al CPIA di {provincia}",
		"Riconoscimento del titolo di studio estero per l'università: studente di {comune}",
		"Mensa scolastica e tariffe agevolate per famiglie straniere a {comune}"},
		[]string{
			"I minori stranieri hanno diritto all'istruzione indipendentemente dalla regolarità del soggiorno e si iscrivono in qualunque momento dell'anno.",
			"Il CPIA di {provincia} organizza corsi di italiano fino al livello A2 e rilascia il titolo valido per il permesso di lungo periodo."},
		[][]Reference{{{Norm: tuImm, Article: "art. 38"}}, {{Norm: regImm, Article: "art. 45"}, {Norm: "DPR 263/2012", Article: "art. 4"}}}},
	{"lavoro", []string{
		"Assunzione di un richiedente asilo da parte di un'azienda di {comune}",
		"Decreto flussi e nulla osta al lavoro presso lo Sportello unico di {provincia}",
		"Tirocinio per un titolare di protezione {nazionalita} a {comune}",
		"Permesso per attesa occupazione dopo il licenziamento a {comune}"},
		[]string{
			"Il datore verifica la validità del permesso e invia la comunicazione obbligatoria di assunzione; non serve alcun nulla osta per chi è già soggiornante.",
			"La domanda di nulla osta si presenta allo Sportello unico di {provincia} nei giorni del decreto flussi, dopo la verifica presso il Centro per l'impiego."},
		[][]Reference{{{Norm: tuImm, Article: "art. 22"}}, {{Norm: accogl, Article: "art. 22"}, {Norm: regImm, Article: "art. 30-bis"}}}},
	{"cittadinanza", []string{
		"Cittadinanza per residenza: cittadino {nazionalita} residente a {comune}",
		"Cittadinanza del nato in Italia al compimento dei diciotto anni a {comune}",
		"Certificazione della lingua italiana B1 per la cittadinanza a {provincia}",
		"Giuramento di cittadinanza davanti all'ufficiale di stato civile di {comune}"},
		[]string{
			"La cittadinanza per residenza si chiede dopo dieci anni di residenza legale, con redditi sufficienti e conoscenza dell'italiano di livello B1.",
			"Il giuramento si presta davanti all'ufficiale di stato civile di {comune} entro sei mesi dalla notifica del decreto."},
		[][]Reference{{{Norm: citt, Article: "art. 9"}}, {{Norm: citt, Article: "art. 4"}, {Norm: citt, Article: "art. 10"}}}},
	{"altro", []string{
		"Conversione della patente di guida estera per un cittadino {nazionalita} a {comune}",
		"Conto corrente di base con permesso in rinnovo a {comune}",
		"Mediazione linguistica per {servizio} di {comune}",
		"Assegno unico per i figli di lavoratori stranieri a {comune}"},
		[]string{
			"Il conto di base non può essere negato a chi soggiorna legalmente, compresi i richiedenti asilo; la ricevuta di rinnovo attesta la regolarità.",
			"Gli enti locali possono avvalersi dei mediatori interculturali per favorire l'accesso ai servizi, anche per {servizio}."},
		[][]Reference{{{Norm: tuImm, Article: "art. 42"}}, {{Norm: "D.Lgs. 230/2021", Article: "art. 3"}}}},
}

var natNationalities = strings.Fields(`albanese marocchino rumeno cinese ucraino indiano filippino bangladese
	egiziano pakistano nigeriano senegalese tunisino peruviano ecuadoriano srilankese moldavo ghanese ivoriano
	gambiano maliano guineano eritreo somalo afghano iracheno siriano turco georgiano kosovaro`)

var natServices = []string{"lo sportello immigrazione", "i servizi sociali", "il consultorio familiare",
	"il centro per l'impiego", "l'ufficio anagrafe", "la scuola primaria", "il pronto soccorso", "il CPIA",
	"il patronato", "l'ufficio casa", "il centro antiviolenza", "la biblioteca civica"}

var natAskers = []string{"Un operatore dello sportello", "Un'assistente sociale", "Un mediatore culturale",
	"Un'operatrice dell'ente gestore", "Un funzionario dell'ufficio anagrafe", "Un'insegnante"}

// natFill replaces the slots of a template.
func natFill(tpl, comune, provincia, naz, servizio string) string {
	return strings.NewReplacer("{comune}", comune, "{provincia}", provincia, "{nazionalita}", naz, "{servizio}", servizio).Replace(tpl)
}

// natQA is one synthetic question's text.
type natQA struct {
	topic               int
	title, body, answer string
	refs                []Reference
}

// natGenerate makes one question's text about municipality m.
func natGenerate(r *rand.Rand, m natPlace) natQA {
	ti := r.IntN(len(natTopics))
	t := &natTopics[ti]
	naz := natNationalities[r.IntN(len(natNationalities))]
	srv := natServices[r.IntN(len(natServices))]
	fill := func(s string) string { return natFill(s, m.name, m.province, naz, srv) }
	title := fill(t.titles[r.IntN(len(t.titles))])
	body := natAskers[r.IntN(len(natAskers))] + " di " + m.name + " (" + m.province + ") segue una persona di nazionalità " + naz +
		" e chiede come procedere: " + strings.ToLower(title[:1]) + title[1:] + ". La persona è già in contatto con " + srv + "."
	return natQA{topic: ti, title: title, body: body, answer: fill(t.answers[r.IntN(len(t.answers))]), refs: t.refs[r.IntN(len(t.refs))]}
}
