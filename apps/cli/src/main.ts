import { main } from './cli.js';
import type { CommandIo } from './commands/compile-command.js';

const io: CommandIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  cwd: process.cwd(),
};

process.exitCode = await main(process.argv.slice(2), io);
