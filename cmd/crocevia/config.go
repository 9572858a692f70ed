package main

import (
	"flag"
	"fmt"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is everything the binary can be told, by flag or by CROCEVIA_*
// variable (the flag wins). It is parsed here only and passed down as
// values: no package reads the environment on its own.
type Config struct {
	Addr           string
	DataDir        string
	DatabaseURL    string
	Demo           bool
	BaseURL        string
	TLSCert        string
	TLSKey         string
	TrustedProxies []netip.Prefix
	MetricsAllow   []netip.Prefix
	FileStore      string // "db" or "disk"
	MaxUpload      int64
	LogLevel       string
	LogFormat      string

	SMTPHost     string
	SMTPPort     int
	SMTPUser     string
	SMTPPassword string
	SMTPFrom     string
	SMTPTLS      string // "starttls", "tls" or "none"

	OIDCIssuer       string
	OIDCClientID     string
	OIDCClientSecret string
	OIDCClaim        string // "email" or "fiscal_number"

	MapTiles       string // tile URL template for /mappa; empty: server-drawn map only
	MapAttribution string // the tiles' credit line

	JobPoll time.Duration
}

// DefaultConfig is the configuration of `go run ./cmd/crocevia`.
func DefaultConfig() Config {
	return Config{
		Addr: "127.0.0.1:8080", DataDir: "./crocevia-data", FileStore: "db", MaxUpload: 20 << 20,
		LogLevel: "info", LogFormat: "json", SMTPPort: 587, SMTPTLS: "starttls",
		SMTPFrom: "Crocevia <noreply@crocevia.local>", OIDCClaim: "email", JobPoll: time.Second,
	}
}

// bindFlags registers the flags shared by every subcommand, with defaults
// taken from the environment.
func (c *Config) bindFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "addr", env("ADDR", c.Addr), "address to listen on (HOST:PORT)")
	fs.StringVar(&c.DataDir, "data", env("DATA", c.DataDir), "data folder: SQLite database and stored files")
	fs.StringVar(&c.DatabaseURL, "database", env("DATABASE_URL", c.DatabaseURL), "PostgreSQL URL (postgres://...); empty for SQLite in the data folder")
	fs.BoolVar(&c.Demo, "demo", envBool("DEMO", c.Demo), "load the province's demo data on first start")
	fs.StringVar(&c.BaseURL, "base-url", env("BASE_URL", c.BaseURL), "public URL of the site, used in e-mailed links")
	fs.StringVar(&c.TLSCert, "tls-cert", env("TLS_CERT", c.TLSCert), "TLS certificate file (serve HTTPS)")
	fs.StringVar(&c.TLSKey, "tls-key", env("TLS_KEY", c.TLSKey), "TLS key file")
	fs.Func("trusted-proxies", "comma-separated CIDRs of reverse proxies whose X-Forwarded-* headers are trusted", func(s string) error {
		p, err := parsePrefixes(s)
		c.TrustedProxies = p
		return err
	})
	fs.Func("metrics-allow", "comma-separated CIDRs allowed to read /metrics besides loopback", func(s string) error {
		p, err := parsePrefixes(s)
		c.MetricsAllow = p
		return err
	})
	fs.StringVar(&c.FileStore, "file-store", env("FILE_STORE", c.FileStore), "where uploaded files live: db or disk")
	fs.StringVar(&c.LogLevel, "log-level", env("LOG_LEVEL", c.LogLevel), "debug, info, warn or error")
	fs.StringVar(&c.LogFormat, "log-format", env("LOG_FORMAT", c.LogFormat), "json or text")
	fs.StringVar(&c.SMTPHost, "smtp-host", env("SMTP_HOST", c.SMTPHost), "SMTP server; empty keeps mail in the outbox")
	fs.IntVar(&c.SMTPPort, "smtp-port", envInt("SMTP_PORT", c.SMTPPort), "SMTP port")
	fs.StringVar(&c.SMTPUser, "smtp-user", env("SMTP_USER", c.SMTPUser), "SMTP user")
	fs.StringVar(&c.SMTPPassword, "smtp-password", env("SMTP_PASSWORD", c.SMTPPassword), "SMTP password")
	fs.StringVar(&c.SMTPFrom, "smtp-from", env("SMTP_FROM", c.SMTPFrom), "sender address")
	fs.StringVar(&c.SMTPTLS, "smtp-tls", env("SMTP_TLS", c.SMTPTLS), "starttls, tls or none")
	fs.StringVar(&c.OIDCIssuer, "oidc-issuer", env("OIDC_ISSUER", c.OIDCIssuer), "OpenID Connect issuer URL; empty disables OIDC login")
	fs.StringVar(&c.OIDCClientID, "oidc-client-id", env("OIDC_CLIENT_ID", c.OIDCClientID), "OIDC client ID")
	fs.StringVar(&c.OIDCClientSecret, "oidc-client-secret", env("OIDC_CLIENT_SECRET", c.OIDCClientSecret), "OIDC client secret")
	fs.StringVar(&c.OIDCClaim, "oidc-claim", env("OIDC_CLAIM", c.OIDCClaim), "claim matched to a user: email or fiscal_number")
	fs.StringVar(&c.MapTiles, "map-tiles", env("MAP_TILES", c.MapTiles), "map tile URL template, e.g. https://tile.example.org/{z}/{x}/{y}.png; empty: no tiles")
	fs.StringVar(&c.MapAttribution, "map-attribution", env("MAP_ATTRIBUTION", c.MapAttribution), "attribution shown with the map tiles")
	if s := env("TRUSTED_PROXIES", ""); s != "" {
		if p, err := parsePrefixes(s); err == nil {
			c.TrustedProxies = p
		}
	}
	if s := env("METRICS_ALLOW", ""); s != "" {
		if p, err := parsePrefixes(s); err == nil {
			c.MetricsAllow = p
		}
	}
	if v := env("MAX_UPLOAD", ""); v != "" {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			c.MaxUpload = n
		}
	}
}

func (c *Config) validate() error {
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return fmt.Errorf("give both --tls-cert and --tls-key, or neither")
	}
	if c.FileStore != "db" && c.FileStore != "disk" {
		return fmt.Errorf("--file-store must be db or disk")
	}
	if c.BaseURL == "" {
		scheme := "http"
		if c.TLSCert != "" {
			scheme = "https"
		}
		c.BaseURL = scheme + "://" + c.Addr
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	return nil
}

func parsePrefixes(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if !strings.Contains(part, "/") {
			addr, err := netip.ParseAddr(part)
			if err != nil {
				return nil, err
			}
			part = netip.PrefixFrom(addr, addr.BitLen()).String()
		}
		p, err := netip.ParsePrefix(part)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func env(name, def string) string {
	if v, ok := os.LookupEnv("CROCEVIA_" + name); ok {
		return v
	}
	return def
}

func envBool(name string, def bool) bool {
	if v, ok := os.LookupEnv("CROCEVIA_" + name); ok {
		b, err := strconv.ParseBool(v)
		if err == nil {
			return b
		}
	}
	return def
}

func envInt(name string, def int) int {
	if v, ok := os.LookupEnv("CROCEVIA_" + name); ok {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	}
	return def
}
