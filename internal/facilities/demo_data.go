package facilities

type demoFacility struct {
	name     string
	system   SystemType
	typology Typology
	guests   []Guest
	address  string
	istat    string
	places   int
	body     string
	state    State // active when empty
	daysAgo  int   // since when the facility is in its state
}

var (
	men      = []Guest{"men"}
	women    = []Guest{"women", "vulnerable"}
	families = []Guest{"families", "women", "minors"}
	minors   = []Guest{"minors"}
)

// demoFacilities are fictitious facilities at plausible addresses.
var demoFacilities = []demoFacility{
	{"Appartamento Via Dante", SystemCAS, "apartment", men, "Via Dante Alighieri 41", "006003", 6, "coop-ponte", "", 900},
	{"Appartamento Corso Roma", SystemCAS, "apartment", men, "Corso Roma 112", "006003", 5, "coop-ponte", "", 820},
	{"Centro Cristo", SystemCAS, "collective", men, "Corso Acqui 250", "006003", 60, "coop-ponte", "", 1200},
	{"Casa Pista Vecchia", SystemCAS, "apartment", families, "Via Pistoia 8", "006003", 8, "coop-ponte", "", 600},
	{"Appartamento Via Marengo", SystemCAS, "apartment", women, "Via Marengo 77", "006003", 6, "coop-ponte", StateSuspended, 40},
	{"Residenza Spalto Borgoglio", SystemCAS, "hotel", men, "Spalto Borgoglio 53", "006003", 35, "coop-orizzonte", "", 700},
	{"Comunità Il Germoglio", SystemMSNA1, "collective", minors, "Via Casalbagliano 12", "006003", 20, "coop-ponte", "", 500},
	{"Appartamento Via Galimberti", SystemCAS, "apartment", men, "Via Galimberti 19", "006003", 5, "coop-orizzonte", StateClosed, 90},
	{"Appartamento Via Mameli", SystemCAS, "apartment", families, "Via Mameli 6", "006039", 7, "coop-approdo", "", 1000},
	{"Centro Valentino", SystemCAS, "collective", men, "Strada Valenza 4", "006039", 45, "coop-approdo", "", 1100},
	{"Appartamento Via Roma", SystemCAS, "apartment", men, "Via Roma 190", "006039", 6, "coop-approdo", "", 760},
	{"Casa Sant'Evasio", SystemSAI, "apartment", families, "Via Lanza 22", "006039", 10, "coop-approdo", "", 1300},
	{"Appartamento Corso Indipendenza", SystemCAS, "apartment", women, "Corso Indipendenza 15", "006039", 5, "coop-approdo", StateVerification, 12},
	{"Ex caserma Nino Bixio", SystemCAS, "barracks", men, "Piazza Castello 1", "006039", 80, "coop-approdo", StateClosed, 200},
	{"Appartamento Via Verdi", SystemCAS, "apartment", men, "Via Giuseppe Verdi 30", "006114", 6, "coop-orizzonte", "", 640},
	{"Centro Pieve", SystemCAS, "collective", men, "Via Pietro Isola 60", "006114", 40, "coop-orizzonte", "", 950},
	{"Appartamento Via Garibaldi", SystemCAS, "apartment", families, "Via Garibaldi 88", "006114", 7, "coop-ponte", "", 420},
	{"Casa Mazzini", SystemMSNA2, "apartment", minors, "Via Mazzini 14", "006114", 8, "coop-orizzonte", "", 380},
	{"Appartamento Via Emilia", SystemCAS, "apartment", men, "Via Emilia 205", "006174", 6, "coop-ponte", "", 700},
	{"Centro San Bernardino", SystemCAS, "collective", men, "Corso Alessandria 70", "006174", 50, "coop-ponte", "", 1050},
	{"Appartamento Via Carducci", SystemCAS, "apartment", women, "Via Carducci 3", "006174", 5, "coop-ponte", StateProposed, 5},
	{"Residenza Corso Montebello", SystemCAS, "hotel", families, "Corso Montebello 12", "006174", 25, "coop-orizzonte", StateSuspended, 60},
	{"Appartamento Corso Bagni", SystemCAS, "apartment", men, "Corso Bagni 140", "006001", 6, "assoc-mondo", "", 880},
	{"Centro Bollente", SystemCAS, "collective", men, "Via Nizza 52", "006001", 30, "assoc-mondo", "", 990},
	{"Appartamento Via Moriondo", SystemCAS, "apartment", families, "Via Moriondo 9", "006001", 8, "assoc-mondo", "", 300},
	{"Appartamento Viale Dante", SystemCAS, "apartment", men, "Viale Dante 27", "006177", 6, "coop-approdo", "", 710},
	{"Casa Valenza Po", SystemCAS, "apartment", women, "Via Cavallotti 44", "006177", 6, "coop-approdo", StateProposed, 3},
	{"Appartamento Via Torino", SystemCAS, "apartment", men, "Via Torino 61", "006121", 6, "assoc-mondo", "", 650},
	{"Centro Ovada Accoglie", SystemCAS, "collective", men, "Via Novi 18", "006121", 25, "assoc-mondo", "", 800},
	{"Appartamento Via Berthoud", SystemCAS, "apartment", families, "Via Berthoud 5", "006160", 8, "coop-orizzonte", "", 560},
	{"Appartamento Via Interiano", SystemCAS, "apartment", men, "Via Interiano 31", "006009", 6, "coop-orizzonte", "", 520},
	{"Appartamento Via Solferino", SystemCAS, "apartment", men, "Via Solferino 10", "006053", 5, "coop-ponte", "", 480},
	{"Casa Pozzolo", SystemCAS, "apartment", families, "Via Roma 35", "006138", 7, "coop-ponte", StateVerification, 20},
	{"Appartamento Gavi", SystemCAS, "apartment", men, "Via Mameli 2", "006081", 6, "coop-orizzonte", "", 450},
	{"Appartamento Castellazzo", SystemCAS, "apartment", men, "Via XX Settembre 17", "006047", 5, "coop-ponte", "", 610},
	{"Appartamento San Salvatore", SystemCAS, "apartment", women, "Via Panza 4", "006154", 5, "coop-approdo", "", 540},
	{"Appartamento Sale", SystemCAS, "apartment", men, "Via Manzoni 23", "006151", 6, "coop-ponte", "", 590},
	{"Comunità Pontecurone", SystemMSNA1, "apartment", minors, "Via Emilia 40", "006132", 10, "coop-orizzonte", "", 330},
	{"Appartamento Cassine", SystemCAS, "apartment", men, "Via Alessandria 11", "006043", 5, "assoc-mondo", "", 505},
	{"Casa Bosco Marengo", SystemCAS, "other", families, "Piazza Santa Croce 3", "006021", 24, "coop-ponte", "", 740},
}

type demoContract struct {
	cig         string
	procedure   Procedure
	capitolato  Capitolato
	lot         string
	body        string
	amount      int64
	price       int64
	places      int
	part, parts int // which share of the body's facilities it covers
}

var demoContracts = []demoContract{
	{"A1B2C3D4E5", "open", "2021", "Lotto 1 - appartamenti", "coop-ponte", 245000000, 2950, 120, 0, 2},
	{"B7C8D9E0F1", "open", "2024", "Lotto 2 - centri collettivi", "coop-ponte", 312000000, 2790, 140, 1, 2},
	{"C2D3E4F5A6", "negotiated", "2021", "Lotto 3", "coop-approdo", 198000000, 3150, 90, 0, 1},
	{"D9E8F7A6B5", "open", "2024", "Lotto 4", "coop-orizzonte", 215000000, 3290, 100, 0, 1},
	{"E4F5A6B7C8", "direct", "2024", "", "assoc-mondo", 96000000, 3580, 50, 0, 1},
}
