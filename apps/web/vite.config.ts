/** Vite config for the admin SPA; in dev, API calls are proxied to the Tenure server. */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The proxy keeps the browser's Host header (no changeOrigin) so the server's Origin check for
// cookie-authenticated writes sees the same origin the browser sent.
const api = { target: 'http://127.0.0.1:3000', changeOrigin: false };

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/trpc': api, '/api': api } },
});
