// Builds the portal's single-page app (services/portal/web → web/dist), which the portal
// serves. Started by the portal itself when the build is missing or stale (web-build.ts).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1500 },
});
