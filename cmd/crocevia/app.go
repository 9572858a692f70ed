package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/riverqueue/river"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/jobs"
	"github.com/crocevia/crocevia/internal/platform/mail"
	"github.com/crocevia/crocevia/internal/platform/municipalities"
	"github.com/crocevia/crocevia/internal/platform/notify"
	"github.com/crocevia/crocevia/internal/platform/settings"
	"github.com/crocevia/crocevia/internal/platform/web"
	static "github.com/crocevia/crocevia/web"
)

// Main is the running platform: every service wired together. End-to-end
// tests build one on :0 and a temporary folder, exactly as `serve` does.
type Main struct {
	Config Config
	Log    *slog.Logger

	DB      *db.DB
	Auth    *auth.Store
	Web     *web.Server
	Jobs    *jobs.Queue
	Files   *files.Store
	Metrics *prometheus.Registry
	Workers *river.Workers
	// Notify is where modules post notifications; the header shows its count.
	Notify *notify.Service
	// ExtraWorkers, when set before Run, registers more job workers next to
	// the modules': end-to-end tests use it to watch jobs being worked.
	ExtraWorkers func(*river.Workers)

	periodic []*river.PeriodicJob
	// closers are the modules' background work to finish (and flush)
	// before the database closes.
	closers []io.Closer

	demo, synthetic atomic.Bool
	server          *http.Server
	listener        net.Listener
	jobsStarted     bool
}

// NewMain returns a Main with the given configuration and a logger writing
// to logOut.
func NewMain(cfg Config, logOut io.Writer) *Main {
	return &Main{Config: cfg, Log: newLogger(cfg, logOut)}
}

func newLogger(cfg Config, out io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "text" {
		return slog.New(slog.NewTextHandler(out, opts))
	}
	return slog.New(slog.NewJSONHandler(out, opts))
}

// Open connects to the database, brings the schema up to date, loads the
// reference data and builds every service. It does not listen yet.
func (m *Main) Open(ctx context.Context) error {
	if err := m.Config.validate(); err != nil {
		return err
	}
	d, err := db.Open(ctx, m.Config.DatabaseURL, m.Config.DataDir)
	if err != nil {
		return err
	}
	m.DB = d
	if err := migrateAll(ctx, d); err != nil {
		return err
	}
	if err := municipalities.Load(ctx, d); err != nil {
		return err
	}
	if err := inspections.EnsureDefaultChecklist(ctx, d); err != nil {
		return err
	}
	if m.Config.Demo {
		if err := loadDemo(ctx, m); err != nil {
			return err
		}
	}
	m.demo.Store(settings.Flag(ctx, d, settings.DemoData))
	m.synthetic.Store(settings.Flag(ctx, d, settings.SyntheticData))
	return m.build(ctx)
}

// migrateAll runs the platform's migrations and River's, then refuses a
// schema this binary does not know.
func migrateAll(ctx context.Context, d *db.DB) error {
	if err := d.Migrate(ctx); err != nil {
		return err
	}
	if err := jobs.Migrate(ctx, d); err != nil {
		return fmt.Errorf("migrate job queue: %w", err)
	}
	return d.CheckSchema(ctx)
}

// build wires the services and the web modules.
func (m *Main) build(ctx context.Context) error {
	cat, err := i18n.Load()
	if err != nil {
		return err
	}
	m.Auth = auth.NewStore(m.DB)
	m.Metrics = prometheus.NewRegistry()
	m.Metrics.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(m.DB.SQL(), "crocevia"), newJobCollector(m.DB))
	m.Notify = &notify.Service{DB: m.DB, BaseURL: m.Config.BaseURL, I18n: cat}
	m.Web, err = web.NewServer(web.Deps{
		Auth: m.Auth, I18n: cat, Log: m.Log, Static: static.Static(), Metrics: m.Metrics,
		TrustedProxies: m.Config.TrustedProxies, TLS: m.Config.TLSCert != "", MaxBody: m.Config.MaxUpload + 1<<20,
		Demo: m.demo.Load, Synthetic: m.synthetic.Load, UnreadCount: m.Notify.UnreadCount,
	})
	if err != nil {
		return err
	}
	m.Workers = river.NewWorkers()
	if err := m.registerModules(); err != nil {
		return err
	}
	river.AddWorker(m.Workers, &auth.PurgeWorker{Store: m.Auth})
	// Mail reaches SMTP only through the outbox sweeper (see mail.SweepArgs).
	mailJobs, err := mail.Register(m.Workers, m.DB, mail.SMTPConfig{Host: m.Config.SMTPHost, Port: m.Config.SMTPPort,
		User: m.Config.SMTPUser, Password: m.Config.SMTPPassword, From: m.Config.SMTPFrom, TLS: m.Config.SMTPTLS})
	if err != nil {
		return err
	}
	m.periodic = append(m.periodic, mailJobs...)
	if m.ExtraWorkers != nil {
		m.ExtraWorkers(m.Workers)
	}
	m.periodic = append(m.periodic, auth.PurgeJob())
	m.Jobs, err = jobs.Open(ctx, m.DB, jobs.Config{Workers: m.Workers, PeriodicJobs: m.periodic,
		Log: m.Log, PollInterval: m.Config.JobPoll})
	return err
}

// opsRoutes are the operator's endpoints: health and metrics.
func (m *Main) opsRoutes() []web.Route {
	return []web.Route{
		{Method: "GET", Pattern: "/healthz", Access: web.Public, Handler: m.healthz},
		{Method: "GET", Pattern: "/metrics", Access: web.Public, Handler: m.metrics},
	}
}

// metrics serves Prometheus only to the machine itself and to the networks
// in --metrics-allow: request counts by route are not for the public.
func (m *Main) metrics(w http.ResponseWriter, r *http.Request) {
	addr, err := netip.ParseAddr(web.From(r).ClientIP)
	allowed := err == nil && addr.Unmap().IsLoopback()
	for _, p := range m.Config.MetricsAllow {
		allowed = allowed || (err == nil && p.Contains(addr.Unmap()))
	}
	if !allowed {
		m.Web.NotFound(w, r)
		return
	}
	promhttp.HandlerFor(m.Metrics, promhttp.HandlerOpts{}).ServeHTTP(w, r)
}

func (m *Main) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := m.DB.Ping(ctx); err != nil {
		http.Error(w, "database unreachable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = io.WriteString(w, "ok\n")
}

// Run opens everything, starts the job workers and serves HTTP in the
// background. Addr tells the address actually bound (for :0).
func (m *Main) Run(ctx context.Context) error {
	if err := m.Open(ctx); err != nil {
		return err
	}
	if err := m.Jobs.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("start jobs: %w", err)
	}
	m.jobsStarted = true
	ln, err := net.Listen("tcp", m.Config.Addr)
	if err != nil {
		return err
	}
	m.listener = ln
	m.server = &http.Server{
		Handler: m.Web.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 2 * time.Minute,
		WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(m.Log.Handler(), slog.LevelWarn),
	}
	if m.Config.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(m.Config.TLSCert, m.Config.TLSKey)
		if err != nil {
			return fmt.Errorf("load TLS certificate: %w", err)
		}
		m.server.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
		ln = tls.NewListener(ln, m.server.TLSConfig)
	}
	go func() {
		if err := m.server.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.Log.Error("serve", "err", err)
		}
	}()
	return nil
}

// Addr is the address the server listens on.
func (m *Main) Addr() string {
	if m.listener == nil {
		return m.Config.Addr
	}
	return m.listener.Addr().String()
}

// URL is the base URL of the running server.
func (m *Main) URL() string {
	scheme := "http"
	if m.Config.TLSCert != "" {
		scheme = "https"
	}
	return scheme + "://" + m.Addr()
}

// Close stops serving (letting requests in flight finish), stops the job
// workers and closes the database.
func (m *Main) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var errs []error
	if m.server != nil {
		errs = append(errs, m.server.Shutdown(ctx))
	}
	if m.Jobs != nil && m.jobsStarted {
		errs = append(errs, m.Jobs.Stop(ctx))
	}
	for _, c := range m.closers {
		errs = append(errs, c.Close())
	}
	if m.DB != nil {
		errs = append(errs, m.DB.Close())
	}
	return errors.Join(errs...)
}

// banner is what `serve` prints once the server is up.
func (m *Main) banner(w io.Writer) {
	fmt.Fprintf(w, "Crocevia is listening on %s\n", m.URL())
	if m.demo.Load() {
		fmt.Fprintf(w, "Demo data loaded. Demo accounts (password %q):\n", demoPassword)
		for _, a := range demoAccounts {
			fmt.Fprintf(w, "  %-44s %s\n", a.Email(), a.Role.Label())
		}
	}
}
