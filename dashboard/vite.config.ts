import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev:dashboard` serves the dashboard with hot reload and sends API calls to a running
// `finkg serve` (FINKG_API, default http://127.0.0.1:8080); `npm run build` writes dashboard/dist.
const api = process.env.FINKG_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/v1': api, '/admin': api, '/docs': api } },
});
