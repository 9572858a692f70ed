package questions

// demoOther is a demo question that is not (or no longer) published.
type demoOther struct {
	state State
	demoQA
}

// demoOthers are the questions in every other state: two or three per
// state, across the topics. Those past the draft carry an answer.
var demoOthers = []demoOther{
	{Submitted, demoQA{topic: "salute", title: "Tessera sanitaria scaduta e prenotazione di una visita",
		body: "Un ospite ha la tessera sanitaria scaduta insieme al permesso: può prenotare una visita specialistica con la ricevuta del rinnovo?"}},
	{Submitted, demoQA{topic: "scuola", title: "Iscrizione all'esame di terza media da privatista",
		body: "Una ragazza di 17 anni ospite di una comunità vuole sostenere l'esame di terza media: come si iscrive?"}},
	{Triage, demoQA{topic: "permessi", title: "Duplicato del permesso di soggiorno smarrito",
		body: "Un lavoratore ha smarrito il permesso di soggiorno: oltre alla denuncia, quali documenti servono per il duplicato?"}},
	{Triage, demoQA{topic: "anagrafe", title: "Cambio di residenza all'interno dello stesso Comune",
		body: "Una famiglia ospite di un progetto SAI si trasferisce in un alloggio autonomo a Casale Monferrato: come comunica il cambio di indirizzo?"}},
	{Triage, demoQA{topic: "altro", title: "Rilascio della carta d'identità elettronica allo straniero",
		body: "Il Comune può rilasciare la carta d'identità a un cittadino straniero residente con permesso in rinnovo?"}},
	{Assigned, demoQA{topic: "lavoro", title: "Lavoro stagionale e permesso pluriennale",
		body: "Un lavoratore stagionale che torna ogni anno nelle vigne del Monferrato può ottenere un permesso pluriennale?"}},
	{Assigned, demoQA{topic: "ricongiungimento", title: "Ricongiungimento con il genitore ultrasessantacinquenne",
		body: "Un operatore chiede se è possibile il ricongiungimento con la madre di 68 anni che vive in Perù con altri figli."}},
	{Assigned, demoQA{topic: "asilo", title: "Reiterazione della domanda di protezione",
		body: "Un ospite con diniego definitivo vuole presentare una nuova domanda per fatti nuovi: quali rischi corre?"}},
	{NeedsInfo, demoQA{topic: "accoglienza", title: "Uscita dal CAS per un contratto di lavoro fuori provincia",
		body: "Un ospite ha un contratto a Genova: deve lasciare il posto in accoglienza?"}},
	{NeedsInfo, demoQA{topic: "cittadinanza", title: "Reddito insufficiente in un anno del triennio",
		body: "Una richiedente la cittadinanza ha avuto un anno con reddito sotto soglia per maternità: la domanda è a rischio?"}},
	{Drafted, demoQA{topic: "salute", title: "Vaccinazioni obbligatorie per i minori appena arrivati",
		body:   "Un minore arrivato dalla Tunisia non ha il libretto delle vaccinazioni: cosa prevede l'ASL?",
		answer: "L'ASL ricostruisce la storia vaccinale o, in mancanza di documentazione, offre il calendario di recupero previsto per l'età; per l'iscrizione a scuola basta la prenotazione delle vaccinazioni.",
		refs:   "D.L. 73/2017|art. 1||" + nrm}},
	{Drafted, demoQA{topic: "lavoro", title: "Lavoro domestico e contributi INPS",
		body:   "Una famiglia vuole assumere una badante con permesso per lavoro: quali adempimenti ha?",
		answer: "La famiglia comunica l'assunzione all'INPS entro il giorno precedente, versa i contributi trimestrali e consegna la lettera di assunzione secondo il contratto collettivo del lavoro domestico.",
		refs:   "L. 339/1958|||;" + tuImm + "|art. 22||"}},
	{Drafted, demoQA{topic: "permessi", title: "Permesso per cure mediche e familiari accompagnatori",
		body:   "Un familiare che accompagna un malato in cura in Italia può avere un permesso?",
		answer: "Il permesso per cure mediche può essere rilasciato anche all'accompagnatore, per la durata delle cure, su richiesta alla Questura con la documentazione sanitaria.",
		refs:   tuImm + "|art. 36||" + nrm}},
	{Validation, demoQA{topic: "anagrafe", title: "Cancellazione anagrafica per irreperibilità",
		body:   "Un ospite uscito dal CAS non si trova più: quando il Comune lo cancella dall'anagrafe?",
		answer: "La cancellazione per irreperibilità segue accertamenti ripetuti nell'arco di almeno un anno; per lo straniero la mancata rinnovazione della dichiarazione di dimora comporta la cancellazione dopo sei mesi dalla scadenza del permesso, previo avviso.",
		refs:   anagr + "|art. 11||" + nrm}},
	{Validation, demoQA{topic: "scuola", title: "Borse di studio universitarie per titolari di protezione",
		body:   "Un rifugiato può partecipare al bando per le borse di studio dell'ente regionale per il diritto allo studio?",
		answer: "Sì: i titolari di protezione internazionale accedono ai benefici per il diritto allo studio alle stesse condizioni degli studenti italiani; per il reddito si considera la condizione dichiarata in Italia.",
		refs:   "D.Lgs. 251/2007|art. 26||" + nrm}},
	{Validation, demoQA{topic: "ricongiungimento", title: "Coesione familiare del familiare già presente in Italia",
		body:   "La moglie è entrata con visto turistico: può chiedere un permesso per motivi familiari senza uscire dall'Italia?",
		answer: "Sì, con la coesione familiare: il familiare regolarmente soggiornante in possesso dei requisiti per il ricongiungimento chiede alla Questura il permesso per motivi familiari entro un anno dalla scadenza del titolo di soggiorno.",
		refs:   tuImm + "|art. 30, c. 1, lett. c)||" + nrm}},
	{Rejected, demoQA{topic: "altro", title: "Informazioni su un caso personale di un ospite",
		body:   "Vorrei sapere a che punto è la pratica del signor A., nato il 3 marzo 1994.",
		answer: ""}},
	{Rejected, demoQA{topic: "accoglienza", title: "Richiesta di contatti di un ex ospite",
		body: "Un parente chiede il numero di telefono di un ex ospite del centro."}},
	{Archived, demoQA{topic: "permessi", title: "Kit postale: compilazione del modulo 1",
		body:   "Nel kit postale quale modulo si compila per il rinnovo del permesso per lavoro?",
		answer: "Per il rinnovo si compila il modulo 1 del kit; il modulo 2 serve solo per alcuni permessi. Le istruzioni sono allegate al kit.",
		refs:   regImm + "|art. 13||"}},
	{Superseded, demoQA{topic: "asilo", title: "Protezione umanitaria: rinnovo dei vecchi permessi",
		body:   "I vecchi permessi per motivi umanitari si possono ancora rinnovare?",
		answer: "I permessi umanitari rilasciati prima del D.L. 113/2018 alla scadenza sono valutati per il rilascio di un permesso di altro tipo, tra cui la protezione speciale.",
		refs:   "D.L. 113/2018|art. 1, c. 9||" + nrm}},
}

// demoRevisions are new versions, awaiting validation, of three
// published answers (by index in demoPublished).
var demoRevisions = map[int]string{
	0:  "Il rinnovo si chiede prima della scadenza, di norma almeno 60 giorni prima, con il kit postale o, dove attivo, con l'appuntamento online della Questura. Servono passaporto, copia del permesso, contratto di lavoro, ultime buste paga e idoneità alloggiativa. La ricevuta consente di continuare a lavorare fino alla decisione.",
	4:  "La domanda si presenta alla Polizia di frontiera o alla Questura, che registra la manifestazione di volontà e verbalizza la domanda entro tre giorni lavorativi (sei se si presenta alla frontiera). Dalla verbalizzazione si rilascia il permesso per richiesta asilo, valido sei mesi e rinnovabile.",
	32: "Dopo dieci anni di residenza legale ininterrotta, con redditi sufficienti negli ultimi tre anni, assenza di condanne ostative e conoscenza della lingua italiana di livello B1. La domanda si presenta online al Ministero dell'Interno; il termine per la decisione è di 24 mesi, prorogabile fino a 36.",
}
