/**
 * The one shape every validator problem takes.
 *
 * @module
 */

/** How serious a finding is: `ERROR` blocks publishing, `WARN` and `INFO` advise. */
export type Level = 'ERROR' | 'WARN' | 'INFO';

/** One problem the validator found. Never thrown: always reported. */
export interface Finding {
  /** Rule id, e.g. `V14`, `SKEL-GUARD-1`, `M4`, `LOAD`. */
  readonly rule: string;
  readonly level: Level;
  readonly message: string;
  /** How to fix it (`''` when the message says it all). */
  readonly fix: string;
  /** File the finding points at, relative to the project root when inside it (`''` when none). */
  readonly file: string;
  /** 1-based line (`0` when the file as a whole is meant). */
  readonly line: number;
  /** 1-based column, when known. */
  readonly column?: number;
}

/** Where a finding points. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

/** Builds a {@link Finding}; `at` may be omitted for findings about the whole extension. */
export function finding(
  rule: string,
  level: Level,
  message: string,
  fix: string,
  at: Location = { file: '', line: 0 },
): Finding {
  return at.column === undefined
    ? { rule, level, message, fix, file: at.file, line: at.line }
    : { rule, level, message, fix, file: at.file, line: at.line, column: at.column };
}

/** Counts findings per level. */
export function countLevels(findings: readonly Finding[]): Record<Level, number> {
  const counts: Record<Level, number> = { ERROR: 0, WARN: 0, INFO: 0 };
  for (const f of findings) counts[f.level] += 1;
  return counts;
}
