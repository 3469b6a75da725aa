import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The layering that docs/decisions/001-service-engine.md describes, checked mechanically.
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Module sources a file imports; `import type` is erased at build time and does not count. */
function imports(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)\s(?!type\s)[^;]*?from\s+"([^"]+)"/gm)].map((match) => match[1]);
}

describe("module boundaries", () => {
  it("keeps the database out of route modules", () => {
    const offenders = files("app/routes").flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return /import\s*\{[^}]*\bdb\b[^}]*\}\s*from\s*"~\/utils\/db\.server"/.test(text) || text.includes("~/generated/") ? [file] : [];
    });
    expect(offenders).toEqual([]);
  });

  it("lets services import only zod, the engine's contract and field kit, pure helpers, their own files and the services' shared kit", () => {
    const allowed = (source: string) =>
      source === "zod" || source === "~/engine/define-service" || source === "~/engine/fields" || source.startsWith("~/lib/") || source.startsWith("./") || /^(\.\.\/)+(engine\/define-service|lib\/)/.test(source) || source.startsWith("../shared/");
    const offenders = files("app/services").flatMap((file) => imports(file).filter((source) => !allowed(source) && !(file.endsWith("registry.ts") && source.startsWith("./"))).map((source) => `${file}: ${source}`));
    expect(offenders).toEqual([]);
  });

  it("keeps the document layer free of the database and the engine: templates take plain data", () => {
    const offenders = files("app/documents").flatMap((file) => imports(file).filter((source) => !(source.startsWith("./") || source.startsWith("~/lib/") || !source.startsWith("~") && !source.startsWith("."))).map((source) => `${file}: ${source}`));
    expect(offenders).toEqual([]);
  });

  it("keeps server-only code out of modules the browser loads", () => {
    const browserSide = [...files("app/components"), ...files("app/lib"), ...files("app/i18n").filter((file) => !file.includes(".server."))];
    const offenders = browserSide.flatMap((file) => imports(file).filter((source) => source.includes(".server")).map((source) => `${file}: ${source}`));
    expect(offenders).toEqual([]);
  });
});
