/** Bytes of every file under `dir` (symlinks counted as links, not followed). */
export function directorySize(dir: string): number;
