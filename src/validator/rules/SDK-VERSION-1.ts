import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** The lowest contract level the platform accepts. */
export const MIN_SDK_VERSION = '5.0.0';

/** Numeric compare of dotted versions (pre-release suffixes ignored). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string): number[] => v.split('-')[0]!.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const [pa, pb] = [parse(a), parse(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** SDK-VERSION-1 — imperal.json declares `sdk_version` ≥ 5.0.0 (the platform's contract level). */
export const SDK_VERSION_1: Rule = {
  id: 'SDK-VERSION-1',
  level: 'ERROR',
  summary: "imperal.json must declare sdk_version >= 5.0.0",
  check({ manifest }) {
    const data = manifest.data as Record<string, unknown> | undefined;
    if (!manifest.exists || typeof data !== 'object' || data === null || Array.isArray(data)) return [];
    const at = { file: 'imperal.json', line: 0 };
    const v = data.sdk_version;
    if (typeof v !== 'string' || v === '') {
      return [finding('SDK-VERSION-1', 'ERROR', "imperal.json missing 'sdk_version'. Declare 'sdk_version' to pin the SDK contract.",
        "Run 'imperal build' to regenerate imperal.json (it writes the installed SDK's \"sdk_version\").", at)];
    }
    if (compareVersions(v, MIN_SDK_VERSION) < 0) {
      return [finding('SDK-VERSION-1', 'ERROR', `imperal.json declares sdk_version='${v}' but the platform requires >= ${MIN_SDK_VERSION}.`,
        "Upgrade @imperal/sdk and run 'imperal build' to bump \"sdk_version\".", at)];
    }
    return [];
  },
};
