// The workbench's build: `npm run build:web` → dist/web, served by `concord serve` at `/`.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: new URL('../dist/web', import.meta.url).pathname,
    // Not emptied: `npm pack` (prepare) rebuilds while a test may be serving dist/web; hashed
    // names make a rebuild of the same sources write the same files.
    emptyOutDir: false,
    // The library (with Observable Plot) is one chunk for the page and one for the worker.
    chunkSizeWarningLimit: 2500,
    reportCompressedSize: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's sources carry esbuild-style pure annotations Rollup cannot place; harmless.
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
});
