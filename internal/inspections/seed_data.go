package inspections

// Penalty codes of the default checklist, matching the grid most contracts
// in the province use:
// P01 idoneità e sicurezza della struttura, P02 igiene e pulizia,
// P03 registro, presenze e rendicontazione, P04 vitto, P05 beni di prima
// necessità, P06 pocket money, P07 scheda telefonica, P08 mediazione e
// informazione, P09 assistenza sanitaria, P10 servizi di integrazione,
// P11 personale, P12 tutela delle persone vulnerabili e dei minori.
const (
	preCap2024  = "2017,2019,2021"
	msna        = "msna1,msna2"
	collectives = "barracks,collective,hotel"
	art20       = "art. 20 d.lgs. 142/2015"
	dm2021      = "DM 22 luglio 2021"
	capServices = "Capitolato, specifiche tecniche: servizi di assistenza generica alla persona"
)

var defaultChecklist = []seedSection{
	{"Struttura, igiene e sicurezza", []seedItem{
		{text: "Certificato di agibilità o idoneità abitativa dei locali presente e coerente con la capienza autorizzata.", basis: dm2021, severity: Critical, penalty: "P01", evidence: true},
		{text: "Certificato di prevenzione incendi o SCIA antincendio in corso di validità.", basis: "DPR 151/2011; " + dm2021, severity: Critical, penalty: "P01", evidence: true, typologies: collectives},
		{text: "Estintori presenti, segnalati e con verifica periodica annotata nel registro antincendio.", basis: "d.lgs. 81/2008; " + dm2021, severity: High, penalty: "P01", evidence: true},
		{text: "Uscite di emergenza libere, segnalate e apribili a spinta; planimetrie di evacuazione esposte.", basis: "d.lgs. 81/2008; " + dm2021, severity: High, penalty: "P01", evidence: true, typologies: collectives},
		{text: "Impianto di riscaldamento funzionante e temperatura adeguata negli ambienti abitati.", basis: dm2021, severity: High, penalty: "P01"},
		{text: "Impianti elettrici e del gas con dichiarazione di conformità.", basis: "DM 37/2008; " + dm2021, severity: High, penalty: "P01", evidence: true},
		{text: "Servizi igienici funzionanti e in numero adeguato agli ospiti secondo il rapporto previsto dagli standard.", basis: dm2021, severity: Medium, penalty: "P02", evidence: true},
		{text: "Camere con superficie e posti letto conformi agli standard; letti, materassi e armadietti personali in buono stato.", basis: dm2021, severity: Medium, penalty: "P01"},
		{text: "Unità dei nuclei familiari rispettata e alloggi separati per genere.", basis: "art. 10 d.lgs. 142/2015", severity: High, penalty: "P01"},
		{text: "Pulizia quotidiana di ambienti comuni e servizi igienici, documentata nel registro delle pulizie.", basis: dm2021 + "; capitolato", severity: Medium, penalty: "P02"},
		{text: "Cucina e locali per i pasti puliti; procedure HACCP applicate e documentate.", basis: "Reg. CE 852/2004; " + dm2021, severity: High, penalty: "P02", evidence: true},
		{text: "Disinfestazione e derattizzazione periodiche documentate.", basis: dm2021, severity: Medium, penalty: "P02", evidence: true},
	}},
	{"Registro degli ospiti e presenze", []seedItem{
		{text: "Registro delle presenze aggiornato ogni giorno e conservato nella struttura.", basis: art20 + "; capitolato", severity: High, penalty: "P03", evidence: true},
		{text: "Fogli firma giornalieri sottoscritti dagli ospiti presenti.", basis: "Capitolato, rendicontazione delle presenze", severity: High, penalty: "P03", evidence: true},
		{text: "Ospiti contati in struttura corrispondenti ai presenti dichiarati nel registro del giorno.", basis: art20, severity: Critical, penalty: "P03"},
		{text: "Ingressi, uscite e allontanamenti ingiustificati comunicati tempestivamente alla Prefettura.", basis: "art. 23 d.lgs. 142/2015; capitolato", severity: High, penalty: "P03"},
		{text: "Fascicolo personale di ogni ospite con documenti, permesso di soggiorno e ricevute delle consegne.", basis: "Capitolato, documentazione", severity: Medium, penalty: "P03", evidence: true},
	}},
	{"Condizioni materiali di accoglienza", []seedItem{
		{text: "Pasti adeguati per quantità e qualità e rispettosi dei precetti religiosi degli ospiti.", basis: "art. 10 d.lgs. 142/2015; capitolato, fornitura pasti", severity: High, penalty: "P04"},
		{text: "Diete per motivi sanitari garantite su prescrizione medica.", basis: "Capitolato, fornitura pasti", severity: High, penalty: "P04", evidence: true},
		{text: "Kit di primo ingresso (effetti letterecci, prodotti per l'igiene personale) consegnato con ricevuta firmata.", basis: "Capitolato, beni di prima necessità", severity: Medium, penalty: "P05", evidence: true},
		{text: "Vestiario adeguato alla stagione fornito e reintegrato secondo necessità, con ricevuta firmata.", basis: "Capitolato, beni di prima necessità", severity: Medium, penalty: "P05", evidence: true},
		{text: "Pocket money di 2,50 euro al giorno erogato con ricevute firmate dagli ospiti.", basis: "Capitolato, pocket money", severity: High, penalty: "P06", evidence: true},
		{text: "Scheda telefonica consegnata all'ingresso con ricevuta firmata.", basis: "Capitolato, beni di prima necessità", severity: Medium, penalty: "P07", evidence: true},
	}},
	{"Servizi alla persona", []seedItem{
		{text: "Mediazione linguistico-culturale garantita nelle ore previste dal contratto.", basis: capServices, severity: High, penalty: "P08", evidence: true},
		{text: "Informazione sulla procedura di protezione internazionale, sui diritti e doveri e sulle regole della struttura, in una lingua comprensibile all'ospite.", basis: "artt. 3 e 10 d.lgs. 142/2015", severity: High, penalty: "P08"},
		{text: "Iscrizione al Servizio sanitario nazionale e scelta del medico di medicina generale effettuate.", basis: "art. 21 d.lgs. 142/2015; art. 34 d.lgs. 286/1998", severity: High, penalty: "P09", evidence: true},
		{text: "Visita medica all'ingresso e accompagnamento alle visite e cure necessarie.", basis: "art. 21 d.lgs. 142/2015; capitolato", severity: Medium, penalty: "P09"},
		{text: "Supporto psicologico garantito agli ospiti che ne hanno bisogno.", basis: capServices, severity: Medium, penalty: "P10", capitolati: preCap2024},
		{text: "Orientamento e informazione legale, compresa la preparazione all'audizione in Commissione territoriale.", basis: capServices, severity: High, penalty: "P10", capitolati: preCap2024},
		{text: "Corsi di lingua italiana attivi e frequentati, con registro delle presenze.", basis: capServices, severity: Medium, penalty: "P10", evidence: true, capitolati: preCap2024},
	}},
	{"Persone vulnerabili e minori", []seedItem{
		{text: "Screening della vulnerabilità svolto all'ingresso e annotato nel fascicolo, senza formulare diagnosi.", basis: "art. 17 d.lgs. 142/2015", severity: High, penalty: "P12"},
		{text: "Persone con esigenze particolari inviate ai servizi specialistici, con riscontro documentato.", basis: "art. 17 d.lgs. 142/2015", severity: High, penalty: "P12", evidence: true},
		{text: "Minori stranieri non accompagnati alloggiati in spazi separati dagli adulti.", basis: "art. 19 d.lgs. 142/2015; L. 47/2017", severity: Critical, penalty: "P12", systems: msna},
		{text: "Presenza del minore segnalata al Tribunale per i minorenni per la nomina del tutore.", basis: "art. 19 d.lgs. 142/2015; L. 47/2017", severity: High, penalty: "P12", evidence: true, systems: msna},
		{text: "Permanenza in prima accoglienza non oltre i 45 giorni.", basis: "art. 19 d.lgs. 142/2015", severity: High, penalty: "P12", systems: "msna1"},
		{text: "Minori iscritti a scuola o a percorsi di istruzione.", basis: "art. 21 d.lgs. 142/2015", severity: Medium, penalty: "P12", systems: msna},
	}},
	{"Personale", []seedItem{
		{text: "Personale in servizio corrispondente per numero, qualifiche e ore alla tabella del contratto.", basis: "Capitolato, tabella del personale", severity: High, penalty: "P11", evidence: true},
		{text: "Operatore presente in struttura nelle fasce orarie previste, compresa la notte dove richiesta.", basis: "Capitolato, tabella del personale", severity: High, penalty: "P11"},
	}},
	{"Contabilità", []seedItem{
		{text: "Fatture coerenti con le giornate di presenza effettiva registrate.", basis: art20 + "; capitolato, rendicontazione", severity: Critical, penalty: "P03", evidence: true},
		{text: "Spese per pocket money, kit e schede telefoniche rendicontate con i giustificativi.", basis: "Capitolato, rendicontazione", severity: Medium, penalty: "P06", evidence: true},
	}},
	{"Misure di prevenzione", []seedItem{
		{text: "Piano di emergenza ed evacuazione aggiornato, con prove di evacuazione svolte e registrate.", basis: "d.lgs. 81/2008; " + dm2021, severity: Medium, penalty: "P01", evidence: true},
		{text: "Regolamento della struttura tradotto nelle lingue degli ospiti ed esposto; patto di accoglienza firmato.", basis: "art. 10 d.lgs. 142/2015; capitolato", severity: Low, penalty: "P08"},
		{text: "Eventi critici annotati in un registro e comunicati tempestivamente alla Prefettura.", basis: art20 + "; capitolato", severity: Medium, penalty: "P03"},
	}},
}
