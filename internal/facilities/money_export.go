package facilities

// ParseCents reads an amount in euro as typed by a person ("1.234,50",
// "1234.50", "€ 30") as cents; other modules' forms take money alike.
func ParseCents(s string) (int64, bool) { return parseCents(s) }
