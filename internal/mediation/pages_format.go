package mediation

import (
	"time"

	"github.com/crocevia/crocevia/internal/platform/i18n"
)

// formats are the template helpers the module's pages share: embedded in
// each page struct.
type formats struct{}

// Hours is minutes as hours with a decimal comma: 150 is "2,5".
func (formats) Hours(min int) string { return budgetHours(min) }

// Clock is t's time of day in Rome.
func (formats) Clock(t time.Time) string { return t.In(i18n.Rome).Format("15:04") }
