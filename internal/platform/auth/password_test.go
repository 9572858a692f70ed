package auth

import (
	"strings"
	"testing"
)

func TestPasswordHash(t *testing.T) {
	h, err := HashPassword("una password lunga")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$") {
		t.Fatalf("hash %q is not argon2id", h)
	}
	if !CheckPassword(h, "una password lunga") {
		t.Error("the right password is refused")
	}
	if CheckPassword(h, "una password lunghe") {
		t.Error("a wrong password is accepted")
	}
	if CheckPassword("garbage", "x") {
		t.Error("a malformed hash is accepted")
	}
}

func TestFiscalCode(t *testing.T) {
	for code, want := range map[string]bool{
		"RSSMRA80A01A182Y": true,
		"RSSMRA80A01A18MY": true, // omocodia replaces digits with letters
		"RSSMRA80A01A182":  false,
		"1SSMRA80A01A182Y": false,
	} {
		if got := ValidFiscalCode(code); got != want {
			t.Errorf("ValidFiscalCode(%q) = %v, want %v", code, got, want)
		}
	}
}
