import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The console is served by the Worker from Workers static assets (`[assets]` in wrangler.toml,
// directory worker/console/dist): files land under dist/console so their URLs start with /console.
// No inline script or style, no data: URLs: the Worker's CSP is `default-src 'self'`.
export default defineConfig({
  root,
  base: '/console/',
  plugins: [preact()],
  build: {
    outDir: 'dist/console',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
