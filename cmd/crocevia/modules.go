package main

import (
	"context"
	"net/url"

	"github.com/crocevia/crocevia/internal/account"
	"github.com/crocevia/crocevia/internal/admin"
	"github.com/crocevia/crocevia/internal/api"
	"github.com/crocevia/crocevia/internal/contestations"
	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/home"
	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/mediation"
	"github.com/crocevia/crocevia/internal/monitoring"
	"github.com/crocevia/crocevia/internal/platform/apitoken"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/notify"
	"github.com/crocevia/crocevia/internal/platform/web"
	"github.com/crocevia/crocevia/internal/presences"
	"github.com/crocevia/crocevia/internal/questions"
)

// registerModules builds every room and adds its routes, navigation and
// job workers. This is the one place the rooms meet.
func (m *Main) registerModules() error {
	hm, err := home.New(home.Deps{Web: m.Web, DB: m.DB, BaseURL: m.Config.BaseURL})
	if err != nil {
		return err
	}
	acc, err := account.New(account.Deps{Web: m.Web, Auth: m.Auth, Demo: m.demo.Load,
		BaseURL: m.Config.BaseURL, OIDC: m.oidcConfig()})
	if err != nil {
		return err
	}
	mods := []web.Module{hm, acc}
	// [admin]
	adm, err := admin.New(admin.Deps{Web: m.Web, Auth: m.Auth, BaseURL: m.Config.BaseURL})
	if err != nil {
		return err
	}
	mods = append(mods, adm)
	// [notify]
	nt, err := notify.New(m.Web, m.Notify)
	if err != nil {
		return err
	}
	mods = append(mods, nt)
	// [files]
	m.Files, err = files.New(m.DB, files.Config{Backend: m.Config.FileStore, DataDir: m.Config.DataDir, MaxSize: m.Config.MaxUpload})
	if err != nil {
		return err
	}
	mods = append(mods, &files.Handler{Store: m.Files, Web: m.Web})
	m.periodic = append(m.periodic, files.SweepJob(m.Workers, m.Files))
	// [inspections]
	insp, err := inspections.New(inspections.Deps{Web: m.Web, DB: m.DB, Files: m.Files})
	if err != nil {
		return err
	}
	mods = append(mods, insp)
	// [contestations]
	cont, err := contestations.New(contestations.Deps{Web: m.Web, DB: m.DB, Files: m.Files, Notify: m.Notify})
	if err != nil {
		return err
	}
	mods = append(mods, cont)
	// [questions] the logged-in workflow of Medi-AL
	qflow, err := questions.New(questions.Deps{Web: m.Web, DB: m.DB, Files: m.Files, Notify: m.Notify})
	if err != nil {
		return err
	}
	mods = append(mods, qflow)
	m.periodic = append(m.periodic, questions.ReviewJob(m.Workers, qflow.Store()))
	// [mediation] requests, mediators, calendars and the budget of hours.
	med, err := mediation.New(mediation.Deps{Web: m.Web, DB: m.DB, Notify: m.Notify})
	if err != nil {
		return err
	}
	mods = append(mods, med)
	// [facilities]
	fac, err := facilities.New(facilities.Deps{Web: m.Web, Auth: m.Auth})
	if err != nil {
		return err
	}
	mods = append(mods, fac)
	fac.AddRelated(facilityPages()...)
	// [presences]
	pres, err := presences.New(presences.Deps{Web: m.Web, DB: m.DB})
	if err != nil {
		return err
	}
	mods = append(mods, pres)
	// [monitoring] reads the other rooms' tables; the Prefettura's
	// dashboard counts every open contestation.
	mon, err := monitoring.New(monitoring.Deps{Web: m.Web, DB: m.DB,
		MapTiles: m.Config.MapTiles, MapAttribution: m.Config.MapAttribution,
		OpenContestations: func(ctx context.Context) (int, error) {
			return cont.Store().OpenCount(ctx, contestations.Scope{All: true})
		}})
	if err != nil {
		return err
	}
	mods = append(mods, mon)
	// [questions tools] FAQ import and reports.
	qtools, err := questions.NewTools(questions.ToolsDeps{Web: m.Web, DB: m.DB})
	if err != nil {
		return err
	}
	mods = append(mods, qtools)
	// [faq] the public FAQ of the questions: anonymous, cached in memory.
	faq, err := questions.NewFAQ(questions.FAQDeps{Web: m.Web, DB: m.DB, BaseURL: m.Config.BaseURL})
	if err != nil {
		return err
	}
	mods = append(mods, faq)
	m.closers = append(m.closers, faq) // flushes the view counts it batches
	// [api]
	tokens := &apitoken.Store{DB: m.DB}
	tok, err := apitoken.New(apitoken.Deps{Web: m.Web, Auth: m.Auth, Store: tokens})
	if err != nil {
		return err
	}
	jsonAPI, err := api.New(api.Deps{Web: m.Web, DB: m.DB, Tokens: tokens})
	if err != nil {
		return err
	}
	mods = append(mods, tok, jsonAPI)
	for _, mod := range mods {
		m.Web.Handle(mod.Routes()...)
	}
	m.Web.Handle(m.opsRoutes()...)
	return nil
}

// facilityPages are the other rooms' pages about one facility, linked
// from its registry page.
func facilityPages() []facilities.Related {
	return []facilities.Related{
		{Label: "Presenze giornaliere", URL: func(f *facilities.Facility) string { return "/presenze/" + f.Code }},
		{Label: "Ispezioni", Roles: inspections.InspectionRoles,
			URL: func(f *facilities.Facility) string { return "/ispezioni?codice=" + url.QueryEscape(f.Code) }},
		{Label: "Azioni correttive e andamento della conformità", Roles: inspections.ActionRoles,
			URL: func(f *facilities.Facility) string { return "/azioni-correttive?facility=" + url.QueryEscape(f.Code) }},
	}
}

// oidcConfig is the OpenID Connect login's configuration, nil when no
// issuer is configured.
func (m *Main) oidcConfig() *account.OIDCConfig {
	c := m.Config
	if c.OIDCIssuer == "" {
		return nil
	}
	return &account.OIDCConfig{Issuer: c.OIDCIssuer, ClientID: c.OIDCClientID, ClientSecret: c.OIDCClientSecret,
		Claim: c.OIDCClaim, RedirectURL: c.BaseURL + "/login/oidc/callback"}
}

// demoSeeders are the modules' demo data loaders, run after the platform's.
func (m *Main) demoSeeders() []demo.Seeder {
	return []demo.Seeder{facilities.DemoSeed, presences.DemoSeed, presences.DemoSeedInvoices, inspections.DemoSeed,
		contestations.DemoSeed, questions.DemoSeed, mediation.DemoSeed}
}

// nationalSeeders are the modules' national-scale synthetic data loaders.
// The registry's comes first: the others load its facilities.
func (m *Main) nationalSeeders() []demo.NationalSeeder {
	return []demo.NationalSeeder{facilities.NationalSeedAt(nationalScale), presences.NationalSeedAt(nationalScale),
		inspections.NationalSeedAt(nationalScale), questions.NationalSeedAt(nationalQuestions()),
		mediation.NationalSeedAt(nationalMediation())}
}

// nationalScale is the size `demo --scale national` loads; the command's
// test swaps in a small country.
var nationalScale = demo.National

// nationalQuestions is how many published Q&As the national load adds:
// 100,000 at the national scale, proportionally fewer when a test swaps
// in a smaller country.
func nationalQuestions() int {
	return questions.NationalQuestions * nationalScale.Facilities / demo.National.Facilities
}

// nationalMediation is the mediation the national load adds: 500
// mediators and 200,000 requests at the national scale, proportionally
// fewer when a test swaps in a smaller country.
func nationalMediation() mediation.NationalSize {
	f, all := nationalScale.Facilities, demo.National.Facilities
	return mediation.NationalSize{Mediators: max(10, mediation.National.Mediators*f/all),
		Requests: mediation.National.Requests * f / all}
}
