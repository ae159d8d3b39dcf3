/**
 * Formatting helpers for finding messages that quote values the way the
 * upstream validator prints them.
 *
 * @module
 */

/** A string quoted the way Python's `repr()` quotes it (the upstream message format). */
export function pyRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const body = value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
}

/** A list printed like Python's `str(list)`: `['a', 'b']`. */
export function pyList(values: readonly (string | number)[]): string {
  return `[${values.map((v) => (typeof v === 'number' ? String(v) : pyRepr(v))).join(', ')}]`;
}

/** Length in code points, as Python's `len()` counts a string. */
export function pyLen(value: string): number {
  return [...value].length;
}
