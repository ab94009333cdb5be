// Loads a module of the tsup build (dist/) for a build script, or exits
// with a message saying to build first. Plain Node ESM, no dependencies.

/**
 * @param {string} script - the calling script's name, for the message
 * @param {string} file - the module in dist/, e.g. "index.js"
 * @returns {Promise<Record<string, unknown>>} the module
 */
export async function loadDist(script, file) {
  const entry = new URL(`../dist/${file}`, import.meta.url);
  try {
    return await import(entry.href);
  } catch (error) {
    console.error(`${script}: cannot load ${entry.pathname}: run \`npm run build\` first (${error.message})`);
    process.exit(1);
  }
}
