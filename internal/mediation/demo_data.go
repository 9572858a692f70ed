package mediation

// The demo's fictitious data: the provider's mediators, the services
// that ask for them and what they ask. Reasons carry no clinical detail;
// beneficiaries are pseudonyms.

// demoLineName is the demo's funding line.
const demoLineName = "Progetto mediazione interculturale"

// demoLineHours is what the line funds; demoConsumedMin is about what the
// demo's eight months have consumed of it by today.
const (
	demoLineHours   = 3000
	demoConsumedMin = 1900 * 60
)

// Municipalities of the province of Alessandria (ISTAT codes).
const (
	alAlessandria = "006003"
	alAcqui       = "006001"
	alCasale      = "006039"
	alNovi        = "006114"
	alOvada       = "006121"
	alTortona     = "006174"
	alValenza     = "006177"
	alSerravalle  = "006160"
)

// demoMediator is one of the provider's mediators; leave is in days from
// today (negative: past), inclusive.
type demoMediator struct {
	name, email string
	langs       []Spoken
	areas       []Area
	modes       [3]bool // in person, phone, video
	places      []string
	weekly      []Window
	leave       [][2]int
	note        string
}

func demoSpoken(code string, l Level) Spoken { return Spoken{Code: code, Level: l} }

// demoWeekdays is the same window on days (Monday to Friday by default).
func demoWeekdays(from, to int, days ...int) []Window {
	if len(days) == 0 {
		days = []int{1, 2, 3, 4, 5}
	}
	out := make([]Window, len(days))
	for i, d := range days {
		out[i] = Window{Weekday: d, StartMin: from, EndMin: to}
	}
	return out
}

func demoFullTime() []Window {
	return append(demoWeekdays(8*60+30, 13*60), demoWeekdays(14*60, 18*60)...)
}

// demoMediators are the 15 mediators of the demo provider; the first is
// the demo account "Amina Mediatrice". Twelve languages, LIS included.
var demoMediators = []demoMediator{
	{name: "Amina Mediatrice", email: "mediator@demo.crocevia.it", langs: []Spoken{demoSpoken("ar", "native"), demoSpoken("fr", "C1")},
		areas: []Area{AreaHealth, AreaSocial}, modes: [3]bool{true, true, true}, places: []string{alAlessandria, alValenza, alTortona},
		weekly: demoFullTime(), leave: [][2]int{{-75, -68}, {30, 34}}},
	{name: "Youssef Benali", email: "y.benali@mediazione.example", langs: []Spoken{demoSpoken("ar", "native"), demoSpoken("fr", "C2")},
		areas: []Area{AreaLegal, AreaSocial, AreaSchool}, modes: [3]bool{true, true, true}, places: []string{alAlessandria, alNovi},
		weekly: demoFullTime(), leave: [][2]int{{12, 18}}},
	{name: "Khadija Ouardi", email: "k.ouardi@mediazione.example", langs: []Spoken{demoSpoken("ar", "native"), demoSpoken("en", "B2")},
		areas: []Area{AreaHealth, AreaSchool, AreaSocial}, modes: [3]bool{true, true, false}, places: []string{alCasale, alValenza, alAlessandria},
		weekly: demoWeekdays(8*60+30, 14*60+30, 1, 2, 3, 4), note: "Part time, dal lunedì al giovedì."},
	{name: "Wei Li", email: "w.li@mediazione.example", langs: []Spoken{demoSpoken("zh", "native"), demoSpoken("en", "B1")},
		areas: []Area{AreaHealth, AreaSchool, AreaSocial}, modes: [3]bool{true, true, true}, places: []string{alAlessandria, alNovi},
		weekly: demoFullTime(), leave: [][2]int{{-150, -136}}},
	{name: "Xiaoling Chen", email: "x.chen@mediazione.example", langs: []Spoken{demoSpoken("zh", "native"), demoSpoken("en", "B2")},
		areas: []Area{AreaHealth, AreaLegal, AreaSchool}, modes: [3]bool{true, false, true}, places: []string{alAlessandria, alTortona},
		weekly: demoWeekdays(9*60, 17*60, 2, 3, 4, 5)},
	{name: "Imran Shah", email: "i.shah@mediazione.example", langs: []Spoken{demoSpoken("ur", "native"), demoSpoken("pa", "C1"), demoSpoken("en", "C1")},
		areas: []Area{AreaHealth, AreaLegal, AreaSocial}, modes: [3]bool{true, true, true}, places: []string{alAlessandria, alTortona, alSerravalle},
		weekly: demoFullTime(), leave: [][2]int{{-40, -33}}},
	{name: "Harpreet Kaur", email: "h.kaur@mediazione.example", langs: []Spoken{demoSpoken("pa", "native"), demoSpoken("ur", "B2"), demoSpoken("en", "B2")},
		areas: []Area{AreaHealth, AreaSocial, AreaSchool}, modes: [3]bool{true, true, false}, places: []string{alNovi, alTortona, alAlessandria},
		weekly: demoFullTime(), leave: [][2]int{{25, 39}}},
	{name: "Ioana Popescu", email: "i.popescu@mediazione.example", langs: []Spoken{demoSpoken("ro", "native"), demoSpoken("en", "C1")},
		areas: []Area{AreaHealth, AreaLegal, AreaSchool, AreaSocial}, modes: [3]bool{true, true, true}, places: []string{alAlessandria, alCasale},
		weekly: demoFullTime(), leave: [][2]int{{-120, -107}}},
	{name: "Elira Hoxha", email: "e.hoxha@mediazione.example", langs: []Spoken{demoSpoken("sq", "native"), demoSpoken("en", "B2")},
		areas: []Area{AreaHealth, AreaLegal, AreaSchool, AreaSocial}, modes: [3]bool{true, true, true}, places: []string{alAlessandria, alAcqui, alOvada},
		weekly: demoFullTime()},
	{name: "Grace Okafor", email: "g.okafor@mediazione.example", langs: []Spoken{demoSpoken("en", "native"), demoSpoken("fr", "B2")},
		areas: []Area{AreaHealth, AreaLegal, AreaSocial}, modes: [3]bool{true, true, true}, places: []string{alAlessandria},
		weekly: demoFullTime(), leave: [][2]int{{-20, -18}}},
	{name: "Mamadou Diallo", email: "m.diallo@mediazione.example", langs: []Spoken{demoSpoken("fr", "native"), demoSpoken("en", "B1")},
		areas: []Area{AreaLegal, AreaSocial, AreaSchool}, modes: [3]bool{true, true, false}, places: []string{alAlessandria, alOvada, alNovi},
		weekly: demoWeekdays(9*60, 13*60, 1, 2, 3, 4, 5, 6), note: "Disponibile anche il sabato mattina."},
	{name: "Olena Rusu", email: "o.rusu@mediazione.example", langs: []Spoken{demoSpoken("uk", "native"), demoSpoken("ro", "C1")},
		areas: []Area{AreaHealth, AreaSchool, AreaSocial}, modes: [3]bool{true, true, true}, places: []string{alAlessandria, alCasale},
		weekly: demoWeekdays(9*60, 17*60, 2, 3, 4, 5)},
	{name: "Rahim Uddin", email: "r.uddin@mediazione.example", langs: []Spoken{demoSpoken("bn", "native"), demoSpoken("en", "C1")},
		areas: []Area{AreaHealth, AreaLegal, AreaSocial}, modes: [3]bool{true, true, true}, places: []string{alAlessandria, alNovi},
		weekly: demoWeekdays(9*60, 18*60, 1, 3, 5)},
	{name: "Senait Tesfay", email: "s.tesfay@mediazione.example", langs: []Spoken{demoSpoken("ti", "native"), demoSpoken("ar", "B2"), demoSpoken("en", "B1")},
		areas: []Area{AreaHealth, AreaLegal, AreaSocial}, modes: [3]bool{true, true, true}, places: []string{alAlessandria, alCasale},
		weekly: demoWeekdays(13*60, 19*60), leave: [][2]int{{-60, -54}}},
	{name: "Francesca Ricci", email: "f.ricci@mediazione.example", langs: []Spoken{demoSpoken("lis", "C2")},
		areas: []Area{AreaHealth, AreaLegal, AreaSchool, AreaSocial}, modes: [3]bool{true, false, true},
		places: []string{alAlessandria, alValenza, alCasale}, weekly: demoWeekdays(8*60+30, 16*60+30, 1, 2, 3, 4),
		note: "Interprete LIS; in video con postazione attrezzata."},
}

// demoLanguages weighs the languages asked for as in the province's
// practice; Pashto and Somali have no mediator: unmet demand.
var demoLanguages = []struct {
	code   string
	weight int
}{
	{"ar", 26}, {"zh", 10}, {"ur", 9}, {"pa", 6}, {"ro", 10}, {"sq", 8}, {"en", 7}, {"fr", 7}, {"uk", 5}, {"bn", 4},
	{"ti", 3}, {"lis", 4}, {"ps", 1}, {"so", 1},
}

// demoNationality is the usual nationality of a language's speakers.
var demoNationality = map[string][]string{
	"ar": {"Marocco", "Egitto", "Tunisia", "Marocco"}, "zh": {"Cina"}, "ur": {"Pakistan"}, "pa": {"India", "Pakistan"},
	"ro": {"Romania", "Moldova"}, "sq": {"Albania", "Kosovo"}, "en": {"Nigeria", "Ghana", "Gambia"},
	"fr": {"Senegal", "Costa d'Avorio", "Mali", "Guinea"}, "uk": {"Ucraina"}, "bn": {"Bangladesh"}, "ti": {"Eritrea"},
	"lis": {"Italia"}, "ps": {"Afghanistan"}, "so": {"Somalia"},
}

// demoOffice is an office of a demo organisation that asks for mediators.
type demoOffice struct {
	org, office  string
	service      ServiceType
	istat, place string
	referents    []string
	weight       float64
	urgent, rosa float64 // shares of urgent and codice rosa requests
	lead         [2]int  // days ahead a scheduled request is sent
	durations    []int   // estimated minutes
	onJob        float64 // share of on-the-job blocks
	modes        [3]int  // weights of in person, phone, video
	weekend      bool    // asks at weekends (urgent only)
}

var demoOffices = []demoOffice{
	{org: "ospedale", office: "Pronto soccorso", service: Health, istat: alAlessandria, place: "Via Venezia 16, Alessandria",
		referents: []string{"Inf. coord. Laura Bassi", "Dott. Marco Gatti"}, weight: 9, urgent: .45, rosa: .08, lead: [2]int{1, 2},
		durations: []int{45, 60, 60, 90}, modes: [3]int{7, 2, 1}, weekend: true},
	{org: "ospedale", office: "Ostetricia e ginecologia", service: Health, istat: alAlessandria, place: "Via Venezia 16, Alessandria",
		referents: []string{"Ost. Silvia Ferrero", "Dott.ssa Paola Rinaldi"}, weight: 9, urgent: .05, lead: [2]int{2, 3},
		durations: []int{60, 60, 90}, modes: [3]int{9, 1, 0}},
	{org: "ospedale", office: "Pediatria", service: Health, istat: alAlessandria, place: "Spalto Marengo 46, Alessandria",
		referents: []string{"Dott. Luca Moretti", "Inf. Chiara Gallo"}, weight: 6, urgent: .05, lead: [2]int{2, 3},
		durations: []int{45, 60, 90}, modes: [3]int{8, 1, 1}},
	{org: "ospedale", office: "Ambulatori specialistici", service: Health, istat: alAlessandria, place: "Via Venezia 16, Alessandria",
		referents: []string{"Sig.ra Anna Costa", "Dott. Giorgio Fabbri"}, weight: 6, lead: [2]int{2, 3},
		durations: []int{45, 60}, modes: [3]int{7, 2, 1}},
	{org: "asl", office: "Consultorio familiare - Alessandria", service: Health, istat: alAlessandria, place: "Via Pacinotti 38, Alessandria",
		referents: []string{"Ost. Marta Ricci", "A.S. Elena Cerutti"}, weight: 7, lead: [2]int{3, 21},
		durations: []int{60, 90, 120}, onJob: .05, modes: [3]int{8, 1, 1}},
	{org: "asl", office: "Ambulatorio ISI - Stranieri temporaneamente presenti", service: Health, istat: alAlessandria,
		place: "Via Pacinotti 38, Alessandria", referents: []string{"Dott.ssa Franca Lodi", "Inf. Davide Rossi"}, weight: 5,
		lead: [2]int{2, 7}, durations: []int{60, 90}, onJob: .1, modes: [3]int{9, 1, 0}},
	{org: "asl", office: "Pronto soccorso - Ospedale Santo Spirito", service: Health, istat: alCasale,
		place: "Viale Giovanni Giolitti 2, Casale Monferrato", referents: []string{"Inf. coord. Mauro Bellini"}, weight: 3,
		urgent: .4, rosa: .08, lead: [2]int{1, 2}, durations: []int{45, 60, 90}, modes: [3]int{6, 3, 1}, weekend: true},
	{org: "asl", office: "Ospedale San Giacomo - reparti", service: Health, istat: alNovi, place: "Via Edilio Raggio 12, Novi Ligure",
		referents: []string{"Dott.ssa Sara Pastore"}, weight: 3, urgent: .1, lead: [2]int{2, 3}, durations: []int{60, 90}, modes: [3]int{7, 2, 1}},
	{org: "asl", office: "Centro vaccinale - Tortona", service: Health, istat: alTortona, place: "Piazza Felice Cavallotti 7, Tortona",
		referents: []string{"A.S. Cristina Bo"}, weight: 2, lead: [2]int{4, 12}, durations: []int{60, 180}, onJob: .2, modes: [3]int{1, 0, 0}},
	{org: "questura", office: "Ufficio immigrazione", service: Questura, istat: alAlessandria, place: "Piazza Vittorio Veneto 1, Alessandria",
		referents: []string{"Isp. Roberto Leone", "Ass. Capo Giulia Serra"}, weight: 8, urgent: .05, lead: [2]int{4, 21},
		durations: []int{60, 90, 120}, onJob: .12, modes: [3]int{9, 0, 1}},
	{org: "questura", office: "Squadra mobile - sezione reati contro la persona", service: Questura, istat: alAlessandria,
		place: "Piazza Vittorio Veneto 1, Alessandria", referents: []string{"Comm. Valeria Negri"}, weight: 1.2,
		urgent: .3, rosa: .6, lead: [2]int{2, 5}, durations: []int{60, 90, 120}, modes: [3]int{7, 2, 1}, weekend: true},
	{org: "prefettura", office: "Sportello unico per l'immigrazione", service: Prefettura, istat: alAlessandria,
		place: "Piazza della Libertà 17, Alessandria", referents: []string{"Dott.ssa Monica Villa", "Sig. Franco Torre"},
		weight: 4, lead: [2]int{7, 28}, durations: []int{60, 90}, modes: [3]int{8, 0, 2}},
	{org: "prefettura", office: "Area IV - Accoglienza", service: Prefettura, istat: alAlessandria,
		place: "Piazza della Libertà 17, Alessandria", referents: []string{"Dott. Stefano Guidi"}, weight: 2,
		lead: [2]int{4, 10}, durations: []int{60, 120}, modes: [3]int{6, 1, 3}},
	{org: "prefettura", office: "Commissione territoriale - audizioni", service: Commissione, istat: alAlessandria,
		place: "Piazza della Libertà 17, Alessandria", referents: []string{"Funz. Alessia Marino"}, weight: 1.5,
		lead: [2]int{10, 30}, durations: []int{180, 240}, modes: [3]int{9, 0, 1}},
	{org: "comune-al", office: "Servizi sociali - Sportello stranieri", service: Social, istat: alAlessandria,
		place: "Via Giacomo Matteotti 29, Alessandria", referents: []string{"A.S. Federica Gandini", "A.S. Paolo Baldi"},
		weight: 6, urgent: .04, lead: [2]int{3, 10}, durations: []int{60, 90}, onJob: .06, modes: [3]int{7, 2, 1}},
	{org: "comune-al", office: "Ufficio anagrafe", service: Social, istat: alAlessandria, place: "Piazza della Libertà 1, Alessandria",
		referents: []string{"Sig.ra Rita Longo"}, weight: 2, lead: [2]int{3, 10}, durations: []int{60, 180}, onJob: .3, modes: [3]int{1, 0, 0}},
	{org: "comune-al", office: "Istituto comprensivo Centro - colloqui scuola-famiglia", service: School, istat: alAlessandria,
		place: "Via Giuseppe Mazzini 80, Alessandria", referents: []string{"Prof.ssa Daniela Rizzo", "Maestra Lucia Fontana"},
		weight: 4, lead: [2]int{5, 21}, durations: []int{60, 90}, modes: [3]int{8, 1, 1}},
	{org: "comune-casale", office: "Servizi sociali", service: Social, istat: alCasale, place: "Via Mameli 10, Casale Monferrato",
		referents: []string{"A.S. Giovanna Martini"}, weight: 3, lead: [2]int{3, 10}, durations: []int{60, 90}, modes: [3]int{7, 2, 1}},
	{org: "comune-casale", office: "Scuole primarie - iscrizioni", service: School, istat: alCasale, place: "Via Mameli 10, Casale Monferrato",
		referents: []string{"Sig. Alberto Conti"}, weight: 1.5, lead: [2]int{5, 14}, durations: []int{60}, modes: [3]int{1, 0, 0}},
	{org: "comune-novi", office: "Servizi sociali", service: Social, istat: alNovi, place: "Via Paolo da Novi 59, Novi Ligure",
		referents: []string{"A.S. Nadia Orsini"}, weight: 3, lead: [2]int{3, 10}, durations: []int{60, 90}, modes: [3]int{7, 2, 1}},
	{org: "comune-tortona", office: "Servizi sociali", service: Social, istat: alTortona, place: "Corso Alessandria 62, Tortona",
		referents: []string{"A.S. Michela Sacco"}, weight: 2, lead: [2]int{3, 10}, durations: []int{60, 90}, modes: [3]int{7, 2, 1}},
	{org: "coop-ponte", office: "CAS Il Ponte - Alessandria", service: CAS, istat: alAlessandria, place: "Via Casale 44, Alessandria",
		referents: []string{"Op. Matteo Ferri", "Coord. Ilaria Bruno"}, weight: 3, lead: [2]int{3, 10},
		durations: []int{60, 90, 180}, onJob: .3, modes: [3]int{8, 1, 1}},
	{org: "coop-approdo", office: "CAS L'Approdo - Casale Monferrato", service: CAS, istat: alCasale,
		place: "Strada Valenza 3, Casale Monferrato", referents: []string{"Op. Sofia Greco"}, weight: 2, lead: [2]int{3, 10},
		durations: []int{60, 90, 180}, onJob: .25, modes: [3]int{8, 1, 1}},
}

// demoSeriesPlan is a recurring request: office, language, weekday
// (1 Monday), Rome start, minutes, weeks, and its first week counted from
// today's (negative: past); cap, when set, stops it there (a series still
// to be assigned).
type demoSeriesPlan struct {
	office      int
	lang        string
	weekday     int
	hour, min   int
	minutes     int
	weeks       int
	fromWeek    int
	kind        Kind
	reason      string
	cancelAfter int // the occurrence cancelled in time, 0 none
	cap         State
}

var demoSeriesPlans = []demoSeriesPlan{
	{office: 4, lang: "ar", weekday: 2, hour: 9, minutes: 180, weeks: 8, fromWeek: -22, kind: OnTheJob,
		reason: "Affiancamento on the job alle ostetriche durante gli accessi del martedì", cancelAfter: 5},
	{office: 16, lang: "zh", weekday: 4, hour: 14, min: 30, minutes: 120, weeks: 8, fromWeek: -15, kind: Interpreting,
		reason: "Colloqui scuola-famiglia del giovedì"},
	{office: 9, lang: "ur", weekday: 3, hour: 9, minutes: 240, weeks: 10, fromWeek: -5, kind: OnTheJob,
		reason: "Affiancamento on the job allo sportello permessi di soggiorno"},
	{office: 2, lang: "sq", weekday: 5, hour: 10, minutes: 120, weeks: 8, fromWeek: -30, kind: Interpreting,
		reason: "Incontri programmati con le famiglie del reparto", cancelAfter: 3},
	{office: 21, lang: "ti", weekday: 1, hour: 15, minutes: 120, weeks: 8, fromWeek: -11, kind: OnTheJob,
		reason: "Affiancamento on the job agli operatori del centro durante le attività di gruppo"},
	{office: 17, lang: "ro", weekday: 1, hour: 10, minutes: 120, weeks: 6, fromWeek: 2, kind: Interpreting,
		reason: "Colloqui con le famiglie seguite dal servizio", cap: Validated},
}

// demoReasons are what each service asks for: the purpose, never a
// clinical detail.
var demoReasons = map[ServiceType][]string{
	Health: {"Supporto alla comunicazione durante una visita programmata", "Spiegazione del percorso di iscrizione al Servizio sanitario nazionale",
		"Colloquio di accoglienza e raccolta dei dati anagrafici", "Spiegazione delle indicazioni alla dimissione",
		"Spiegazione del consenso informato e dei documenti da firmare", "Prenotazione e spiegazione degli appuntamenti successivi"},
	Questura: {"Rinnovo del permesso di soggiorno: spiegazione della documentazione", "Rilievi fotodattiloscopici e comunicazione dell'esito",
		"Verbalizzazione della domanda di protezione internazionale", "Notifica di un provvedimento e spiegazione dei termini"},
	Prefettura: {"Convocazione allo Sportello unico: ricongiungimento familiare", "Sottoscrizione dell'accordo di integrazione",
		"Colloquio sulle condizioni di accoglienza", "Convocazione per il nulla osta al lavoro"},
	Commissione: {"Audizione presso la Commissione territoriale"},
	School: {"Colloquio scuola-famiglia", "Iscrizione scolastica e spiegazione dell'offerta formativa",
		"Incontro con i docenti sul piano didattico"},
	Social: {"Colloquio con l'assistente sociale", "Spiegazione dei requisiti per l'accesso a un contributo",
		"Orientamento ai servizi del territorio", "Iscrizione anagrafica e spiegazione dei documenti richiesti"},
	CAS: {"Colloquio di ingresso nel centro di accoglienza", "Spiegazione del regolamento della struttura",
		"Orientamento sulla procedura di asilo"},
}

var (
	demoUrgentReasons = []string{"Comunicazione con l'utente in Pronto soccorso", "Supporto alla comunicazione con i familiari",
		"Accesso non programmato: supporto alla comunicazione"}
	demoRosaReasons = []string{"Percorso codice rosa: supporto alla comunicazione", "Accoglienza nel percorso di tutela (codice rosa)"}
	demoJobReasons  = []string{"Affiancamento on the job agli operatori dello sportello", "Affiancamento on the job: accoglienza e prima informazione",
		"Affiancamento on the job durante le attività di gruppo"}
)

// demoTimes are the Rome times scheduled appointments start at.
var demoTimes = [][2]int{{8, 30}, {9, 0}, {9, 30}, {10, 0}, {10, 30}, {11, 0}, {11, 30}, {14, 0}, {14, 30}, {15, 0}, {15, 30}, {16, 0}}
