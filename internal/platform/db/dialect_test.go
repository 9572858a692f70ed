package db

import "testing"

func TestRebind(t *testing.T) {
	tests := []struct {
		name, in, want string
		d              Dialect
	}{
		{"sqlite keeps question marks", "SELECT ? , ?", "SELECT ? , ?", SQLite},
		{"postgres numbers placeholders", "SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = $1 AND c = $2", Postgres},
		{"postgres leaves quoted marks", "SELECT '?' , ?", "SELECT '?' , $1", Postgres},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.Rebind(tt.in); got != tt.want {
				t.Errorf("Rebind(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
