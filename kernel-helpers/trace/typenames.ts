/**
 * The runtime types mallocgc is given: their fields, and their names as the runtime spells them
 * ("map.bucket[int]int", "runtime.hmap", "internal/runtime/maps.table" appears as "maps.table").
 *
 * The allocation breakpoints load `typ` as a bare pointer (its pointee on every stop made each
 * stop's answer about 6 KB longer and Delve's work per stop larger, for the same few types); the
 * fields are read once per distinct type, by evaluating `typ` in the stopped frame. A type's name
 * lives in the module's types section at `typ.str` (a nameOff); the section's base is read once
 * (runtime.firstmoduledata.types) and each distinct type's name bytes once.
 */
import { GolabError } from "../errors";
import { traceMessages } from "../messages";
import { decodeTypeName, DelveClient, integerOf, RuntimeTypeRef, runtimeTypeOf, Value } from "../dlv";

export class TypeNames {
  private base: number | null = null;
  private readonly names = new Map<number, string>();
  private readonly fields = new Map<number, RuntimeTypeRef>();

  constructor(private readonly client: DelveClient) {}

  /**
   * The runtime type an entry's `typ` argument (loaded without its pointee) points to, null for a
   * nil typ. The first time an address is seen, `typ` is evaluated with its pointee in frame 0 of
   * goroutine `goroutineId`, which must be stopped at that entry.
   */
  async typeOf(typ: Value, goroutineId: number): Promise<RuntimeTypeRef | null> {
    if (typ.address === 0 || typ.text === "nil") return null;
    const known = this.fields.get(typ.address);
    if (known) return known;
    const ref = runtimeTypeOf(await this.client.eval(typ.name, "pointee", 0, goroutineId));
    if (ref === null || ref.address !== typ.address) {
      throw new GolabError(traceMessages.unreadableValue(`*${typ.name}`, ref === null ? "nil" : `at ${ref.address}, not ${typ.address}`));
    }
    this.fields.set(typ.address, ref);
    return ref;
  }

  async nameOf(t: RuntimeTypeRef): Promise<string> {
    const known = this.names.get(t.address);
    if (known !== undefined) return known;
    if (this.base === null) this.base = integerOf(await this.client.eval("runtime.firstmoduledata.types"));
    let name = decodeTypeName(await this.client.examineMemory(this.base + t.nameOff, 128), t.tflag);
    // A longer name than 128 bytes (a big struct type): read up to what its length says.
    if (name === null) name = decodeTypeName(await this.client.examineMemory(this.base + t.nameOff, 8192), t.tflag) ?? `?type@${t.address}`;
    this.names.set(t.address, name);
    return name;
  }
}
