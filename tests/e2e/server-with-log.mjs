// Starts the portal for the browser tests with everything it prints copied to a log file,
// so that global-teardown.ts can check that no personal data was ever logged.
import { spawn } from "node:child_process";
import fs from "node:fs";

const log = fs.createWriteStream(process.env.PORTAL_LOG_FILE ?? "server.log", { flags: "a" });
const server = spawn(process.execPath, ["server.mjs"], { stdio: ["ignore", "pipe", "pipe"] });
server.stdout.pipe(log);
server.stderr.pipe(log);
server.stderr.pipe(process.stderr);
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => log.end(() => process.exit(code ?? 0)));
