package audit

import (
	"reflect"
	"sort"
)

// Fields is a record's auditable fields by name.
type Fields map[string]any

// Diff lists the fields whose value differs between before and after, in
// name order. A nil before means creation; a nil after means deletion.
func Diff(before, after Fields) []Change {
	names := make(map[string]bool, len(before)+len(after))
	for k := range before {
		names[k] = true
	}
	for k := range after {
		names[k] = true
	}
	var out []Change
	for name := range names {
		b, a := before[name], after[name]
		if reflect.DeepEqual(b, a) {
			continue
		}
		out = append(out, Change{Field: name, Before: b, After: a})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}
