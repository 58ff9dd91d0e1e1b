// A static server for dist/ (like any plain host) and Debian's Chromium: shared by the browser tests and the bench.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** The built site; SADDLE_DIST points elsewhere when several builds run side by side. */
// From the project root (npm scripts and Vitest run there; the bench runs as a bundle elsewhere).
export const DIST = process.env.SADDLE_DIST ?? `${process.cwd()}/dist/`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.txt': 'text/plain',
};

export interface ServeOptions {
  /** The path the site is served under, as built with SADDLE_BASE: '/' or '/course/'. Anything outside it is a 404. */
  prefix?: string;
  /** Compress text responses with gzip when the browser accepts it, as a static host would. */
  gzip?: boolean;
}

/** What a static host compresses: text and wasm. PNG and woff2 are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.wasm', '.ttf']);

/**
 * Serves `dist/` on 127.0.0.1 under `prefix`: `<prefix>a/` → `a/index.html`, anything missing → `404.html` with
 * status 404 (a host's custom error page, as GitHub Pages and Netlify serve it).
 */
export async function startServer(
  root = DIST,
  { prefix = '/', gzip = false }: ServeOptions = {},
): Promise<{ origin: string; url: (path: string) => string; close: () => Promise<void> }> {
  if (!existsSync(join(root, 'index.html'))) throw new Error(`No built site in ${root}: run "npm run build" first.`);
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`prefix must start and end with "/": ${prefix}`);
  const packed = new Map<string, Buffer>();
  const send = (req: IncomingMessage, res: ServerResponse, status: number, file: string, body: Buffer) => {
    const ext = extname(file);
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', vary: 'accept-encoding' };
    if (gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      if (!packed.has(file)) packed.set(file, gzipSync(body, { level: 6 }));
      body = packed.get(file)!;
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(status, headers);
    res.end(body);
  };
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const notFound = join(root, '404.html');
    let file = path.startsWith(prefix) ? join(root, path.slice(prefix.length)) : notFound;
    if (!file.startsWith(root)) file = notFound;
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      send(req, res, file === notFound ? 404 : 200, file, await readFile(file));
    } catch {
      send(req, res, 404, notFound, await readFile(notFound));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server did not start');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    /** A path under the prefix (`en/` → `http://127.0.0.1:…/course/en/`). */
    url: (p) => origin + prefix + p.replace(/^\/+/, ''),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Debian Chromium with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
