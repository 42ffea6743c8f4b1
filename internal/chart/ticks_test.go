package chart

import (
	"slices"
	"testing"
)

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		want   []string
	}{
		{0, 15.06, []string{"0", "5", "10", "15", "20"}},
		{0, 7.9, []string{"0", "2", "4", "6", "8"}},
		{0, 1.506, []string{"0", "0.5", "1", "1.5", "2"}},
		{0, 100, []string{"0", "20", "40", "60", "80", "100"}},
		{0, 91.36, []string{"0", "20", "40", "60", "80", "100"}},
		{0, 0.3, []string{"0", "0.1", "0.2", "0.3"}},
		{0, 0.07, []string{"0", "0.02", "0.04", "0.06", "0.08"}},
		{0, 1, []string{"0", "0.2", "0.4", "0.6", "0.8", "1"}},
		{0, 4112, []string{"0", "1000", "2000", "3000", "4000", "5000"}},
		{0, 18668, []string{"0", "5000", "10000", "15000", "20000"}},
		{-3.5, 8, []string{"-5", "0", "5", "10"}},
		{-20.07, 0, []string{"-25", "-20", "-15", "-10", "-5", "0"}},
		{5, 5, []string{"0", "1", "2", "3", "4", "5"}},
		{0, 0, []string{"0", "0.2", "0.4", "0.6", "0.8", "1"}},
	}
	for _, tt := range tests {
		got := niceTicks(tt.lo, tt.hi, targetTicks)
		if !slices.Equal(got.labels, tt.want) {
			t.Errorf("niceTicks(%v, %v) = %v, want %v", tt.lo, tt.hi, got.labels, tt.want)
		}
		if len(got.labels) > targetTicks+2 {
			t.Errorf("niceTicks(%v, %v): %d ticks, too many", tt.lo, tt.hi, len(got.labels))
		}
	}
}

func TestDecimalString(t *testing.T) {
	tests := []struct {
		n    int64
		e    int
		want string
	}{
		{0, -3, "0"}, {5, 0, "5"}, {5, 2, "500"}, {5, -1, "0.5"}, {15, -1, "1.5"},
		{2, -3, "0.002"}, {-25, -1, "-2.5"}, {10, -1, "1"}, {120, -2, "1.2"},
	}
	for _, tt := range tests {
		if got := decimalString(tt.n, tt.e); got != tt.want {
			t.Errorf("decimalString(%d, %d) = %q, want %q", tt.n, tt.e, got, tt.want)
		}
	}
}
