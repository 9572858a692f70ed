package home

import "github.com/crocevia/crocevia/internal/platform/auth"

// roleAreas says, for each role, what its holder does in the network: the
// text of the role's card on the dashboard (an Italian catalogue key).
var roleAreas = map[auth.Role]string{
	auth.RoleAdmin: "Gestisci le organizzazioni della rete, gli account e i ruoli, " +
		"e tieni sotto controllo il registro delle modifiche e la posta in uscita.",
	auth.RolePrefettura: "La Prefettura apre e finanzia i centri di accoglienza straordinaria (CAS), " +
		"ne verifica i servizi e guida il Consiglio territoriale per l'immigrazione.",
	auth.RoleInspector: "Verifichi per conto della Prefettura le strutture di accoglienza: condizioni materiali, " +
		"servizi alla persona, attenzione alle persone vulnerabili e ai minori.",
	auth.RoleFacilityManager: "Rappresenti l'ente gestore che conduce strutture di accoglienza " +
		"in convenzione con la Prefettura e ne rendiconta presenze e servizi.",
	auth.RoleServiceOperator: "Lavori in un servizio pubblico o privato che accoglie persone straniere: " +
		"anagrafe, sanità, servizi sociali, scuola, lavoro.",
	auth.RoleMediationCoordinator: "Coordini le richieste di mediazione linguistico-culturale dei servizi " +
		"e l'assegnazione dei mediatori, nel limite delle ore finanziate.",
	auth.RoleMediator: "Offri interpretariato e mediazione linguistico-culturale " +
		"al personale dei servizi pubblici, in presenza o a distanza.",
	auth.RoleQuestionCoordinator: "Smisti le domande degli operatori all'ufficio competente e all'esperto, " +
		"unisci i doppioni e segui i tempi di risposta.",
	auth.RoleExpert: "Metti a disposizione della rete competenze giuridiche e di ricerca " +
		"sull'immigrazione e sull'asilo.",
	auth.RoleValidator: "Validi per l'ufficio competente le risposte alle domande degli operatori " +
		"prima che vengano pubblicate.",
	auth.RoleEditor: "Curi la rivista online della rete: comunicati stampa, buone pratiche " +
		"e storie di inclusione dal territorio.",
	auth.RoleAnalyst: "Produci dati e ricerche sull'immigrazione in provincia, " +
		"sempre in forma aggregata e con i piccoli numeri oscurati.",
}

// RoleArea is the description of what role r does in the network.
func RoleArea(r auth.Role) string { return roleAreas[r] }
