/** What `/` shows when the web app has not been built: how to build it. */
export const missingBuildPage = (distDir: string): string => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Tessera: the web app is not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}code,pre{background:#f3f3f3;padding:.1rem .3rem;border-radius:3px}pre{padding:.6rem}</style>
</head>
<body>
<h1>The Tessera web app is not built</h1>
<p>The server is running and its API answers under <a href="/api/v1/health">/api/v1/health</a>
(documentation: <a href="/api/docs">/api/docs</a>), but there is no web app build in
<code>${escapeHtml(distDir)}</code>.</p>
<p>Build it from the repository root, then reload this page:</p>
<pre>npm run build:web</pre>
<p><code>npm ci</code> and <code>npm start</code> build it too when it is missing.</p>
</body>
</html>
`;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
