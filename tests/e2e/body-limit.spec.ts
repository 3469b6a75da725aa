// Request bodies are limited while they stream in, whatever their content type and whether
// or not they declare a Content-Length. The spec starts its own server (server.mjs, the
// production build in demo mode) so that it can watch that process's memory.
import { readFileSync } from "node:fs";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { startOwnServer, type OwnServer } from "./own-server";

let server: OwnServer;
let base = "";

/** Resident memory of the server process, from /proc. */
function serverRssBytes(): number {
  const status = readFileSync(`/proc/${server.process.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

type Sent = { status: number; body: string; sentBytes: number };

/**
 * POSTs `total` bytes with Transfer-Encoding: chunked (no Content-Length): `head` first, then
 * filler, then `tail`, written as fast as the server takes them.
 */
function postChunked(pathname: string, headers: Record<string, string>, head: string, total: number, tail = ""): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const url = new URL(pathname, base);
    const request = http.request({ hostname: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { ...headers, "Transfer-Encoding": "chunked", Origin: base } });
    let sentBytes = 0;
    let answered = false;
    const filler = Buffer.alloc(64 * 1024, "a");
    request.on("response", (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8"), sentBytes });
      });
    });
    // The server may cut the connection once it has answered; the answer can come just after the error.
    request.on("error", (error) => setTimeout(() => (answered ? undefined : reject(error)), 1000));
    const write = () => {
      while (!answered && sentBytes < total) {
        const chunk = sentBytes === 0 ? Buffer.from(head) : filler;
        sentBytes += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", write);
      }
      if (!answered) request.end(tail);
    };
    write();
  });
}

/** The CSRF cookie and the form token of a fresh browser, from the sign-in page. */
async function browserToken(): Promise<{ cookie: string; token: string }> {
  const response = await fetch(`${base}/login`);
  const cookie = /portal_csrf=[^;]+/.exec(response.headers.get("set-cookie") ?? "")![0];
  const token = /name="csrf" value="([^"]+)"/.exec(await response.text())![1];
  return { cookie, token };
}

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOwnServer({ PORTAL_MODE: "demo", SMS_ADAPTER: "outbox" });
  base = server.base;
  // Warm up: the first renders load the build and the fonts of the page.
  for (let index = 0; index < 3; index += 1) await browserToken();
});

test.afterAll(() => server?.stop());

const HUNDRED_MB = 100 * 1024 * 1024;
const FLAT = 30 * 1024 * 1024;

async function expectRefusedFlat(send: () => Promise<Sent>) {
  const before = serverRssBytes();
  const sent = await send();
  const growth = serverRssBytes() - before;
  expect(sent.status).toBe(413);
  expect(sent.body).toContain("提交的内容太大");
  expect(sent.body).toContain("What you sent is too large");
  expect(growth, `server memory grew by ${Math.round(growth / 1024 / 1024)} MB`).toBeLessThan(FLAT);
  return sent;
}

test("a chunked urlencoded body of 100 MB gets 413 while memory stays flat", async () => {
  const { cookie } = await browserToken();
  const sent = await expectRefusedFlat(() => postChunked("/login", { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie }, "phone=", HUNDRED_MB));
  // Refused as it streamed, not after reading it all.
  expect(sent.sentBytes).toBeLessThan(HUNDRED_MB);
});

test("a chunked body of a type no form has is refused unread, and what follows is dropped", async () => {
  const before = serverRssBytes();
  const sent = await postChunked("/login", { "Content-Type": "application/json" }, '{"a":"', HUNDRED_MB);
  expect(sent.status).toBe(400);
  expect(serverRssBytes() - before).toBeLessThan(FLAT);
  // The server is still there and answers.
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
});

test("a chunked multipart form with a 100 MB text field gets 413 while memory stays flat", async () => {
  const { cookie, token } = await browserToken();
  const boundary = "----portal-test-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${token}\r\n--${boundary}\r\nContent-Disposition: form-data; name="phone"\r\n\r\n`;
  await expectRefusedFlat(() => postChunked("/login", { "Content-Type": `multipart/form-data; boundary=${boundary}`, Cookie: cookie }, head, HUNDRED_MB, `\r\n--${boundary}--\r\n`));
});

test("a chunked multipart form with a 100 MB file gets 413 while memory stays flat", async () => {
  const { cookie, token } = await browserToken();
  const boundary = "----portal-test-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${token}\r\n--${boundary}\r\nContent-Disposition: form-data; name="womanIdCard"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
  await expectRefusedFlat(() => postChunked("/login", { "Content-Type": `multipart/form-data; boundary=${boundary}`, Cookie: cookie }, head, HUNDRED_MB, `\r\n--${boundary}--\r\n`));
});

test("a chunked multipart body that never forms a part is refused early, not buffered", async () => {
  const { cookie } = await browserToken();
  // Declared multipart, but no part ever starts: the parser would hold it all.
  await expectRefusedFlat(() => postChunked("/login", { "Content-Type": "multipart/form-data; boundary=----never-sent", Cookie: cookie }, "x", HUNDRED_MB));
});

test("a multipart file sent before the form token is refused before any of it is kept", async () => {
  const { cookie } = await browserToken();
  const boundary = "----portal-test-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="womanIdCard"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
  const before = serverRssBytes();
  const sent = await postChunked("/login", { "Content-Type": `multipart/form-data; boundary=${boundary}`, Cookie: cookie }, head, HUNDRED_MB, `\r\n--${boundary}--\r\n`);
  expect(sent.status).toBe(403);
  expect(sent.sentBytes).toBeLessThan(HUNDRED_MB);
  expect(serverRssBytes() - before).toBeLessThan(FLAT);
});

test("a declared Content-Length over the limit is refused before reading", async () => {
  const response = await fetch(`${base}/login`, { method: "POST", headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(5 * 1024 * 1024) }, body: "x".repeat(5 * 1024 * 1024) });
  expect(response.status).toBe(413);
});
