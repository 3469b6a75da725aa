// Production entry: applies migrations, seeds an empty database, then serves the Remix
// build with the cross-cutting HTTP concerns (security headers, CSRF cookie, Origin
// check, language cookie) in one place so that no route can forget them.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

const port = Number(process.env.PORT ?? 3000);
const dev = process.argv.includes("--dev");
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
const MAX_BODY_BYTES = 40 * 1024 * 1024;
const secureCookies = process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1";

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

// A state change must come from one of our own pages: browsers send Origin on every
// POST; the token check in the form parser is the second line.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > MAX_BODY_BYTES) {
    return plainPage(
      res,
      413,
      { title: "提交的内容太大", body: "一次提交的文件合计不能超过 40 MB，每个文件不超过 5 MB。请压缩文件后返回重新上传，已填写的内容已经保存。" },
      { title: "What you sent is too large", body: "Files sent at once may total at most 40 MB, and 5 MB each. Make them smaller and go back to upload them again; what you entered has been saved." },
    );
  }
  const origin = req.headers.origin ?? (req.headers.referer ? new URL(req.headers.referer).origin : undefined);
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

app.all(
  "*",
  createRequestHandler({ build, mode: dev ? "development" : process.env.NODE_ENV, getLoadContext: (_req, res) => ({ cspNonce: dev ? "" : res.locals.cspNonce }) }),
);

const server = app.listen(port, () => {
  console.log(`Portal listening on http://localhost:${port}`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
