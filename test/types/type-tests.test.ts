/**
 * Runs the compile-time tests (`test/**\/*.test-d.ts`: `expectTypeOf` and
 * `@ts-expect-error` contracts) with the real TypeScript compiler, under the
 * test tsconfig. A failed type assertion is a diagnostic, so this fails with
 * the file, line and message. (Vitest's own typecheck mode does the same but
 * prints an experimental-feature warning on every run.)
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function typeTestFiles(): string[] {
  return readdirSync(join(root, 'test'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test-d.ts') && !join(e.parentPath, e.name).includes('/.tmp/'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe('type tests', () => {
  it('every *.test-d.ts type-checks under test/tsconfig.json', () => {
    const files = typeTestFiles();
    expect(files.map((f) => relative(root, f))).toEqual(expect.arrayContaining(['test/core/registrations.test-d.ts', 'test/ui/ui.test-d.ts']));
    const configPath = join(root, 'test/tsconfig.json');
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, join(root, 'test'));
    const program = ts.createProgram(files, { ...config.options, noEmit: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? `${relative(root, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(diagnostics).toEqual([]);
  }, 180_000);
});
