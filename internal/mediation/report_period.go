package mediation

import (
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/i18n"
)

// ReportPeriod is the months a report covers, by the slot's date in Rome:
// from the first day of From's month to the last of To's.
type ReportPeriod struct {
	From, To time.Time // first day of the first and of the last month, Rome
}

// maxReportMonths bounds a report's period.
const maxReportMonths = 36

// ParsePeriod reads "YYYY-MM" months; blank ones default to the twelve
// months ending with now's.
func ParsePeriod(from, to string, now time.Time) (ReportPeriod, error) {
	fe := apperr.Fields{}
	y, m, _ := now.In(i18n.Rome).Date()
	p := ReportPeriod{To: time.Date(y, m, 1, 0, 0, 0, 0, i18n.Rome)}
	p.From = p.To.AddDate(0, -11, 0)
	for _, b := range []struct {
		name, v string
		dst     *time.Time
	}{{"dal", from, &p.From}, {"al", to, &p.To}} {
		if strings.TrimSpace(b.v) == "" {
			continue
		}
		t, err := time.ParseInLocation("2006-01", strings.TrimSpace(b.v), i18n.Rome)
		fe.Check(err == nil, b.name, "Indica il mese nel formato AAAA-MM.")
		if err == nil {
			*b.dst = t
		}
	}
	if err := fe.Err(); err != nil {
		return p, err
	}
	fe.Check(!p.To.Before(p.From), "al", "Il mese finale non può precedere quello iniziale.")
	fe.Check(p.months() <= maxReportMonths, "al", "Il periodo può coprire al massimo 36 mesi.")
	return p, fe.Err()
}

// months is how many months the period covers.
func (p ReportPeriod) months() int {
	return (p.To.Year()-p.From.Year())*12 + int(p.To.Month()-p.From.Month()) + 1
}

// end is the instant the period ends, exclusive.
func (p ReportPeriod) end() time.Time { return p.To.AddDate(0, 1, 0) }
