import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "~/i18n/locales/en/common.json";
import zh from "~/i18n/locales/zh-CN/common.json";
import { services } from "~/services/registry";

/** Leaf keys, with i18next plural suffixes folded (English has _one/_other where Chinese has one form). */
function keys(node: unknown, prefix = ""): Set<string> {
  const out = new Set<string>();
  if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) for (const leaf of keys(value, prefix ? `${prefix}.${key}` : key)) out.add(leaf);
  } else out.add(prefix.replace(/_(one|other|zero|two|few|many)$/, ""));
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe("translations", () => {
  it("has the same keys in Chinese and English", () => {
    expect([...keys(en)].sort()).toEqual([...keys(zh)].sort());
    for (const service of services) expect([...keys(service.locales.en)].sort()).toEqual([...keys(service.locales["zh-CN"])].sort());
  });

  it("has every literal key the code uses", () => {
    const known = new Set([...keys(zh)].map((key) => `common:${key}`));
    for (const service of services) for (const key of keys(service.locales["zh-CN"])) known.add(`${service.slug}:${key}`);
    const missing: string[] = [];
    const namespacedKey = new RegExp(`"((?:${["common", ...services.map((service) => service.slug)].join("|")}):[\\w.]+)"`, "g");
    for (const file of sourceFiles(path.resolve("app"))) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bt\("([a-zA-Z][\w.-]*(?::[\w.-]+)?)"/g)) {
        const key = match[1].includes(":") ? match[1] : `common:${match[1]}`;
        if (!known.has(key)) missing.push(`${path.relative(".", file)}: ${match[1]}`);
      }
      for (const match of text.matchAll(namespacedKey)) {
        if (!known.has(match[1])) missing.push(`${path.relative(".", file)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
