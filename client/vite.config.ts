import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const root = resolve(import.meta.dirname);
const outDir = process.env.IMPACT_CLIENT_DIST ?? resolve(root, 'dist');

/**
 * Writes `.br` (quality 11) and `.gz` (level 9) next to every text asset once, at build time: the server then
 * sends the smallest encoding the phone accepts without compressing on each request.
 */
export function precompress(): Plugin {
  return {
    name: 'impact-precompress',
    apply: 'build',
    async writeBundle(options) {
      const dir = resolve(options.dir ?? outDir, 'assets');
      const names = (await readdir(dir)).filter((name) => /\.(js|css|svg|json|txt|map)$/.test(name));
      // zlib runs in libuv's thread pool: compressing the files concurrently uses every core.
      await Promise.all(
        names.map(async (name) => {
          const source = await readFile(resolve(dir, name));
          if (source.length < 1024) return;
          const [br, gzipped] = await Promise.all([
            brotli(source, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
              },
            }),
            gz(source, { level: 9 }),
          ]);
          await Promise.all([writeFile(resolve(dir, `${name}.br`), br), writeFile(resolve(dir, `${name}.gz`), gzipped)]);
        }),
      );
    },
  };
}

/**
 * SurveyJS ships the CSS of every question type (matrices, ratings, sliders, file upload, ranking, signature...):
 * ~360 kB that a phone must download, parse and match on every style recalculation. Our questionnaires only use
 * radio groups, checkboxes and comments (surveys/blocks: no panel, no drop-down, hence no popup or list), so the rules
 * that only style other components are dropped when the stylesheet is loaded. A rule is kept if any of its selectors
 * may match something we render.
 */
const UNUSED_SURVEY_CSS =
  /\.(?:sd-rating|sd-progress-buttons|sd-slider|sd-paneldynamic|sd-table|sd-file|sv-ranking|sd-ranking|sd-boolean|sv-button-group|sd-imagepicker|sd-image|sd-tagbox|sd-multipletext|sd-summary|sd-timer|sd-tab-item|sd-menu-filter|sv-drag-drop|sd-matrix|sd-imagemap|sd-breadcrumbs|sd-dropdown|sd-signaturepad|sd-completedpage|sv-header|sv-brand-info|sd-loading|sd-expression|sd-multiple-text|sd-hidden-input|sv-dragdrop|sd-drag-element|sd-panel|sv-popup|sv-list|sd-html|sd-menu-item|sd-menu-list|svc-)[\w-]*/;

export function purgeSurveyCss(css: string): string {
  const source = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const blockEnd = (from: number) => {
    let depth = 0;
    for (let i = from; i < source.length; i++) {
      if (source[i] === '{') depth++;
      else if (source[i] === '}' && --depth === 0) return i + 1;
    }
    return source.length;
  };
  const walk = (start: number, end: number): string => {
    let out = '';
    let i = start;
    while (i < end) {
      const open = source.indexOf('{', i);
      if (open < 0 || open >= end) break;
      const prelude = source.slice(i, open).trim();
      const close = blockEnd(open);
      if (prelude.startsWith('@media') || prelude.startsWith('@supports') || prelude.startsWith('@container')) {
        const inner = walk(open + 1, close - 1);
        if (inner.trim()) out += `${prelude}{${inner}}\n`;
      } else if (prelude.startsWith('@') || !prelude.split(',').every((selector) => UNUSED_SURVEY_CSS.test(selector.replace(/:not\([^)]*\)/g, '')))) {
        // (`:not(.sd-matrix)` says nothing about what the selector matches, hence its removal before the test.)
        out += `${prelude}${source.slice(open, close)}\n`;
      }
      i = close;
    }
    return out;
  };
  return walk(0, source.length);
}

function slimSurveyCss(): Plugin {
  return {
    name: 'impact-slim-survey-css',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith('survey-core/survey-core.fontless.css')) return null;
      return purgeSurveyCss(await readFile(id, 'utf8'));
    },
  };
}

/**
 * Writes `.vite/chunk-modules.json` (chunk file → source modules), so that a test can prove the questionnaire's chunks
 * hold no staff code and no vega, whatever the bundler decides to share between entries.
 */
function chunkModules(): Plugin {
  return {
    name: 'impact-chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: Record<string, { imports: string[]; modules: string[] }> = {};
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        chunks[item.fileName] = { imports: item.imports, modules: item.moduleIds.map((id) => id.replace(resolve(root, '..') + '/', '')) };
      }
      this.emitFile({ type: 'asset', fileName: '.vite/chunk-modules.json', source: JSON.stringify(chunks, null, 1) });
    },
  };
}

/**
 * Emits `questionnaire-sw.js`, a service worker without fetch handler: at install it stores the questionnaire's
 * hashed files in Cache Storage (Chrome then compiles the JavaScript ahead and keeps the compiled code), and a static
 * route serves `/assets/*` from there without even starting the worker. A returning respondent's phone thus skips
 * both the download and most of the compilation. Pages themselves are never cached (answers, tokens: never).
 */
function questionnaireServiceWorker(): Plugin {
  return {
    name: 'impact-questionnaire-sw',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((item) => item.type === 'chunk' && item.isEntry && item.facadeModuleId?.endsWith('questionnaire.html'));
      if (!entry || entry.type !== 'chunk') return;
      const files = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (!chunk || chunk.type !== 'chunk' || files.has(fileName)) return;
        files.add(fileName);
        chunk.viteMetadata?.importedCss.forEach((css) => files.add(css));
        chunk.imports.forEach(visit);
      };
      visit(entry.fileName);
      const assets = [...files].map((f) => `/${f}`).sort();
      const version = createHash('sha256').update(assets.join('\n')).digest('hex').slice(0, 16);
      this.emitFile({
        type: 'asset',
        fileName: 'questionnaire-sw.js',
        source: `// Generated by client/vite.config.ts (impact-questionnaire-sw).
const ASSETS = ${JSON.stringify(assets)};
const CACHE = 'impact-questionnaire-${version}';
self.addEventListener('install', (event) => {
  if (event.addRoutes) {
    event.addRoutes([{ condition: { urlPattern: new URLPattern({ pathname: '/assets/*' }) }, source: 'cache' }]);
  }
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('impact-questionnaire-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
`,
      });
    },
  };
}

// Two entries: the staff app, and the respondent questionnaire which must never load staff code or vega.
// `forget` is a tiny script for the respondent's end pages (sent, declined): it wipes the answers kept on the phone
// without downloading the questionnaire bundle.
export default defineConfig({
  root,
  plugins: [slimSurveyCss(), react(), precompress(), chunkModules(), questionnaireServiceWorker()],
  build: {
    // Overridable so that parallel builds (benchmarks, browser tests) do not overwrite each other.
    outDir,
    emptyOutDir: true,
    // The server reads the manifest to name the questionnaire's chunks (modulepreload) and its stylesheet.
    manifest: true,
    // The questionnaire is one big library (survey-core); splitting it would only add requests on a slow network.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        index: resolve(root, 'index.html'),
        questionnaire: resolve(root, 'questionnaire.html'),
        forget: resolve(root, 'src/questionnaire/forget.ts'),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/r': 'http://localhost:3000', '/q': 'http://localhost:3000' } },
});
