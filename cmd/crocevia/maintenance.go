package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/jobs"
	"github.com/prometheus/client_golang/prometheus"
)

// cmdBackup writes a consistent copy of the SQLite database with VACUUM
// INTO, which reads one snapshot while the server keeps writing.
func cmdBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, fs, err := parseFlags("backup", args, stderr, nil)
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, "usage: crocevia backup [--data DIR] OUT\n")
		return errUsage
	}
	out, err := filepath.Abs(fs.Arg(0))
	if err != nil {
		return err
	}
	if db.IsPostgresURL(cfg.DatabaseURL) {
		return errors.New("backup copies the SQLite database; for PostgreSQL use pg_dump")
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s already exists: choose a new file", out)
	}
	d, err := db.Open(ctx, "", cfg.DataDir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.CheckSchema(ctx); err != nil {
		return err
	}
	if _, err := d.ExecContext(ctx, `VACUUM INTO ?`, out); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(stdout, "backup written to %s\n", out)
	return nil
}

func cmdDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var scale string
	cfg, _, err := parseFlags("demo", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&scale, "scale", "", `"national" adds synthetic national-scale data for benchmarks`)
	})
	if err != nil {
		return err
	}
	if scale != "" && scale != "national" {
		return fmt.Errorf("unknown --scale %q: the only scale is national", scale)
	}
	m := NewMain(cfg, stderr)
	m.Config.Demo = true
	if err := m.Open(ctx); err != nil {
		return err
	}
	defer m.Close()
	if scale == "national" {
		if err := loadNational(ctx, m, stdout); err != nil {
			return err
		}
	}
	fmt.Fprintln(stdout, "demo data loaded")
	return nil
}

// loadDemo loads the province's demo data on first start.
func loadDemo(ctx context.Context, m *Main) error {
	loaded, err := demo.Load(ctx, m.DB, m.demoSeeders()...)
	if loaded {
		m.Log.Info("demo data loaded")
	}
	return err
}

// loadNational adds the synthetic national-scale data.
func loadNational(ctx context.Context, m *Main, out io.Writer) error {
	return demo.LoadNational(ctx, m.DB, out, m.nationalSeeders()...)
}

// jobCollector exposes the number of jobs per state.
type jobCollector struct {
	db   *db.DB
	desc *prometheus.Desc
}

func newJobCollector(d *db.DB) *jobCollector {
	return &jobCollector{db: d, desc: prometheus.NewDesc("crocevia_jobs",
		"Jobs in the queue by state.", []string{"state"}, nil)}
}

func (c *jobCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *jobCollector) Collect(ch chan<- prometheus.Metric) {
	counts, err := jobs.Counts(context.Background(), c.db)
	if err != nil {
		return
	}
	for state, n := range counts {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(n), state)
	}
}
