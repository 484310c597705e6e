/** Which Go versions this machine has, for integration tests that run on each of them. */
import { findToolchain, Toolchain } from "../../kernel-helpers/go";

export const VERSION_SPECS = ["1.19", "1.26", "1.27"] as const;

/** The toolchains that resolve here; tests print which were skipped so a gap is visible. */
export async function installedToolchains(): Promise<{ spec: string; tc: Toolchain }[]> {
  const found: { spec: string; tc: Toolchain }[] = [];
  for (const spec of VERSION_SPECS) {
    try {
      found.push({ spec, tc: await findToolchain(spec) });
    } catch (e) {
      process.stdout.write(`# Go ${spec} not installed here, skipped: ${(e as Error).message}\n`);
    }
  }
  return found;
}
