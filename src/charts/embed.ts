/**
 * Snippets for sharing a chart: the <iframe> code, the script that tells the host page the embed's height, and the
 * host-side listener (documented in docs/charts.md). The chart's URLs are built in src/lib/paths.ts.
 */
import { escapeXml } from './text';
import { embedUrl, permalink } from '../lib/paths';

/** `type` of the message an embed posts to its parent: `{ type, id, height }`. */
export const EMBED_MESSAGE_TYPE = 'gov-reports-embed-height';
/** Attribute marking our iframes on a host page (its value is the chart id). */
export const EMBED_ATTRIBUTE = 'data-gov-reports-embed';

/** The <iframe> code a journalist pastes; `height` is a first guess that the resize listener corrects. */
export function iframeSnippet(id: string, title: string, site: URL | string | undefined, height: number): string {
  return (
    `<iframe src="${escapeXml(permalink(embedUrl(id), site))}" title="${escapeXml(title)}" ` +
    `width="100%" height="${Math.round(height)}" style="border:0;max-width:100%" loading="lazy" ` +
    `${EMBED_ATTRIBUTE}="${escapeXml(id)}"></iframe>`
  );
}

/**
 * The optional script for the host page: resizes our iframes to the height they report.
 * It trusts only messages from `site`'s origin and matches the sending window, not an id from the message.
 */
export function hostListenerSnippet(site: URL | string | undefined): string {
  const origin = site ? new URL(site).origin : 'https://example.org';
  return `<script>
window.addEventListener('message', function (event) {
  if (event.origin !== ${JSON.stringify(origin)}) return;
  var data = event.data;
  if (!data || data.type !== ${JSON.stringify(EMBED_MESSAGE_TYPE)}) return;
  var height = Number(data.height);
  if (!isFinite(height) || height < 50 || height > 10000) return;
  document.querySelectorAll('iframe[${EMBED_ATTRIBUTE}]').forEach(function (frame) {
    if (frame.contentWindow === event.source) frame.style.height = Math.ceil(height) + 'px';
  });
});
</script>`;
}

/** The script served at embedScriptUrl (src/lib/paths.ts): posts the embed page's height to its parent whenever it changes. */
export function embedResizeScript(): string {
  return `// Posts this chart embed's height to the host page (message type ${EMBED_MESSAGE_TYPE}); see /charts/ for the listener.
(function () {
  if (window.parent === window) return;
  var root = document.documentElement;
  var id = root.getAttribute('data-chart-id');
  var last = -1;
  function post() {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: ${JSON.stringify(EMBED_MESSAGE_TYPE)}, id: id, height: height }, '*');
  }
  if (typeof ResizeObserver === 'function') new ResizeObserver(post).observe(root);
  window.addEventListener('resize', post);
  window.addEventListener('load', post);
  post();
})();
`;
}
