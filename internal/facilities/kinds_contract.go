package facilities

// Procedure is how a contract was awarded.
type Procedure string

var procedures = []choice{
	{"open", "Procedura aperta"},
	{"negotiated", "Procedura negoziata"},
	{"direct", "Affidamento diretto"},
	{"other", "Altra procedura"},
}

func (p Procedure) Label() string { return labelOf(procedures, string(p)) }
func (p Procedure) Valid() bool   { return valid(procedures, string(p)) }

// Capitolato is the version of the ministry's contract template.
type Capitolato string

var capitolati = []choice{{"2017", "Capitolato 2017"}, {"2019", "Capitolato 2019"}, {"2021", "Capitolato 2021"}, {"2024", "Capitolato 2024"}}

func (c Capitolato) Label() string { return labelOf(capitolati, string(c)) }
func (c Capitolato) Valid() bool   { return valid(capitolati, string(c)) }

// Basis is how a penalty of the grid is computed.
type Basis string

// Penalty bases.
const (
	BasisFixed    Basis = "fixed"
	BasisPerDay   Basis = "per_day"
	BasisPerGuest Basis = "per_guest"
	BasisPerMille Basis = "per_mille"
)

var bases = []choice{
	{string(BasisFixed), "Importo fisso"},
	{string(BasisPerDay), "Per giorno"},
	{string(BasisPerGuest), "Per ospite"},
	{string(BasisPerMille), "Per mille del valore del contratto"},
}

func (b Basis) Label() string { return labelOf(bases, string(b)) }
func (b Basis) Valid() bool   { return valid(bases, string(b)) }
