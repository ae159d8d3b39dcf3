/**
 * `imperal build [path] [--check] [--timeout <s>]`: load the extension,
 * generate `imperal.json`, merge the hand-written fields of the existing file,
 * check it against the schema and write it atomically (2-space JSON, no
 * trailing newline). `--check` writes nothing and exits 1 when the file on
 * disk is not what `build` would write.
 *
 * @module
 */
import { finding, type Finding } from '../../validator/finding.js';
import { loadExtension } from '../../validator/load/index.js';
import { checkManifest } from '../../validator/manifest/check.js';
import { mergeManifest, staleFields } from '../../validator/manifest/merge.js';
import { readManifest } from '../../validator/manifest/read.js';
import { semanticIssues } from '../../validator/manifest/semantic.js';
import { countsOf, modelOf } from '../../validator/model.js';
import { projectPathProblem, resolveProject } from '../../validator/project.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { countsLine, manifestCountsLine } from '../counts.js';
import { withProgress } from '../progress.js';
import { style } from '../style.js';
import { writeFileAtomic } from '../write-atomic.js';
import { formatFinding } from '../../validator/report/human.js';

/** Options of {@link runBuild}. */
export interface BuildCommandOptions {
  /** Compare instead of writing: exit 1 when imperal.json is missing or stale. */
  readonly check?: boolean;
  /** Bound on loading the extension, in milliseconds. */
  readonly timeoutMs?: number;
}

/** Schema findings of a manifest object about to be written. */
export function manifestFindings(manifest: unknown): Finding[] {
  const at = { file: 'imperal.json', line: 0 };
  const schema = checkManifest(manifest).map((i) => finding(i.rule, 'ERROR', i.message, i.fix, at));
  if (schema.length > 0) return schema;
  return semanticIssues(manifest as Record<string, unknown>).map((i) => finding(i.rule, 'ERROR', i.message, i.fix, at));
}

/** Runs the command; returns the exit code. */
export async function runBuild(path: string, io: CliIO, options: BuildCommandOptions = {}): Promise<number> {
  const problem = projectPathProblem(path);
  const project = problem === undefined ? resolveProject(path) : undefined;
  if (!project) throw new CliError(problem ?? `Path '${path}' is not an extension project.`, EXIT_USAGE);
  const s = style(io);
  // A corrupt imperal.json is refused before anything else: merging would drop its hand-written fields.
  const existing = readManifest(project.manifestPath);
  if (existing.syntaxError) {
    throw new CliError(`${project.manifestPath} is not valid JSON (line ${existing.syntaxError.line}): ${existing.syntaxError.message}. Fix or delete it, then run imperal build again.`, EXIT_USAGE);
  }
  const loaded = await withProgress(io, 'Loading and bundling the extension…', () => loadExtension(project, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }));
  const loadErrors = loaded.findings.filter((f) => f.level === 'ERROR');
  if (!loaded.ext || loadErrors.length > 0) {
    io.err(`${s.fail('Error:')} could not load the extension in '${project.root}':\n\n${loaded.findings.map((f) => formatFinding(f, s)).join('\n\n')}\n`);
    return EXIT_FAILURE;
  }
  let generated: Record<string, unknown>;
  try {
    generated = loaded.ext.manifest({ baseDir: project.root }) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(`could not generate the manifest: ${(error as Error).message}`, EXIT_FAILURE);
  }
  const manifest = mergeManifest(generated, existing.data);
  const problems = manifestFindings(manifest);
  if (problems.length > 0) {
    io.err(`${s.fail('Error:')} refusing to write ${project.manifestPath}: the manifest fails the schema.\n\n${problems.map((f) => formatFinding(f, s)).join('\n\n')}\n`);
    return EXIT_FAILURE;
  }
  if (options.check) {
    if (!existing.exists) {
      io.err(`${s.fail('✖')} ${project.manifestPath} does not exist: run imperal build.\n`);
      return EXIT_FAILURE;
    }
    const stale = staleFields(manifest, existing.data);
    if (stale.length > 0) {
      io.err(`${s.fail('✖')} ${project.manifestPath} is stale (differs in: ${stale.join(', ')}): run imperal build.\n`);
      return EXIT_FAILURE;
    }
    io.out(`${s.ok('✔')} ${project.manifestPath} is up to date.\n`);
    return EXIT_OK;
  }
  writeFileAtomic(project.manifestPath, JSON.stringify(manifest, null, 2));
  const model = modelOf(loaded.ext);
  io.out(
    [
      `${s.ok('✔')} Built: ${loaded.ext.appId} v${String(manifest.version)}`,
      `  ${countsLine(countsOf(model))}`,
      `  ${manifestCountsLine(manifest)}`,
      `  Manifest: ${project.manifestPath}`,
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}
