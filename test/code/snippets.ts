/**
 * Twenty snippets of user code for the code-case tests: the allocations a Go developer asks
 * about (string building, closures, interface boxing, fmt, conversions, make, new, maps, append).
 * Each is deterministic: one call allocates the same on every call.
 */
export interface Snippet {
  name: string;
  source: string;
}

const snippet = (name: string, lines: string[]): Snippet => ({ name: `${name}.go`, source: `${lines.join("\n")}\n` });

export const SNIPPETS: Snippet[] = [
  snippet("make33", ["var sink []byte", "", "func probe() {", "\tsink = make([]byte, 33)", "}"]),
  snippet("concat", [
    "var sink string", "var parts = []string{\"a\", \"bb\", \"ccc\", \"dddd\", \"eeeee\", \"ffffff\"}", "",
    "func probe() {", "\ts := \"\"", "\tfor _, p := range parts {", "\t\ts += p", "\t}", "\tsink = s", "}",
  ]),
  snippet("builder", [
    "import \"strings\"", "", "var sink string", "var parts = []string{\"a\", \"bb\", \"ccc\", \"dddd\", \"eeeee\", \"ffffff\"}", "",
    "func probe() {", "\tvar b strings.Builder", "\tfor _, p := range parts {", "\t\tb.WriteString(p)", "\t}", "\tsink = b.String()", "}",
  ]),
  snippet("builder-grow", [
    "import \"strings\"", "", "var sink string", "var parts = []string{\"a\", \"bb\", \"ccc\", \"dddd\", \"eeeee\", \"ffffff\"}", "",
    "func probe() {", "\tvar b strings.Builder", "\tb.Grow(64)", "\tfor _, p := range parts {", "\t\tb.WriteString(p)", "\t}", "\tsink = b.String()", "}",
  ]),
  snippet("closure-escapes", ["var sink func() int", "", "func probe() {", "\tn := 42", "\tsink = func() int { n++; return n }", "}"]),
  snippet("closure-stays", ["var sink int", "", "func probe() {", "\tn := 1", "\tf := func() { n++ }", "\tf()", "\tsink = n", "}"]),
  snippet("box-small", ["var sink any", "var small = 7", "", "func probe() {", "\tsink = small", "}"]),
  snippet("box-big", ["var sink any", "var big = 1000", "", "func probe() {", "\tsink = big", "}"]),
  snippet("box-struct", ["type point struct{ x, y int }", "", "var sink any", "var p = point{1, 2}", "", "func probe() {", "\tsink = p", "}"]),
  snippet("sprintf", ["import \"fmt\"", "", "var sink string", "var n = 12345", "", "func probe() {", "\tsink = fmt.Sprintf(\"n=%d\", n)", "}"]),
  snippet("bytes-escape", ["var sink []byte", "var s = \"hello, world\"", "", "func probe() {", "\tsink = []byte(s)", "}"]),
  snippet("bytes-stack", ["var sink int", "var s = \"hello, world\"", "", "func probe() {", "\tb := []byte(s)", "\tsink = len(b)", "}"]),
  snippet("string-of-bytes", ["var sink string", "var b = []byte(\"some bytes here\")", "", "func probe() {", "\tsink = string(b)", "}"]),
  snippet("make-sizes", ["var a, b, c []int", "", "func probe() {", "\ta = make([]int, 0)", "\tb = make([]int, 10)", "\tc = make([]int, 1000)", "}"]),
  snippet("make-large", ["var sink []byte", "", "func probe() {", "\tsink = make([]byte, 40000)", "}"]),
  snippet("new-struct", ["type T struct {", "\ta, b int64", "\tp    *int", "}", "", "var sink *T", "", "func probe() {", "\tsink = new(T)", "}"]),
  snippet("map-small", ["var sink map[string]int", "", "func probe() {", "\tm := make(map[string]int)", "\tm[\"a\"] = 1", "\tm[\"b\"] = 2", "\tsink = m", "}"]),
  snippet("map-hint", ["var sink map[int]int", "", "func probe() {", "\tsink = make(map[int]int, 100)", "}"]),
  snippet("append-loop", ["var sink []int", "", "func probe() {", "\tvar s []int", "\tfor i := 0; i < 100; i++ {", "\t\ts = append(s, i)", "\t}", "\tsink = s", "}"]),
  snippet("helper-new", [
    "import \"errors\"", "", "var sink []*int", "var err error", "", "func fresh(i int) *int {", "\tp := new(int)", "\t*p = i", "\treturn p", "}", "",
    "func probe() {", "\ts := make([]*int, 4)", "\tfor i := range s {", "\t\ts[i] = fresh(i)", "\t}", "\tsink = s", "\terr = errors.New(\"boom\")", "}",
  ]),
];
