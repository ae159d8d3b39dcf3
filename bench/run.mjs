/**
 * `npm run bench`: runs every `bench/*.bench.mjs` against the built package and
 * prints one table. Each bench measures its baseline in the same run and reports
 * ratios, so numbers compare across machines.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.mjs') && (!only || f.includes(only))).sort();

const format = (n) => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toPrecision(3));
let failed = false;
for (const file of files) {
  console.log(`\n## ${file.replace('.bench.mjs', '')}`);
  try {
    const { run } = await import(pathToFileURL(`${dir}/${file}`).href);
    for (const r of await run()) {
      const ratio = r.ratio === undefined ? '' : `  ratio ${r.ratio.toFixed(2)}x${r.target ? ` (target ${r.target})` : ''}`;
      console.log(`  ${r.name.padEnd(58)} ${format(r.value).padStart(12)} ${r.unit}${ratio}`);
    }
  } catch (error) {
    failed = true;
    console.log(`  failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
