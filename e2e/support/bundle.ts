import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';

/** The JS and CSS files index.html loads up front: stylesheets, module preloads and scripts. */
export function initialFiles(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)="([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  return [...new Set(refs.filter(Boolean))];
}

/** What `ng build` prints as "Estimated transfer size": brotli size, files under 1 kB as they are. */
export function estimatedTransferBytes(path: string): number {
  const contents = readFileSync(path);
  return contents.byteLength < 1024 ? contents.byteLength : brotliCompressSync(contents).byteLength;
}
