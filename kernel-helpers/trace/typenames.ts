/**
 * Names of the runtime types mallocgc is given, as the runtime spells them ("map.bucket[int]int",
 * "runtime.hmap", "internal/runtime/maps.table" appears as "maps.table"). A type's name lives in
 * the module's types section at `typ.str` (a nameOff); the tracer reads the section's base once
 * (runtime.firstmoduledata.types) and each distinct type's name bytes once.
 */
import { decodeTypeName, DelveClient, integerOf, RuntimeTypeRef } from "../dlv";

export class TypeNames {
  private base: number | null = null;
  private readonly names = new Map<number, string>();

  constructor(private readonly client: DelveClient) {}

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
