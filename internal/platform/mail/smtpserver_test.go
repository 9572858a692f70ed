package mail_test

import (
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"

	cmail "github.com/crocevia/crocevia/internal/platform/mail"
)

// received is one message as the test server got it, decoded.
type received struct {
	Rcpt    []string
	To      string
	Subject string
	Body    string
}

// smtpServer is an in-process SMTP server that keeps what it receives, or
// refuses every recipient when reject is set.
type smtpServer struct {
	t      testing.TB
	addr   *net.TCPAddr
	reject *smtp.SMTPError
	mu     sync.Mutex
	got    []received
}

func newSMTPServer(t testing.TB, reject *smtp.SMTPError) *smtpServer {
	t.Helper()
	s := &smtpServer{t: t, reject: reject}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &smtpSession{srv: s}, nil
	}))
	srv.Domain = "localhost"
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = ln.Addr().(*net.TCPAddr)
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { srv.Close() })
	return s
}

// config points the platform's sender at the server, without TLS.
func (s *smtpServer) config() cmail.SMTPConfig {
	return cmail.SMTPConfig{Host: "127.0.0.1", Port: s.addr.Port, TLS: "none",
		From: "Crocevia <noreply@crocevia.test>"}
}

func (s *smtpServer) messages() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.got...)
}

type smtpSession struct {
	srv  *smtpServer
	rcpt []string
}

func (c *smtpSession) Reset()        { c.rcpt = nil }
func (c *smtpSession) Logout() error { return nil }

func (c *smtpSession) Mail(string, *smtp.MailOptions) error { return nil }

func (c *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	if c.srv.reject != nil {
		return c.srv.reject
	}
	c.rcpt = append(c.rcpt, to)
	return nil
}

func (c *smtpSession) Data(r io.Reader) error {
	m, err := decode(r)
	if err != nil {
		c.srv.t.Errorf("test SMTP server: %v", err)
		return err
	}
	m.Rcpt = c.rcpt
	c.srv.mu.Lock()
	c.srv.got = append(c.srv.got, m)
	c.srv.mu.Unlock()
	return nil
}

// decode reads the headers and the plain-text body the way a mail client
// would: encoded words in the subject, quoted-printable or base64 body.
func decode(r io.Reader) (received, error) {
	msg, err := mail.ReadMessage(r)
	if err != nil {
		return received{}, err
	}
	var dec mime.WordDecoder
	subject, err := dec.DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		return received{}, err
	}
	body := msg.Body
	switch strings.ToLower(msg.Header.Get("Content-Transfer-Encoding")) {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		return received{}, errUnexpected("base64 body")
	}
	b, err := io.ReadAll(body)
	if err != nil {
		return received{}, err
	}
	if ct := msg.Header.Get("Content-Type"); !strings.Contains(ct, "charset=UTF-8") {
		return received{}, errUnexpected("Content-Type " + strconv.Quote(ct))
	}
	return received{To: msg.Header.Get("To"), Subject: subject, Body: string(b)}, nil
}

type errUnexpected string

func (e errUnexpected) Error() string { return "unexpected " + string(e) }
