import { Marked } from 'marked';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const safeUrl = (href: string) => (/^(https?:|mailto:|#|\/)/i.test(href.trim()) ? href : '#');

// Links keep only safe schemes, and HTML is escaped should the parser ever produce any, so Markdown cannot run script.
const marked = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escape(text),
    link({ href, tokens }) {
      return `<a href="${escape(safeUrl(href))}" rel="noopener noreferrer" target="_blank">${this.parser.parseInline(tokens)}</a>`;
    },
    image: ({ text }) => escape(text),
  },
});

// Stands in for '<' while parsing (a private-use character, which no guideline needs).
const LT = '\uE000';

/** Markdown to HTML with raw HTML shown as text and only http(s), mailto and relative links. */
export function renderMarkdown(source: string): string {
  // The parser never sees a '<', so no tag starts an HTML block and the Markdown around a tag still renders; after
  // parsing each one becomes '&lt;', so it shows as '<' in text and code alike. (Escaping '<' to '&lt;' before
  // parsing did the first, but code spans escaped that entity again and showed "&lt;".)
  const html = marked.parse(source.replaceAll(LT, '').replaceAll('<', LT), { async: false }) as string;
  return html.replaceAll(LT, '&lt;');
}
