package mail

import (
	"context"
	"fmt"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// SMTPConfig is the server outgoing mail is handed to. An empty Host means
// there is none: the outbox is the mailbox.
type SMTPConfig struct {
	Host     string
	Port     int
	User     string
	Password string
	From     string
	// TLS is "starttls" (a plain connection that must be upgraded), "tls"
	// (TLS from the first byte, usually port 465) or "none" (a relay on a
	// trusted network).
	TLS string
}

// Enabled reports whether a server is configured.
func (c SMTPConfig) Enabled() bool { return c.Host != "" }

// Sender hands messages to the SMTP server, one connection per message:
// the platform sends a few mails an hour, not a newsletter.
type Sender struct {
	cfg  SMTPConfig
	opts []gomail.Option
}

// sendTimeout bounds one delivery, connection included, so a server that
// accepts the connection and then stalls cannot hold a worker.
const sendTimeout = 30 * time.Second

// NewSender checks cfg and prepares the client options.
func NewSender(cfg SMTPConfig) (*Sender, error) {
	opts := []gomail.Option{gomail.WithTimeout(sendTimeout)}
	if cfg.Port != 0 {
		opts = append(opts, gomail.WithPort(cfg.Port))
	}
	switch cfg.TLS {
	case "starttls", "":
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case "tls":
		opts = append(opts, gomail.WithSSL())
	case "none":
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		return nil, fmt.Errorf("mail: unknown SMTP TLS mode %q (want starttls, tls or none)", cfg.TLS)
	}
	if cfg.User != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(cfg.User), gomail.WithPassword(cfg.Password))
	}
	// Checking the sender address here makes a wrong --smtp-from fail at
	// start-up instead of on every message.
	if err := gomail.NewMsg().From(cfg.From); err != nil {
		return nil, fmt.Errorf("mail: sender address %q: %w", cfg.From, err)
	}
	return &Sender{cfg: cfg, opts: opts}, nil
}

// Send delivers one stored message as UTF-8 plain text.
func (s *Sender) Send(ctx context.Context, m *Stored) error {
	msg := gomail.NewMsg()
	if err := msg.From(s.cfg.From); err != nil {
		return err
	}
	if err := msg.To(m.To); err != nil {
		return err
	}
	msg.Subject(m.Subject)
	msg.SetDate()
	msg.SetMessageID()
	msg.SetBodyString(gomail.TypeTextPlain, m.Body)
	c, err := gomail.NewClient(s.cfg.Host, s.opts...)
	if err != nil {
		return err
	}
	return c.DialAndSendWithContext(ctx, msg)
}
