import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// Built by bench/youth.ts into a temporary folder (BENCH_BARE_DIST); default Vite production settings.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: process.env.BENCH_BARE_DIST ?? resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
});
