/**
 * `imperal build [path]`: load the extension, generate `imperal.json`, merge
 * the hand-written fields of the existing file, check it against the schema
 * and write it (2-space JSON, no trailing newline).
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { finding, type Finding } from '../../validator/finding.js';
import { loadExtension } from '../../validator/load/index.js';
import { checkManifest } from '../../validator/manifest/check.js';
import { readManifest } from '../../validator/manifest/read.js';
import { semanticIssues } from '../../validator/manifest/semantic.js';
import { resolveProject } from '../../validator/project.js';
import { formatFinding } from '../../validator/report/human.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { mergeManifest } from '../merge-manifest.js';

/** Schema findings of a manifest object about to be written. */
export function manifestFindings(manifest: unknown): Finding[] {
  const at = { file: 'imperal.json', line: 0 };
  const schema = checkManifest(manifest).map((i) => finding(i.rule, 'ERROR', i.message, i.fix, at));
  if (schema.length > 0) return schema;
  return semanticIssues(manifest as Record<string, unknown>).map((i) => finding(i.rule, 'ERROR', i.message, i.fix, at));
}

const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

/** Runs the command; returns the exit code. */
export async function runBuild(path: string, io: CliIO): Promise<number> {
  const project = resolveProject(path);
  if (!project) throw new CliError(`Path '${path}' does not exist.`, EXIT_USAGE);
  const loaded = await loadExtension(project);
  if (!loaded.ext) {
    io.err(`Error: could not load the extension in '${project.root}':\n\n${loaded.findings.map(formatFinding).join('\n\n')}\n`);
    return EXIT_FAILURE;
  }
  let generated: Record<string, unknown>;
  try {
    generated = loaded.ext.manifest({ baseDir: project.root }) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(`could not generate the manifest: ${(error as Error).message}`, EXIT_FAILURE);
  }
  const existing = readManifest(project.manifestPath);
  const manifest = mergeManifest(generated, existing.data);
  const problems = manifestFindings(manifest);
  if (problems.length > 0) {
    io.err(`Error: refusing to write ${project.manifestPath}: the manifest fails the schema.\n\n${problems.map(formatFinding).join('\n\n')}\n`);
    return EXIT_FAILURE;
  }
  writeFileSync(project.manifestPath, JSON.stringify(manifest, null, 2));
  io.out(
    [
      `Built: ${loaded.ext.appId} v${String(manifest.version)}`,
      `  Tools: ${count(manifest.tools)}, Panels: ${count(manifest.panels)}, Signals: ${count(manifest.signals)}, Schedules: ${count(manifest.schedules)}`,
      `  Manifest: ${project.manifestPath}`,
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}
