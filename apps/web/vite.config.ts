import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { formatKilobytes, SIGN_IN_BUDGET_BYTES, signInWeight } from './build/sign-in-weight.js';

const root = import.meta.dirname;
const outDir = path.join(root, 'dist');

/** Prints what the sign-in page costs after each build, and fails the build past the budget. */
const signInWeightReport = (): Plugin => ({
  name: 'tessera-sign-in-weight',
  apply: 'build',
  async closeBundle() {
    const weight = await signInWeight(outDir);
    const line = `sign-in page JavaScript: ${formatKilobytes(weight.gzipBytes)} gzipped (${formatKilobytes(weight.bytes)} raw, ${weight.files.length} files; budget ${formatKilobytes(SIGN_IN_BUDGET_BYTES)})`;
    process.stdout.write(`${line}\n`);
    if (weight.gzipBytes > SIGN_IN_BUDGET_BYTES) this.error(`${line}: over budget — move code out of the entry chunk (lazy routes)`);
  },
});

export default defineConfig({
  root,
  // JSX through esbuild's automatic runtime; no React plugin (a change reloads the page in dev).
  esbuild: { jsx: 'automatic' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // Mantine marks its modules "use client" for React Server Components; meaningless in an SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // Dev mode: the API is the local server's. Host is kept, so the server's same-origin check passes.
    proxy: { '/api': { target: process.env.TESSERA_API_URL ?? 'http://127.0.0.1:8080' } },
  },
  plugins: [signInWeightReport()],
});
