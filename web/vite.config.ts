import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// Built into the server's wwwroot/app; the server serves it at "/" with a fallback for /projects/... routes.
export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: '../src/Labelforge.Server/wwwroot/app',
    emptyOutDir: true,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:5180' } },
  test: { environment: 'happy-dom', include: ['test/**/*.test.ts'] },
});
