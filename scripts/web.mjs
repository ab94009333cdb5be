// `npm run web`: builds the page (web/ → web/dist, with Vite) and serves it on 127.0.0.1, printing the address.
// `node scripts/web.mjs --port 8080` picks the port; `--no-serve` only builds.
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { serveStatic } from "./web-server.mjs";

const webDir = fileURLToPath(new URL("../web/", import.meta.url));

/**
 * Builds the page into web/dist.
 *
 * @returns {Promise<string>} the output directory
 */
export async function buildWeb() {
  await build({ configFile: `${webDir}vite.config.ts`, logLevel: "warn" });
  return `${webDir}dist`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portAt = args.indexOf("--port");
  const port = portAt >= 0 ? Number(args[portAt + 1]) : 5178;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: expected a port number, received ${JSON.stringify(args[portAt + 1] ?? "")}`);
    process.exit(2);
  }
  const dist = await buildWeb();
  console.log(`Built the page into ${dist}`);
  if (!args.includes("--no-serve")) {
    const { url } = await serveStatic(dist, port);
    console.log(`The page: ${url}  (computes everything in your browser; nothing is sent anywhere). Ctrl+C stops.`);
  }
}
