// Server entry: applies migrations, seeds an empty database, then serves the Remix build
// with the cross-cutting HTTP concerns (security headers, CSRF cookie, Origin check, body
// limits, language cookie) in one place so that no route can forget them.
//
//   node server.mjs [--dev] [--default-mode=demo]
//
// The deployment mode (PORTAL_MODE: production | demo | development) is separate from
// NODE_ENV: every mode but --dev serves the optimised build with NODE_ENV=production.
// --default-mode is what the npm scripts pass; without PORTAL_MODE and without it the
// portal runs in production mode (docs/decisions/015-deployment-modes.md).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV = dev ? "development" : "production";
const defaultMode = process.argv.find((arg) => arg.startsWith("--default-mode="))?.slice("--default-mode=".length);
if (!process.env.PORTAL_MODE && defaultMode) process.env.PORTAL_MODE = defaultMode;
const mode = process.env.PORTAL_MODE === "demo" || process.env.PORTAL_MODE === "development" ? process.env.PORTAL_MODE : "production";
if (process.env.PORTAL_MODE && process.env.PORTAL_MODE !== mode) {
  console.error(`Unknown PORTAL_MODE "${process.env.PORTAL_MODE}": use production, demo or development`);
  process.exit(1);
}
const production = mode === "production";
if (production && !process.env.PUBLIC_ORIGIN) {
  console.warn("Warning: PUBLIC_ORIGIN is not set. QR codes and SMS links will use the address each request came in on; set PUBLIC_ORIGIN=https://your.portal.example");
}

const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
mkdirSync(dataDir, { recursive: true });

function run(command, args) {
  const result = spawnSync(process.execPath, [...command, ...args], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.env.SKIP_DB_SETUP !== "1") {
  run(["scripts/prisma.mjs"], ["migrate", "deploy"]);
  run(["--import", "tsx", "prisma/seed.ts"], ["--if-empty"]);
}

const CSRF_COOKIE = "portal_csrf";
const LANG_COOKIE = "lng";
const LANGUAGES = new Set(["zh-CN", "en"]);
// The same totals as FORM_LIMITS in app/utils/forms.server.ts (docs/decisions/013-request-bodies.md).
const MAX_MULTIPART_BYTES = 40 * 1024 * 1024;
const MAX_OTHER_BODY_BYTES = 4 * 1024 * 1024;
/** After a 413, what the client still sends is read and dropped up to this much, then the connection is cut. */
const MAX_DISCARDED_BYTES = 256 * 1024 * 1024;
const secureCookies = production && process.env.INSECURE_COOKIES !== "1";

function readCookie(header, name) {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

function addCookie(req, res, name, value, maxAgeSeconds) {
  res.append(
    "Set-Cookie",
    `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secureCookies ? "; Secure" : ""}`,
  );
  // The request handler reads the cookie from the request, so it sees it on this first visit too.
  req.headers.cookie = [req.headers.cookie, `${name}=${encodeURIComponent(value)}`].filter(Boolean).join("; ");
}

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY === "1");
app.use(compression());

app.use((req, res, next) => {
  // A fresh nonce per response: only scripts that carry it run (Remix's own inline
  // scripts get it through the load context; see app/entry.server.tsx).
  res.locals.cspNonce = randomBytes(16).toString("base64");
  res.set({
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    // Production is served over HTTPS only (browsers ignore this header over plain http).
    ...(production ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
    "Content-Security-Policy": [
      "default-src 'self'",
      "img-src 'self' data: blob:",
      "style-src 'self' 'unsafe-inline'",
      // Vite's development client injects scripts of its own; production is nonce-only.
      dev ? "script-src 'self' 'unsafe-inline' 'unsafe-eval'" : `script-src 'self' 'nonce-${res.locals.cspNonce}'`,
      `connect-src 'self'${dev ? " ws:" : ""}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
  });
  next();
});

app.use((req, res, next) => {
  // The app reads the client address from this header only; never trust one sent by the client.
  req.headers["x-portal-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
  if (!readCookie(req.headers.cookie, CSRF_COOKIE)) {
    addCookie(req, res, CSRF_COOKIE, randomBytes(24).toString("base64url"), 60 * 60 * 24 * 30);
  }
  const lng = req.query.lng;
  if (typeof lng === "string" && LANGUAGES.has(lng) && readCookie(req.headers.cookie, LANG_COOKIE) !== lng) {
    addCookie(req, res, LANG_COOKIE, lng, 60 * 60 * 24 * 365);
  }
  next();
});

/**
 * The few answers given before the app renders anything: a small bilingual page, since the
 * request never reached the part that knows the user's language.
 */
function plainPage(res, status, zh, en) {
  res
    .status(status)
    .type("html")
    .send(
      `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${zh.title}</title></head>` +
        `<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.6">` +
        `<h1>${zh.title}</h1><p>${zh.body}</p><div lang="en"><h2>${en.title}</h2><p>${en.body}</p></div>` +
        `<p><a href="/">首页 / Home</a></p></body></html>`,
    );
}

/** Reads and drops the rest of a request body nobody will use, within a bound, so the answer reaches the client. */
function discardRest(req) {
  if (req.complete) return;
  req.unpipe();
  let dropped = 0;
  req.on("data", (chunk) => {
    dropped += chunk.length;
    if (dropped > MAX_DISCARDED_BYTES) req.socket.destroy();
  });
  req.resume();
}

function tooLarge(req, res) {
  plainPage(
    res,
    413,
    { title: "提交的内容太大", body: "一次提交的文件合计不能超过 40 MB，每个文件不超过 5 MB。请压缩文件后返回重新上传，已填写的内容已经保存。" },
    { title: "What you sent is too large", body: "Files sent at once may total at most 40 MB, and 5 MB each. Make them smaller and go back to upload them again; what you entered has been saved." },
  );
  discardRest(req);
}

function refererOrigin(referer) {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

function bodyLimit(req) {
  return /^multipart\/form-data/i.test(req.headers["content-type"] ?? "") ? MAX_MULTIPART_BYTES : MAX_OTHER_BODY_BYTES;
}

// A state change must come from one of our own pages: browsers send Origin on every
// POST; the token check in the form parser is the second line. Nothing of the body has
// been read yet at this point.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  if (Number(req.headers["content-length"] ?? 0) > bodyLimit(req)) return tooLarge(req, res);
  const origin = req.headers.origin ?? refererOrigin(req.headers.referer);
  const expected = `${req.protocol}://${req.headers.host}`;
  const allowed = new Set([expected, ...(process.env.PUBLIC_ORIGIN ? [process.env.PUBLIC_ORIGIN.replace(/\/$/, "")] : [])]);
  if (!origin || !allowed.has(origin)) {
    return plainPage(
      res,
      403,
      { title: "请求被拒绝", body: "这个请求不是从本网站的页面发出的，为了您的安全已被拒绝。请从本网站重新操作。" },
      { title: "Request refused", body: "This request did not come from a page of this site and was refused for your safety. Please start again from the site itself." },
    );
  }
  next();
});

let build;
if (dev) {
  const vite = await import("vite").then((mod) => mod.createServer({ server: { middlewareMode: true } }));
  app.use(vite.middlewares);
  build = () => vite.ssrLoadModule("virtual:remix/server-build");
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
  build = await import("./build/server/index.js");
}

/**
 * The request Remix sees (as @remix-run/express builds it), with a body that is counted as
 * it streams in: a body without Content-Length (chunked) is cut off at the same limit,
 * answered with 413 at once, and the rest of it is dropped instead of being held in memory.
 */
function limitedRequest(req, res) {
  const host = (process.env.TRUST_PROXY === "1" && req.get("X-Forwarded-Host")) || req.get("host");
  const url = new URL(`${req.protocol}://${host}${req.originalUrl}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  // Loaders and actions stop when the client has gone before the answer was written.
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method === "GET" || req.method === "HEAD") return new Request(url, init);
  const limit = bodyLimit(req);
  let seen = 0;
  const counted = new Transform({
    transform(chunk, _encoding, callback) {
      seen += chunk.length;
      if (seen <= limit) return callback(null, chunk);
      if (!res.headersSent) tooLarge(req, res);
      callback(new Error("Request body over the limit"));
    },
  });
  // The app may stop reading early (a refused form cancels the stream): that error is the app's
  // answer, not a crash of the server.
  counted.on("error", () => {});
  req.pipe(counted);
  return new Request(url, { ...init, body: createReadableStreamFromReadable(counted), duplex: "half" });
}

async function sendResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

const handleRequest = createRequestHandler(build, dev ? "development" : "production");
app.all("*", async (req, res, next) => {
  try {
    const response = await handleRequest(limitedRequest(req, res), { cspNonce: dev ? "" : res.locals.cspNonce });
    // The body limit may have answered already; the app's answer to a cut-off form is dropped.
    if (res.headersSent) return;
    // The form reader refuses oversized parts with 413: the same small page as above.
    if (response.status === 413) return tooLarge(req, res);
    await sendResponse(res, response);
    // A POST the app answered without reading its whole body (e.g. no action): drop the rest.
    if (req.method !== "GET" && req.method !== "HEAD") discardRest(req);
  } catch (error) {
    if (!res.headersSent) next(error);
  }
});

const server = app.listen(port, () => {
  console.log(`Portal listening on http://localhost:${port}`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
