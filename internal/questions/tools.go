package questions

import (
	"embed"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

//go:embed tools_templates/*.html
var toolsTemplates embed.FS

// Tools serves the coordinators' tools around the questions: the import
// of existing FAQ collections and the reports.
type Tools struct {
	web *web.Server
	db  *db.DB
}

// ToolsDeps are what the tools need.
type ToolsDeps struct {
	Web *web.Server
	DB  *db.DB
}

// NewTools registers the tools' templates and navigation entry.
func NewTools(d ToolsDeps) (*Tools, error) {
	if err := d.Web.Templates(toolsTemplates, "tools_templates", "questionstools"); err != nil {
		return nil, err
	}
	d.Web.AddNav(web.NavEntry{Label: "Rapporti sulle domande", URL: reportsURL, Access: reportGate, Order: 46})
	return &Tools{web: d.Web, db: d.DB}, nil
}

// URLs of the tools.
const (
	importURL  = "/domande/importa"
	reportsURL = "/domande/rapporti"
)

// ImportRoles may import FAQ collections; ReportRoles may read the
// reports, which are aggregates only.
var (
	ImportRoles = []auth.Role{auth.RoleAdmin, auth.RoleQuestionCoordinator}
	ReportRoles = []auth.Role{auth.RoleAdmin, auth.RoleQuestionCoordinator, auth.RoleAnalyst}
)

// To everyone else the tools do not exist.
var (
	importGate = web.Access{Roles: ImportRoles, NotFound: true}
	reportGate = web.Access{Roles: ReportRoles, NotFound: true}
)

// Routes is the tools' route table.
func (t *Tools) Routes() []web.Route {
	r := func(method, pattern string, a web.Access, fn http.HandlerFunc) web.Route {
		return web.Route{Method: method, Pattern: pattern, Access: a, Handler: fn}
	}
	return []web.Route{
		r("GET", importURL, importGate, t.importForm),
		r("POST", importURL, importGate, t.importPreview),
		r("POST", importURL+"/conferma", importGate, t.importConfirm),
		r("GET", reportsURL, reportGate, t.reports),
		r("GET", reportsURL+"/export.csv", reportGate, t.reportsCSV),
		r("GET", reportsURL+"/export.xlsx", reportGate, t.reportsXLSX),
	}
}
