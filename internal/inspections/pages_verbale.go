package inspections

import (
	"io"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/web"
)

var errNoVerbale = apperr.Conflictf("Il verbale è disponibile dalla bozza di verbale in poi.")

// verbaleView is what the inspection page shows of the verbale.
type verbaleView struct {
	Verbale  *Signature
	CanSign  bool
	Evidence map[int64][]Evidence
}

// EvidenceOf is the evidence attached to a.
func (v *verbaleView) EvidenceOf(a *Answer) []Evidence { return v.Evidence[a.ID] }

func (h *Handler) loadVerbaleView(r *http.Request, in *Inspection, v *verbaleView) error {
	var err error
	if v.Verbale, err = h.store.Signature(r.Context(), in.ID); err != nil {
		return err
	}
	v.CanSign = in.Phase == DraftReport && CanSign(web.UserOf(r), in)
	v.Evidence, err = evidenceOf(r.Context(), h.store.DB, in.ID)
	return err
}

// verbalePDF serves the stored PDF once signed, so the file is the one
// whose checksum was recorded; before that it prints the draft.
func (h *Handler) verbalePDF(w http.ResponseWriter, r *http.Request) {
	in, err := h.target(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	body, err := h.verbaleBytes(r, in)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="verbale-`+in.FacilityCode+`-`+itoa(in.ID)+`.pdf"`)
	w.Header().Set("Cache-Control", "private, no-store")
	_, _ = w.Write(body)
}

func (h *Handler) verbaleBytes(r *http.Request, in *Inspection) ([]byte, error) {
	sig, err := h.store.Signature(r.Context(), in.ID)
	if err != nil {
		return nil, err
	}
	if sig != nil {
		_, rc, err := h.files.Open(r.Context(), sig.FileID)
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return io.ReadAll(rc)
	}
	if in.Phase != DraftReport {
		return nil, errNoVerbale
	}
	v, err := loadVerbale(r.Context(), h.store.DB, in)
	if err != nil {
		return nil, err
	}
	return renderVerbale(v)
}

// verbaleSign signs the draft report and goes back to the inspection.
func (h *Handler) verbaleSign(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	if _, err := h.store.Sign(r.Context(), h.files, web.UserOf(r), id); err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Redirect(w, r, inspectionURL(id), "Verbale firmato: l'ispezione è chiusa alle modifiche.")
}
