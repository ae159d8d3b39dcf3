/**
 * The decorator matrix: the kitchen-sink fixture compiled by tsc and by esbuild,
 * each with standard (TC39) and legacy (`experimentalDecorators`) decorators, must
 * type-check and produce byte-identical manifests.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtureDir = join(root, 'test/fixtures/kitchen-sink');
const fixture = join(fixtureDir, 'extension.ts');
const outRoot = join(root, 'test/.tmp/decorator-matrix');

type Mode = 'standard' | 'legacy';

/** Real tsc: type-checks the fixture (with the SDK source) and emits it. */
function compileWithTsc(mode: Mode): { code: string; diagnostics: string[] } {
  const program = ts.createProgram([fixture], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    experimentalDecorators: mode === 'legacy',
    noEmitOnError: false,
    outDir: join(outRoot, 'tsc-unused'),
    baseUrl: root,
    paths: { '@imperal/sdk': ['src/index.ts'] },
    types: ['node'],
  });
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  let code = '';
  program.emit(program.getSourceFile(fixture), (name, text) => {
    if (name.endsWith('.js')) code = text;
  });
  return { code, diagnostics };
}

async function compileWithEsbuild(mode: Mode): Promise<string> {
  const result = await build({
    entryPoints: [fixture],
    bundle: false,
    write: false,
    format: 'esm',
    target: 'es2022',
    tsconfigRaw: { compilerOptions: { experimentalDecorators: mode === 'legacy' } },
  });
  return result.outputFiles[0]!.text;
}

async function manifestOf(compiler: string, mode: Mode, code: string): Promise<string> {
  const file = join(outRoot, `${compiler}-${mode}`, 'extension.js');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
  const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { ext: { manifestJson(o: object): string } };
  return mod.ext.manifestJson({ baseDir: fixtureDir });
}

describe('decorator matrix', () => {
  const source = readFileSync(fixture, 'utf8');
  const manifests = new Map<string, string>();

  it.each(['standard', 'legacy'] as const)('tsc (%s) type-checks the fixture and its manifest is recorded', async (mode) => {
    const { code, diagnostics } = compileWithTsc(mode);
    expect(diagnostics).toEqual([]);
    // The emitted code really uses the chosen dialect's helpers.
    expect(code).toContain(mode === 'legacy' ? '__decorate(' : '__esDecorate(');
    manifests.set(`tsc-${mode}`, await manifestOf('tsc', mode, code));
  }, 120_000);

  it.each(['standard', 'legacy'] as const)('esbuild (%s) compiles the fixture and its manifest is recorded', async (mode) => {
    const code = await compileWithEsbuild(mode);
    expect(code).toContain(mode === 'legacy' ? '__decorateClass(' : '__decorateElement(');
    manifests.set(`esbuild-${mode}`, await manifestOf('esbuild', mode, code));
  });

  it('all four manifests are byte-identical, and equal to the one loaded through the vitest plugin', async () => {
    expect([...manifests.keys()].sort()).toEqual(['esbuild-legacy', 'esbuild-standard', 'tsc-legacy', 'tsc-standard']);
    const { ext } = await import('../fixtures/kitchen-sink/extension.js');
    const reference = ext.manifestJson({ baseDir: fixtureDir });
    for (const [name, manifest] of manifests) expect(JSON.parse(manifest), name).toEqual(JSON.parse(reference));
    for (const [name, manifest] of manifests) expect(manifest, name).toBe(reference);
    // A sanity check that the fixture really registers through decorators.
    expect(source).toContain('@chat.fn(');
    expect(JSON.parse(reference).tools).toHaveLength(6);
  });
});
