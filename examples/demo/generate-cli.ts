/**
 * Usage: node --import tsx examples/demo/generate-cli.ts <file.duckdb> [--scale N]
 * Writes the deterministic demo warehouse (schema `demo`) and prints progress on stderr.
 */
import { generateDemoWarehouse } from './generate.js';

const USAGE = 'usage: generate-cli <file.duckdb> [--scale N]   (N > 0, default 1)';

interface CliArgs {
  file: string;
  scale: number;
}

function parseArgs(argv: readonly string[]): CliArgs {
  let file: string | undefined;
  let scale = 1;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--scale' || arg.startsWith('--scale=')) {
      const raw = arg === '--scale' ? argv[++i] : arg.slice('--scale='.length);
      scale = Number(raw);
      if (raw === undefined || raw === '' || !Number.isFinite(scale) || scale <= 0) {
        throw new Error(`invalid --scale value: ${String(raw)}`);
      }
    } else if (arg === '-h' || arg === '--help') {
      throw new Error(USAGE);
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown option ${arg}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new Error(`unexpected argument ${arg}`);
    }
  }
  if (file === undefined) throw new Error('missing output file');
  return { file, scale };
}

async function main(): Promise<void> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    const message = (err as Error).message;
    process.stderr.write(message === USAGE ? `${USAGE}\n` : `${message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const interactive = process.stderr.isTTY === true;
  const result = await generateDemoWarehouse(args.file, {
    scale: args.scale,
    onProgress: (step, done, total) => {
      const line = `[${done}/${total}] ${step}`;
      process.stderr.write(interactive ? `\r\x1b[K${line}` : `${line}\n`);
    },
  });
  if (interactive) process.stderr.write('\n');
  const counts = Object.entries(result.rowCounts)
    .map(([table, n]) => `${table}=${n.toLocaleString('en-US')}`)
    .join(' ');
  process.stderr.write(
    `wrote ${result.file} (scale ${result.scale}) in ${(result.elapsedMs / 1000).toFixed(1)} s: ${counts}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`generation failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
