import { Marked } from 'marked';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const safeUrl = (href: string) => (/^(https?:|mailto:|#|\/)/i.test(href.trim()) ? href : '#');

// Raw HTML in guidelines is shown as text and links keep only safe schemes, so Markdown cannot run script.
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

/** Markdown to HTML with raw HTML escaped and only http(s), mailto and relative links. */
export function renderMarkdown(source: string): string {
  // Escaping '<' first keeps tags as visible text while the Markdown around them still renders.
  return marked.parse(source.replace(/</g, '&lt;'), { async: false }) as string;
}
