/**
 * Vite builds the static site: relative base (works from any path on any static host), React
 * through the built-in JSX transform (no plugin), the cluster in a module worker, and Monaco
 * with monaco-yaml in ONE lazy chunk loaded only when the editor opens.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'monaco', test: /node_modules[\\/](monaco-|@vscode[\\/]|vscode-|jsonc-parser|marked|dompurify)|features[\\/]editor[\\/]monacoSetup/, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
