// A readable API reference at /docs, written from the same route list as the OpenAPI document.
import type { Route } from './route.js';

const escapeHtml = (text: string) =>
  text.replace(/[<>&"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch]!);

const OPEN311 = [
  [
    'GET',
    '/open311/v2/services.json?jurisdiction_id={community}',
    'The services of the routing rules.',
  ],
  ['GET', '/open311/v2/services/{code}.json?jurisdiction_id={community}', 'A service definition.'],
  ['POST', '/open311/v2/requests.json', 'A request, form-encoded, with api_key (a token).'],
  ['GET', '/open311/v2/requests.json?jurisdiction_id={community}', 'Requests, filtered.'],
  ['GET', '/open311/v2/requests/{id}.json?jurisdiction_id={community}', 'One request.'],
];

/** The page. */
export function referencePage(routes: readonly Route[]): string {
  const tags = [...new Set(routes.map((route) => route.tag))];
  const row = (method: string, path: string, summary: string, roles: string) =>
    `<tr><td><code>${method}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(summary)}</td><td>${escapeHtml(roles)}</td></tr>`;
  const sections = tags.map((tag) => {
    const rows = routes
      .filter((route) => route.tag === tag)
      .map((route) =>
        row(
          route.method.toUpperCase(),
          `/communities/{community}${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`,
          route.summary,
          route.roles.join(', '),
        ),
      );
    return `<h2>${escapeHtml(tag)}</h2><table><thead><tr><th>Method</th><th>Path</th><th>What it does</th><th>Roles</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  });
  const open311 = OPEN311.map(([method, path, summary]) =>
    row(method!, path!, summary!, 'api_key on POST'),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lanewise API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}code{font-size:13px}</style>
</head><body>
<h1>Lanewise API</h1>
<p>Every route under <code>/communities/{community}</code> takes <code>Authorization: Bearer &lt;token&gt;</code> of that community. Errors are <code>{ "error": { "code", "message", "path" } }</code>, the message in the language of <code>Accept-Language</code> (zh-CN by default). The machine-readable document is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
${sections.join('\n')}
<h2>Open311 GeoReport v2</h2><table><thead><tr><th>Method</th><th>Path</th><th>What it does</th><th>Access</th></tr></thead><tbody>${open311.join('')}</tbody></table>
</body></html>`;
}
