/**
 * The `imperal` executable. `imperal --version` answers here, before the command
 * tree (and commander) is loaded; everything else goes to {@link runCli}.
 *
 * @module
 */
import { packageInfo } from './package-info.js';

const args = process.argv.slice(2);
// `imperal … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // What commander prints for the program's version option.
  process.stdout.write(`${packageInfo().version}\n`);
} else {
  const { runCli } = await import('./program.js');
  process.exitCode = await runCli(args);
}
