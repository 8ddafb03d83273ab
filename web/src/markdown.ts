import { Marked } from 'marked';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const safeUrl = (href: string) => (/^(https?:|mailto:|#|\/)/i.test(href.trim()) ? href : '#');

// Raw HTML in guidelines (block or inline) is shown as text and links keep only safe schemes, so Markdown cannot
// run script. Text and code are escaped by the parser itself, so '<' in a code span shows as '<'.
const marked = new Marked({
  gfm: true,
  renderer: {
    html: ({ text, block }) => (block ? `<p>${escape(text)}</p>` : escape(text)),
    link({ href, tokens }) {
      return `<a href="${escape(safeUrl(href))}" rel="noopener noreferrer" target="_blank">${this.parser.parseInline(tokens)}</a>`;
    },
    image: ({ text }) => escape(text),
  },
});

/** Markdown to HTML with raw HTML escaped and only http(s), mailto and relative links. */
export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false }) as string;
}
