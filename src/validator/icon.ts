/**
 * Structural checks of an SVG icon (rule V21): root element, viewBox, no
 * embedded raster, size cap, well-formed XML.
 *
 * @module
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The marketplace's icon size cap. */
export const ICON_MAX_BYTES = 102_400;

/** One problem with an icon file, as a message. */
export type IconProblem = string;

type XmlNode = Record<string, unknown>;

function findEmbeddedRaster(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(findEmbeddedRaster);
  if (typeof node !== 'object' || node === null) return false;
  for (const [key, value] of Object.entries(node as XmlNode)) {
    if (key === 'image') {
      for (const img of Array.isArray(value) ? value : [value]) {
        const attrs = (img ?? {}) as XmlNode;
        const href = String(attrs['@_href'] ?? attrs['@_xlink:href'] ?? '');
        if (href.startsWith('data:image') && href.includes('base64')) return true;
      }
    }
    if (findEmbeddedRaster(value)) return true;
  }
  return false;
}

/**
 * Problems with the SVG `bytes` loaded from `label` (the path as configured),
 * in the upstream order: size, XML, root, viewBox, embedded raster.
 */
export function svgProblems(label: string, bytes: Buffer): IconProblem[] {
  if (bytes.length > ICON_MAX_BYTES) return [`Icon '${label}' is ${bytes.length} bytes — max 100KB`];
  const text = bytes.toString('utf8');
  const valid = XMLValidator.validate(text);
  if (valid !== true) return [`Icon '${label}' is not valid XML: ${valid.err.msg} (line ${valid.err.line})`];
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', ignoreDeclaration: true, ignorePiTags: true }).parse(text) as XmlNode;
  const rootKey = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('!') && k !== '#text');
  const problems: IconProblem[] = [];
  const tag = rootKey?.replace(/^.*:/, '') ?? '';
  if (tag !== 'svg') problems.push(`Icon '${label}' root element is <${tag}>, must be <svg>`);
  const root = (rootKey ? doc[rootKey] : {}) as XmlNode | string;
  const viewBox = typeof root === 'object' && root !== null ? root['@_viewBox'] : undefined;
  if (typeof viewBox !== 'string' || viewBox.trim() === '') problems.push(`Icon '${label}' missing viewBox attribute on <svg>`);
  if (findEmbeddedRaster(root)) problems.push(`Icon '${label}' contains embedded base64 raster in <image href=...>`);
  return problems;
}
