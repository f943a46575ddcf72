/**
 * Chart pages and embeds are a shell Astro renders once, filled with each chart's parts outside Astro
 * (src/integrations/chart-shell-fill.ts): chart text is untrusted (agency names) and must come out escaped as
 * Astro escapes it where the marker stands.
 */
import { describe, expect, it } from 'vitest';
import { addAttribute, escapeHTML } from 'astro/runtime/server/index.js';
import { fillShell, parseShell } from '../../src/integrations/chart-shell-fill';
import { CHART_SHELL_MARKERS as m } from '../../src/lib/chart-shells';

const SHELL =
  `<html data-chart-id="${m.id}"><head><title>${m.title} · 门户</title><meta name="description" content="${m.description}">` +
  `<link rel="canonical" href="https://example.org/charts/${m.id}/">${m.head}</head><body>${m.main}</body></html>`;
const HOSTILE = '某局 "<script>alert(1)</script>" & 其他';

describe('chart shells', () => {
  it('escapes a text part as text or as the whole attribute, puts an HTML part in as it is, the id inside an address', () => {
    const shell = parseShell(SHELL, ['id', 'title', 'description', 'head', 'main']);
    const html = fillShell(shell, { id: 'report-a-2024-handling', title: HOSTILE, description: HOSTILE, head: '<meta name="x">', main: '<p>图</p>' });
    expect(html).toBe(
      `<html data-chart-id="report-a-2024-handling"><head><title>${escapeHTML(HOSTILE)} · 门户</title><meta name="description"${addAttribute(HOSTILE, 'content')}>` +
        `<link rel="canonical" href="https://example.org/charts/report-a-2024-handling/"><meta name="x"></head><body><p>图</p></body></html>`,
    );
    // In an attribute, inside its quotes, < and > are plain text: Astro escapes only & and ".
    expect(html).toContain('<title>某局 &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; 其他 · 门户</title>');
    expect(html).toContain('content="某局 &#34;<script>alert(1)</script>&#34; &#38; 其他"');
  });

  it('writes an empty attribute as Astro does, and leaves a marker inside a value as text', () => {
    const shell = parseShell(SHELL, ['title']);
    const html = fillShell(shell, { id: 'x', title: m.description, description: '', head: '', main: '' });
    expect(html).toContain('<meta name="description" content>');
    expect(html).toContain(`<title>${m.description} · 门户</title>`);
  });

  it('refuses an id that an address would need to encode, a missing part and a missing marker', () => {
    const shell = parseShell(SHELL, ['id']);
    expect(() => fillShell(shell, { id: 'a"b', title: '', description: '', head: '', main: '' })).toThrow(/inside an address/);
    expect(() => fillShell(shell, { id: 'a', title: '', description: '', head: '' })).toThrow(/no value for main/);
    expect(() => parseShell('<html><body></body></html>', ['body'])).toThrow(/no body marker/);
    expect(() => parseShell(`<a href="${m.main}">`, [])).toThrow(/inside a tag/);
  });
});
