// Measures the gzip JavaScript each route ships, from the build's own asset manifest,
// against the budget in DEVELOPERS.md: a citizen form step may ship at most 20% more
// than a bare Remix page (about 107 KB gzip). Run after `npm run build`.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BARE_REMIX_KB = 107;
const BUDGET_KB = BARE_REMIX_KB * 1.2;
const CITIZEN_ROUTES = [
  "routes/_index",
  "routes/services.$slug._index",
  "routes/apply.$id.$step",
  "routes/apply.$id.review",
  "routes/apply.$id.correct",
  "routes/applications._index",
  "routes/applications.$ref",
  "routes/signup",
  "routes/login",
  "routes/verify.$code",
];

// Importing the server build checks its settings (PORTAL_MODE unset means production, which
// requires secrets); only the asset manifest is needed here.
process.env.PORTAL_MODE ??= "demo";
const { assets } = await import(new URL("../build/server/index.js", import.meta.url).href);
const gzipKb = (files) => [...files].reduce((sum, file) => sum + gzipSync(readFileSync(`build/client${file}`)).length, 0) / 1024;
const chain = (id) => {
  const route = assets.routes[id];
  if (!route) throw new Error(`No route ${id} in the build`);
  return [...(route.parentId ? chain(route.parentId) : []), route.module, ...(route.imports ?? [])];
};

let failed = false;
for (const id of CITIZEN_ROUTES) {
  const files = new Set([assets.entry.module, ...assets.entry.imports, ...chain(id)]);
  const kb = gzipKb(files);
  const over = kb > BUDGET_KB;
  failed ||= over;
  console.log(`${id.padEnd(34)} ${kb.toFixed(1).padStart(6)} KB gzip JS ${over ? "OVER BUDGET" : "ok"} (budget ${BUDGET_KB.toFixed(0)} KB)`);
}
process.exit(failed ? 1 : 0);
