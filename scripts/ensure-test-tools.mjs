// Makes sure the tools the end-to-end tests need are on this machine: Debian's Chromium
// (Playwright's own browser download cannot work here), pdftotext (poppler-utils) to read
// the certificate PDF, a CJK font so that Chinese pages and PDFs render, and PostgreSQL
// for the tests that run on it. Installs the
// missing ones with apt-get (CI runs as root on a fresh machine). Prints one line.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";
// fonts-hanazono: the widest CJK Extension B–F font, which the PDF layer uses when present (rare-character names).
const PACKAGES = ["chromium", "poppler-utils", "fonts-noto-cjk", "fonts-hanazono", "postgresql"];

function hasCommand(name) {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

function hasCjkFont() {
  const result = spawnSync("fc-list", [":lang=zh"], { encoding: "utf8" });
  if (!result.error) return result.status === 0 && result.stdout.trim().length > 0;
  // No fontconfig tools: look for the Noto CJK files themselves.
  return existsSync("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
}

function hasPostgres() {
  const root = "/usr/lib/postgresql";
  return existsSync(root) && readdirSync(root).some((version) => existsSync(`${root}/${version}/bin/initdb`));
}

function missingTools() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push("chromium");
  if (!hasCommand("pdftotext")) missing.push("pdftotext");
  if (!hasCjkFont()) missing.push("CJK font");
  if (!hasPostgres()) missing.push("PostgreSQL");
  if (!existsSync("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf")) missing.push("fonts-hanazono");
  return missing;
}

function apt(args) {
  const result = spawnSync("apt-get", args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.error) return `could not run apt-get (${result.error.message})`;
  if (result.status !== 0) return `\`apt-get ${args.join(" ")}\` exited with ${result.status ?? result.signal}`;
  return null;
}

const missing = missingTools();
if (missing.length === 0) {
  console.log("ensure-test-tools: chromium, pdftotext, a CJK font and PostgreSQL are present; nothing to install.");
  process.exit(0);
}

const failure = apt(["update"]) ?? apt(["install", "-y", ...PACKAGES]);
if (failure) {
  console.error(`ensure-test-tools: missing ${missing.join(", ")}, and installing ${PACKAGES.join(" ")} failed: ${failure}.`);
  console.error("Install them by hand (as root: apt-get update && apt-get install -y " + PACKAGES.join(" ") + ") and try again.");
  process.exit(1);
}
const still = missingTools();
if (still.length > 0) {
  console.error(`ensure-test-tools: installed ${PACKAGES.join(" ")}, but ${still.join(", ")} still missing.`);
  process.exit(1);
}
console.log(`ensure-test-tools: ${missing.join(", ")} were missing; installed ${PACKAGES.join(" ")} with apt-get.`);
