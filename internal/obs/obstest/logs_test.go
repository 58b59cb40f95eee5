package obstest

import "testing"

func TestCheckAbsentMatchesWholeWordsAndNumbersOnly(t *testing.T) {
	t.Parallel()
	var l Logs
	l.Logger().Info("request", "addr", "127.0.0.1:41311", "took", 0.131, "patient", "P-1001")
	logs := l.String()
	for _, tc := range []struct {
		word  string
		found bool
	}{
		{"131", false}, {"1311", false}, {"P-1001", true}, {"1001", true}, {"41311", true}, {"Maria", false},
	} {
		if got := wordPattern(tc.word).MatchString(logs); got != tc.found {
			t.Errorf("%q found = %v in %s, want %v", tc.word, got, logs, tc.found)
		}
	}
}

func TestLoggerLeavesTheTimeOut(t *testing.T) {
	t.Parallel()
	var l Logs
	l.Logger().Debug("hello")
	if got := l.String(); got != `{"level":"DEBUG","msg":"hello"}`+"\n" {
		t.Errorf("logged %q", got)
	}
}
