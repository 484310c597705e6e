// %% [markdown]
// # Chapter 6 — Your own code
//
// Chapters 1–5 counted what four operations allocate. The question a Go developer brings is
// wider: what does *this* function allocate, at which line, why, and on which Go version does
// that change? This chapter answers it for five everyday patterns: building a string in a loop,
// closures, storing values in interfaces, `fmt.Sprintf`, and converting a string to `[]byte`.
// Each program is a small Go file holding a `func probe()`, as you would give it to
// `golab measure --code` and `golab trace --code`: measure counts the allocations of one call
// the way `testing.AllocsPerRun` does, and trace records every allocation of one call under
// Delve, with its type, the function that made it and the line of your file it came from. Where
// a Go version is installed the numbers are measured now; elsewhere they come from the
// recordings in `data/experiments`, labelled with their date. Change the sizes below and run all
// cells again (a size nobody recorded needs that Go installed).

// %% tags=["parameters"]
const pieces = 100; // 6.1: strings appended in the loop
const closures = 4; // 6.2: closures made in the loop
const boxed = 1000; // 6.3: the int stored in an interface beside a small one (7)
const number = 12345; // 6.4: the number formatted
const length = 64; // 6.5: the length of the string converted to []byte
const versions = ["1.19", "1.26", "1.27"]; // Go versions to run on
const live = true; // false: run no Go; use the recordings (labelled)
const cache = true; // false: measure and trace again (true reuses earlier results, labelled "cached")

// %%
import * as lab from "../dist/kernel-helpers";

const programs = lab.ownCodeSnippets({ pieces: pieces, closures: closures, boxed: boxed, number: number, length: length });
const own = await lab.observeOwnCode(programs, { versions: versions, live: live, cache: cache, label: "Chapter 6" });

// %% [markdown]
// ## 6.1 Building a string: `+=` in a loop, or `strings.Builder`?
//
// Three ways to build the same string of `pieces` × `"ab"`: adding to a string, writing into a
// `strings.Builder`, and the same Builder told the final size first with `Grow`.

// %%
lab.showOwnCodePrograms(own, "6.1");

// %% [markdown]
// What one call of each `probe()` allocated, per Go version (`mallocs` as
// `runtime.MemStats.Mallocs` counts them; bytes as the runtime took them, size classes
// included). Below it, the lines responsible: each line that allocated in the traced call, how
// many objects of which type, and through which function (the one your line called, then the
// runtime function that asked for the memory).

// %%
lab.showOwnCodeCounts(own, "6.1");
lab.showOwnCodeLines(own, "6.1");

// %% [markdown]
// The same three programs as the simulator's cases of the same shape (`golab predict
// 'concatloop(2, n)'`: `n` times `s += x` with `x` of 2 bytes, like `"ab"`; `strings.Builder(2,
// n[, grow])`, with `n` = `pieces`), predicted per Go version beside the counts above, then every simulated allocation
// with its size, the size class it takes and the rule behind it. The simulator runs without Go, so
// this table is there even where no Go version is installed and nothing was recorded.

// %%
lab.showOwnCodeSimulated(own, [
  { program: "concat.go", case: `concatloop(2, ${pieces})` },
  { program: "builder.go", case: `strings.Builder(2, ${pieces})` },
  { program: "builder-grow.go", case: `strings.Builder(2, ${pieces}, ${2 * pieces})` },
]);

// %% [markdown]
// **Takeaway.** A Go string never changes, so `s += "ab"` cannot extend `s`: it calls
// `runtime.concatstrings`, which allocates a new string (`rawstring`, raw memory with no type)
// and copies both halves into it. Every pass of the loop makes a new, longer string and drops
// the old one, so the bytes copied grow with the square of the loop count. Only the first pass
// is free: adding to the empty string returns the other operand itself. A `strings.Builder`
// keeps a `[]byte` and appends to it; `append` grows its capacity by a factor each time it is
// full (`runtime.growslice`), so the allocations grow with the logarithm of the length, and
// `String()` hands over those bytes without copying them. `Grow` allocates the whole buffer once,
// up front.
//
// **Exercise.** Set `pieces = 1000` and run all cells again. How do the three counts and the
// bytes taken change, and which one grows fastest? Then set `pieces = 4`: what is left for `Grow`
// to save?

// %% [markdown]
// ## 6.2 Closures: what does capturing a variable cost?
//
// `closures.go` makes three closures: one that changes the variable it captures (`n`), one that
// only reads it (`m`), and one that never leaves the function (`inc`). `loop-closures.go` makes
// a closure in each pass of a `for` loop, each capturing the loop variable `i`.

// %%
lab.showOwnCodePrograms(own, "6.2");

// %%
lab.showOwnCodeCounts(own, "6.2");
lab.showOwnCodeLines(own, "6.2");

// %% [markdown]
// The compiler's escape decisions at the same lines (`-gcflags=-m`), from the builds measured:

// %%
lab.showOwnCodeEscapes(own, "6.2");

// %% [markdown]
// **Takeaway.** A closure that outlives its function is a heap object: the function's address
// plus what it captured (the `struct { F uintptr; … }` types above). A variable is captured by
// value, copied into that object, when it is never assigned after its declaration and is small
// (at most 128 bytes); otherwise by reference, and then the variable itself must live on the heap too ("moved to
// heap"), a second allocation. A closure that never leaves its function (`inc`) is inlined or
// kept in the frame, and costs nothing. The loop changed with Go 1.22: when the module's `go`
// line is 1.22 or later, each pass of a `for` loop has its own `i`, which no later statement
// assigns, so each closure can hold a copy; before, one `i` was shared by every pass and changed
// by `i++`, so it moved to the heap and every closure held its address (and every closure saw the
// last value). The types in the lines table show which capture each version made.
//
// **Exercise.** Set `closures = 1`. Which allocations of `loop-closures.go` remain on each
// version, and why does the count not fall to one?

// %% [markdown]
// ## 6.3 Interface boxing: storing a value in `any`
//
// `boxing.go` stores four values in interface variables: a small int (7), an int set by the
// `boxed` parameter, a two-int struct and a string.

// %%
lab.showOwnCodePrograms(own, "6.3");

// %%
lab.showOwnCodeCounts(own, "6.3");
lab.showOwnCodeLines(own, "6.3");
lab.showOwnCodeEscapes(own, "6.3");

// %% [markdown]
// Three of the four lines as the simulator's `any(T(value))` cases, each a package variable of
// that value converted to `any` and stored in a package variable, as in `boxing.go` (the struct
// `pt` is left out: the simulator boxes a struct only at its zero value). The simulator runs
// without Go: its rows and reasons are there on every Go version it models, run or not.

// %%
lab.showOwnCodeSimulated(own, [
  { program: "boxing.go", line: "a = small", case: "any(int(7))" },
  { program: "boxing.go", line: "b = boxed", case: `any(int(${boxed}))` },
  { program: "boxing.go", line: "d = word", case: 'any(string("hello"))' },
]);

// %% [markdown]
// **Takeaway.** An interface holds a type and a pointer, so a value that is not itself a
// pointer must be copied somewhere the pointer can point to. The compiler calls a conversion
// function of the runtime (`convT64` for 8-byte integers, `convTstring` for strings,
// `convTnoptr` or `convT` for other types), which copies the value into a new heap object of its
// own size. The compiler says "escapes to heap" for all four, but the runtime decides the rest:
// `convT64` returns a pointer into `runtime.staticuint64s`, a table of the integers 0 to 255, for
// a small value, and allocates only for the others; `convTstring` likewise points an empty
// string at shared memory. So whether boxing an int costs an allocation depends on its value at
// run time, not on the code.
//
// **Exercise.** Set `boxed = 255`, then `boxed = 256`, and run all cells again. Which line stops
// or starts allocating, and where in the runtime is the limit written?

// %% [markdown]
// ## 6.4 `fmt.Sprintf`, and what it costs
//
// `format.go` writes `n=` and a number twice: with `fmt.Sprintf`, and with `strconv.AppendInt`
// into a buffer kept from call to call.

// %%
lab.showOwnCodePrograms(own, "6.4");

// %%
lab.showOwnCodeCounts(own, "6.4");
lab.showOwnCodeLines(own, "6.4");

// %% [markdown]
// **Takeaway.** `fmt.Sprintf` takes its arguments as `...any`, so each non-pointer argument is
// boxed first, by the rule of 6.3 (`convT64` for `n`), at your line; then the formatted bytes are
// copied into the string it returns (`slicebytetostring`). Both are small and hold no pointers,
// so the allocator may serve them from one 16-byte tiny block: the second then takes no new
// memory, though it still counts as an allocation. Its working buffer is not allocated per call: fmt keeps its
// printers in a `sync.Pool` and reuses them, so only a call right after a garbage collection,
// which empties every pool, or on a processor (P) whose cache of the pool is still empty pays for
// a printer again (the measured call follows a warm-up call on the same single P with no
// collection between, as under `testing.AllocsPerRun`). `strconv.AppendInt` writes the
// digits straight into a slice you give it: once that slice has room, nothing is allocated.
//
// **Exercise.** Set `number = 255`. Which of the Sprintf line's allocations goes away, and which
// stays whatever the number?

// %% [markdown]
// ## 6.5 `[]byte(s)`: when does a conversion copy?
//
// `bytes.go` converts the same string of `length` bytes twice: once into a slice that is kept
// (stored in a package variable) and once into a slice that is only read inside the function.

// %%
lab.showOwnCodePrograms(own, "6.5");

// %%
lab.showOwnCodeCounts(own, "6.5");
lab.showOwnCodeLines(own, "6.5");
lab.showOwnCodeEscapes(own, "6.5");

// %% [markdown]
// Both lines as the simulator's conversion cases: `[]byte(n-byte string)` kept in a package
// variable, and the same `[stack]`, used only in the function. The simulator runs without Go, so
// the reasons below (stack buffer, size class, zero-copy) are there even with no Go installed.

// %%
lab.showOwnCodeSimulated(own, [
  { program: "bytes.go", line: "kept := []byte(s)", case: `[]byte(${length}-byte string)` },
  { program: "bytes.go", line: "local := []byte(s)", case: `[]byte(${length}-byte string) [stack]` },
]);

// %% [markdown]
// **Takeaway.** A string's bytes must never change, and a `[]byte` can be written, so converting
// copies the bytes (`runtime.stringtoslicebyte`). Where the copy goes depends on escape analysis:
// a slice that escapes gets a heap allocation of its length, rounded to a size class; one that
// does not escape and is at most 32 bytes (`tmpStringBufSize` in `runtime/string.go`) is copied
// into a buffer in the function's frame. Newer compilers also check whether the slice is ever
// written: a non-escaping slice that is only read can share the string's bytes with no copy at
// all (`OSTR2BYTESTMP` in the compiler's escape analysis). Where the lines table shows nothing
// for the local conversion, that is what the compiler did.
//
// **Exercise.** Set `length = 32`, then `length = 33`, and run all cells again. On which Go
// versions does the local conversion start to allocate at 33 bytes, and why not on the others?

// %% [markdown]
// ## All five patterns side by side
//
// Every program of the chapter, mallocs per call of `probe()`, a bar per Go version:

// %%
await lab.showChart(lab.ownCodeChart(own.snippets, own.versions));

// %% [markdown]
// ## 6.6 Your own program
//
// In the notebook, write a `func probe()` of your own in the template of the next cell (`npx golab
// lab` opens it; the page shows the program the template makes): package-level declarations and
// standard-library imports, no `package` line and no `main`, as `golab measure --code` takes a
// file. Each `{{name}}` is replaced by the value of `name` in the object after the template,
// written as a Go literal, so you can change sizes without editing the code. It runs only where
// Go is installed: nothing has recorded your program. The same file works from a terminal:
// `npx golab measure --code mine.go --go 1.19,1.26,1.27` and `npx golab trace --code mine.go`.

// %%
const mine = lab.ownSnippet(`var sink []int

func probe() {
	s := make([]int, 0, {{capacity}})
	for i := 0; i < {{count}}; i++ {
		s = append(s, i)
	}
	sink = s
}
`, { capacity: 4, count: 10 });
const yours = await lab.observeOwnCode([mine], { versions: versions, live: live, cache: cache });
lab.showOwnCodePrograms(yours, "yours");
lab.showOwnCodeCounts(yours, "yours");
lab.showOwnCodeLines(yours, "yours");

// %% [markdown]
// **Exercise.** Set `capacity` to `count` in the object above and run the cell again: which line
// stops allocating, and what does the lines table say grew the slice before?
