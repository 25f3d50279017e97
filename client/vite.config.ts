import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname);

// Two entries: the staff app, and the respondent questionnaire which must never load staff code or vega.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    // Overridable so that parallel builds (benchmarks, browser tests) do not overwrite each other.
    outDir: process.env.IMPACT_CLIENT_DIST ?? resolve(root, 'dist'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: resolve(root, 'index.html'),
        questionnaire: resolve(root, 'questionnaire.html'),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/r': 'http://localhost:3000', '/q': 'http://localhost:3000' } },
});
