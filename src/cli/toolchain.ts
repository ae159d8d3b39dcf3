/**
 * The CLI's toolchain is a set of optional peer dependencies (a production install
 * carries none of it). When a command meets one missing, this turns Node's
 * "cannot find package" into the one install command that fixes it.
 *
 * @module
 */

/** The packages `validate`, `build` and `dev` need (ajv: the manifest schema check), in install order. */
export const TOOLCHAIN = ['esbuild', '@babel/parser', 'fast-xml-parser', 'ajv'] as const;

/** The missing toolchain package named by `error`, if that is what it is. */
export function missingToolchainPackage(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND' && code !== 'missing_dependency') return undefined;
  const message = String((error as { message?: unknown }).message ?? '');
  return TOOLCHAIN.find((name) => message.includes(`'${name}'`) || message.includes(`"${name}"`));
}

/** What to tell the author when `name` is missing. */
export function toolchainHint(name: string): string {
  return (
    `this command needs '${name}', which is not installed (the CLI's toolchain is an optional peer dependency of @imperal/sdk, ` +
    `so production installs stay small). Install it once in your project: npm install --save-dev ${TOOLCHAIN.join(' ')}`
  );
}
