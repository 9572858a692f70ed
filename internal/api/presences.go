package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
	"github.com/crocevia/crocevia/internal/presences"
)

// presenceInput is the body of a day's report. Counts left out are zero.
type presenceInput struct {
	Day string `json:"day"`
	presences.Counts
	Notes string `json:"notes"`
}

type presenceResult struct {
	FacilityCode string `json:"facility_code"`
	Day          string `json:"day"`
	Outcome      string `json:"outcome"`
}

// reportPresence saves one day through the presences service, which holds
// every rule: scope, validation, lateness and the audit trail. The facility
// is looked up first, so that a code outside the caller's scope is not
// found whatever the body says.
func (h *Handler) reportPresence(w http.ResponseWriter, r *http.Request, u *auth.User) {
	code := r.PathValue("code")
	var p *presences.Presence
	var outcome presences.Outcome
	err := h.db.InTx(r.Context(), func(tx *db.Tx) error {
		f, err := presences.FacilityFor(r.Context(), tx, u, code)
		if err != nil {
			return err
		}
		if !presences.CanReport(u, f.BodyID) {
			return apperr.Forbiddenf("Non puoi registrare presenze per questa struttura.")
		}
		if p, err = decodePresence(r.Body); err != nil {
			return err
		}
		outcome, err = presences.Report(r.Context(), tx, u, f, p)
		return err
	})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	status := http.StatusOK
	if outcome == presences.OutcomeNew {
		status = http.StatusCreated
	}
	web.JSON(w, status, presenceResult{FacilityCode: code, Day: date(p.Day), Outcome: string(outcome)})
}

func decodePresence(body io.Reader) (*presences.Presence, error) {
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	var in presenceInput
	if err := dec.Decode(&in); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, err
		}
		return nil, apperr.Wrap(apperr.Invalid, "Il corpo della richiesta non è un JSON valido per questa operazione.", err)
	}
	// A day that does not parse stays zero: the service's validation then
	// reports it together with every other wrong field.
	day, _ := time.Parse(time.DateOnly, in.Day)
	return &presences.Presence{Day: day, Counts: in.Counts, Notes: in.Notes, Source: presences.SourceAPI}, nil
}
