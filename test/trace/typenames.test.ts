/** The runtime types detail mode reads once per type (typ comes off each stop as a bare pointer). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { DelveClient, LoadLevel, Value } from "../../kernel-helpers/dlv";
import { toValue } from "../../kernel-helpers/dlv/convert";
import { WireVariable } from "../../kernel-helpers/dlv/wire";
import { GolabError } from "../../kernel-helpers/errors";
import { TypeNames } from "../../kernel-helpers/trace/typenames";

const variable = (name: string, type: string, value: string, children: WireVariable[] = [], addr = 0, onlyAddr = false): WireVariable =>
  ({ name, type, value, addr, children, unreadable: "", onlyAddr, realType: type, flags: 0, kind: 0, len: 0, cap: 0, base: 0 });

/** typ as a breakpoint loads it without its pointee: Delve gives the pointee's address only. */
const bare = (address: number) => toValue(variable("typ", "*internal/abi.Type", String(address), [variable("", "internal/abi.Type", "", [], address, true)], 0xbeed000000000000));

/** typ with its pointee, as Eval with the "pointee" level answers. */
const loaded = (address: number, ptrBytes: number) => toValue(variable("typ", "*internal/abi.Type", String(address), [variable("", "internal/abi.Type", "", [
  variable("Size_", "uintptr", "16"), variable("PtrBytes", "uintptr", String(ptrBytes)),
  variable("TFlag", "internal/abi.TFlag", "TFlagRegularMemory (8)"), variable("Str", "internal/abi.NameOff", "46187"),
], address)]));

/** A client whose Eval answers from `answer` and records each call. */
function fakeClient(answer: (expr: string) => Value) {
  const calls: { expr: string; load: LoadLevel; frame: number; goroutineId: number }[] = [];
  const client = {
    eval: async (expr: string, load: LoadLevel = "scalars", frame = 0, goroutineId = -1) => {
      calls.push({ expr, load, frame, goroutineId });
      return answer(expr);
    },
  } as unknown as DelveClient;
  return { client, calls };
}

test("a type's fields are evaluated once per address, in the stopped goroutine's frame 0, with the pointee", async () => {
  const answers = new Map([[5471648, loaded(5471648, 0)], [4731744, loaded(4731744, 8)]]);
  let next = 5471648;
  const { client, calls } = fakeClient(() => answers.get(next)!);
  const names = new TypeNames(client);
  assert.deepEqual(await names.typeOf(bare(5471648), 1), { address: 5471648, size: 16, ptrBytes: 0, tflag: 8, nameOff: 46187 });
  assert.deepEqual(await names.typeOf(bare(5471648), 1), { address: 5471648, size: 16, ptrBytes: 0, tflag: 8, nameOff: 46187 });
  next = 4731744;
  assert.equal((await names.typeOf(bare(4731744), 7))?.ptrBytes, 8);
  assert.deepEqual(calls, [
    { expr: "typ", load: "pointee", frame: 0, goroutineId: 1 },
    { expr: "typ", load: "pointee", frame: 0, goroutineId: 7 },
  ]);
});

test("a nil typ is no type and costs no call; an answer about another address is refused", async () => {
  const { client, calls } = fakeClient(() => loaded(4731744, 8));
  const names = new TypeNames(client);
  const nil = toValue(variable("typ", "*internal/abi.Type", "0", [variable("", "internal/abi.Type", "", [], 0, true)]));
  assert.equal(await names.typeOf(nil, 1), null);
  assert.equal(calls.length, 0);
  await assert.rejects(names.typeOf(bare(5471648), 1), (e: unknown) => e instanceof GolabError && /5471648/.test(e.message));
});
