// The floor: a bare Remix 2 app built with the same Remix, React and Vite as the portal and
// served by the same kind of server (bench/floor/server.mjs), so that the portal's figures
// are read against what the framework itself costs on this machine, in the same run.
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import remixConfig from "../../remix.config.js";

const here = new URL(".", import.meta.url).pathname;

export default defineConfig({
  root: here,
  plugins: [remix({ appDirectory: `${here}app`, buildDirectory: `${here}build`, future: remixConfig.future })],
  build: { target: "es2020" },
  logLevel: "warn",
});
