package monitoring

import "slices"

// Cell is one class of a dimension: how many active facilities, their
// places, and the answers of their signed inspections by outcome.
type Cell struct {
	Label      string
	Facilities int
	Places     int
	Answers    [3]int // conforming, partial, non-conforming
	Hidden     bool   // fewer than MinCell facilities: only "<3" is shown
	Withheld   bool   // hidden too, so that the Hidden cell is not the total minus the others
}

// Answered is the number of answers with an outcome.
func (c *Cell) Answered() int { return c.Answers[0] + c.Answers[1] + c.Answers[2] }

// Outcome is the share of answers with outcome i, in percent.
func (c *Cell) Outcome(i int) float64 {
	if n := c.Answered(); n > 0 {
		return 100 * float64(c.Answers[i]) / float64(n)
	}
	return 0
}

// Table is a dimension with its cells.
type Table struct {
	Dimension
	Cells []*Cell
	Total int // facilities classified (a facility may fall in more classes)
}

// Share is the facilities of c over the active facilities, in percent.
func (t *Table) Share(c *Cell, active int) float64 {
	if active == 0 {
		return 0
	}
	return 100 * float64(c.Facilities) / float64(active)
}

// Analysis is every table over the active facilities.
type Analysis struct {
	Active     int
	Suppressed bool
	Tables     []*Table
}

// ActiveHidden reports whether the total itself is too small to show.
func (a *Analysis) ActiveHidden() bool { return a.Suppressed && a.Active > 0 && a.Active < MinCell }

// analyse classifies profiles along every dimension; when suppress is
// set, cells with 1 or 2 facilities are hidden, figures and outcomes alike.
func analyse(ps []*profile, suppress bool) *Analysis {
	a := &Analysis{Active: len(ps), Suppressed: suppress}
	for _, d := range dimensions {
		t := &Table{Dimension: d}
		byLabel := map[string]*Cell{}
		cell := func(label string) *Cell {
			if c, ok := byLabel[label]; ok {
				return c
			}
			c := &Cell{Label: label}
			byLabel[label] = c
			t.Cells = append(t.Cells, c)
			return c
		}
		for _, l := range d.Classes {
			cell(l)
		}
		for _, p := range ps {
			for _, l := range d.classOf(p) {
				c := cell(l)
				c.Facilities++
				c.Places += p.places
				for i := range c.Answers {
					c.Answers[i] += p.answers[i]
				}
			}
		}
		if d.Classes == nil {
			slices.SortStableFunc(t.Cells, func(x, y *Cell) int { return y.Facilities - x.Facilities })
		}
		for _, c := range t.Cells {
			t.Total += c.Facilities
			if suppress && c.Facilities > 0 && c.Facilities < MinCell {
				*c = Cell{Label: c.Label, Hidden: true}
			}
		}
		withholdComplement(t.Cells)
		a.Tables = append(a.Tables, t)
	}
	return a
}

// withholdComplement is secondary suppression: the page shows the number
// of active facilities, so a table's only hidden cell would be that total
// minus the visible ones. The smallest visible cell with facilities is
// hidden with it; then only the sum of the two can be worked out.
func withholdComplement(cells []*Cell) {
	var hidden int
	var smallest *Cell
	for _, c := range cells {
		switch {
		case c.Hidden:
			hidden++
		case c.Facilities > 0 && (smallest == nil || c.Facilities < smallest.Facilities):
			smallest = c
		}
	}
	if hidden == 1 && smallest != nil {
		*smallest = Cell{Label: smallest.Label, Withheld: true}
	}
}
