import { COMPILE_USAGE, runCompile } from './commands/compile-command.js';
import type { CommandIo } from './commands/compile-command.js';

const USAGE = `Usage: tessera <command> [options]

Commands:
  compile <dbt project dir | manifest.json | models dir>   compile models into explores

Run "tessera <command> --help" for a command's options.`;

/** Dispatches a command line; returns the exit code. */
export const main = async (argv: string[], io: CommandIo): Promise<number> => {
  const [command, ...rest] = argv;
  switch (command) {
    case 'compile':
      return runCompile(rest, io);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      io.out(`${USAGE}\n\n${COMPILE_USAGE}`);
      return command === undefined ? 2 : 0;
    default:
      io.err(`Unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
};
