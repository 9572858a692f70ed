package facilities

import (
	"context"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// importRefs are the registry's references a row is checked against.
type importRefs struct {
	comuni   map[string]bool
	bodies   map[string]int64 // lower-case name → id
	byCode   map[string]*Facility
	byPlace  map[string][]*Facility // lower-case name + ISTAT code
	seenCode map[string]bool
}

func loadRefs(ctx context.Context, q db.Querier) (*importRefs, error) {
	r := &importRefs{comuni: map[string]bool{}, bodies: map[string]int64{}, byCode: map[string]*Facility{},
		byPlace: map[string][]*Facility{}, seenCode: map[string]bool{}}
	if err := eachRow(ctx, q, func(sc func(...any) error) error {
		var code string
		err := sc(&code)
		r.comuni[code] = true
		return err
	}, `SELECT istat_code FROM municipalities`); err != nil {
		return nil, err
	}
	if err := eachRow(ctx, q, func(sc func(...any) error) error {
		var id int64
		var name string
		err := sc(&id, &name)
		r.bodies[strings.ToLower(strings.TrimSpace(name))] = id
		return err
	}, `SELECT id, name FROM organisations WHERE kind = 'ente_gestore' AND active = ?`, true); err != nil {
		return nil, err
	}
	list, _, err := listFacilities(ctx, q, Scope{All: true}, Filter{Limit: 1<<31 - 1})
	for _, f := range list {
		r.byCode[f.Code] = f
		k := placeKey(f.Name, f.ISTATCode)
		r.byPlace[k] = append(r.byPlace[k], f)
	}
	return r, err
}

func placeKey(name, istat string) string {
	return strings.ToLower(strings.TrimSpace(name)) + "|" + istat
}

func eachRow(ctx context.Context, q db.Querier, fn func(func(...any) error) error, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}
