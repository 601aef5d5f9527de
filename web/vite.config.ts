import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm start` builds this into web/dist, which the API server serves (src/server/app.ts).
// For live editing: `npx planatlas serve` in one terminal, `npx vite web` in another (proxies /api).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
