package facilities

import "github.com/crocevia/crocevia/internal/platform/auth"

// Related is a page of another room about one facility (its presences,
// inspections, corrective actions), linked from the facility page for the
// roles that may open it. The registry does not import those rooms: they
// are named where the rooms meet.
type Related struct {
	Label string // Italian, a catalogue key of the registry
	URL   func(f *Facility) string
	Roles []auth.Role // nil: whoever sees the facility
}

// RelatedLink is a related page as the facility page links it.
type RelatedLink struct {
	Label, URL string
}

// AddRelated adds pages to link from the facility page.
func (h *Handler) AddRelated(rs ...Related) { h.related = append(h.related, rs...) }

// relatedFor are the related pages of f that u may open.
func (h *Handler) relatedFor(u *auth.User, f *Facility) []RelatedLink {
	var out []RelatedLink
	for _, r := range h.related {
		if r.Roles == nil || u.HasAnyRole(r.Roles...) {
			out = append(out, RelatedLink{Label: r.Label, URL: r.URL(f)})
		}
	}
	return out
}
