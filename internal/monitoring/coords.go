package monitoring

import (
	_ "embed"
	"encoding/csv"
	"strconv"
	"strings"
	"sync"
)

// coordinatesCSV is the position of each Italian municipality's seat by
// ISTAT code (see data/README.md for source and licence).
//
//go:embed data/coordinates.csv
var coordinatesCSV string

// Point is a position in degrees.
type Point struct{ Lat, Lng float64 }

var coordinates = sync.OnceValue(func() map[string]Point {
	rows, err := csv.NewReader(strings.NewReader(coordinatesCSV)).ReadAll()
	if err != nil {
		panic("monitoring: coordinates: " + err.Error())
	}
	out := make(map[string]Point, len(rows))
	for _, row := range rows[1:] {
		lat, err1 := strconv.ParseFloat(row[1], 64)
		lng, err2 := strconv.ParseFloat(row[2], 64)
		if err1 == nil && err2 == nil {
			out[row[0]] = Point{Lat: lat, Lng: lng}
		}
	}
	return out
})

// Coordinates is the seat of the municipality istat, if known.
func Coordinates(istat string) (Point, bool) {
	p, ok := coordinates()[istat]
	return p, ok
}
