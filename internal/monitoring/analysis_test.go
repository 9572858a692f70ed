package monitoring

import "testing"

// TestOneHiddenCellTakesTheSmallestWithIt: a table whose only hidden class
// could be worked out from the total hides its smallest visible class too;
// with two hidden classes already, nothing more is hidden.
func TestOneHiddenCellTakesTheSmallestWithIt(t *testing.T) {
	profiles := func(places ...int) []*profile {
		var out []*profile
		for _, p := range places {
			out = append(out, &profile{places: p, typology: "apartment"})
		}
		return out
	}
	cells := func(a *Analysis) map[string]*Cell {
		out := map[string]*Cell{}
		for _, c := range a.Tables[0].Cells { // the size bands
			out[c.Label] = c
		}
		return out
	}
	// One facility of 1–5 places, four of 6–15, five of 16–50.
	got := cells(analyse(profiles(3, 10, 10, 10, 10, 20, 20, 20, 20, 20), true))
	if !got["1–5 posti"].Hidden || !got["6–15 posti"].Withheld || got["16–50 posti"].Facilities != 5 {
		t.Errorf("bands = %+v %+v %+v; want 1–5 hidden, 6–15 withheld, 16–50 shown",
			got["1–5 posti"], got["6–15 posti"], got["16–50 posti"])
	}
	// Two small bands hide each other already.
	got = cells(analyse(profiles(3, 10, 20, 20, 20), true))
	if !got["1–5 posti"].Hidden || !got["6–15 posti"].Hidden || got["16–50 posti"].Withheld {
		t.Errorf("bands = %+v %+v %+v; want two hidden and 16–50 shown",
			got["1–5 posti"], got["6–15 posti"], got["16–50 posti"])
	}
	// Without suppression (the Prefettura) nothing is hidden.
	got = cells(analyse(profiles(3, 10, 10, 10), false))
	if got["1–5 posti"].Hidden || got["6–15 posti"].Withheld {
		t.Error("an unsuppressed analysis hides classes")
	}
}
