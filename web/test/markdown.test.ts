import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/markdown';

describe('renderMarkdown', () => {
  it('shows < inside code spans and code blocks as <, escaped once', () => {
    expect(renderMarkdown('Use `a < b` and `List<T>`')).toBe('<p>Use <code>a &lt; b</code> and <code>List&lt;T&gt;</code></p>\n');
    expect(renderMarkdown('```\nif (a < b) x<y>\n```')).toBe('<pre><code>if (a &lt; b) x&lt;y&gt;\n</code></pre>\n');
  });

  it('keeps < and & in plain text as text', () => {
    expect(renderMarkdown('x < y & z > w')).toBe('<p>x &lt; y &amp; z &gt; w</p>\n');
  });

  it('shows raw HTML as text, at the start of a block or inline, while the Markdown around it renders', () => {
    expect(renderMarkdown('<script>alert(1)</script>Label **spam**')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;Label <strong>spam</strong></p>\n');
    expect(renderMarkdown('<div>\n*x*\n</div>')).toBe('<p>&lt;div&gt;\n<em>x</em>\n&lt;/div&gt;</p>\n');
    expect(renderMarkdown('*a* <img src=x onerror=alert(1)> b')).toBe('<p><em>a</em> &lt;img src=x onerror=alert(1)&gt; b</p>\n');
  });

  it('keeps only safe link schemes', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).toContain('href="#"');
    expect(renderMarkdown('<javascript:alert(1)>')).toBe('<p>&lt;javascript:alert(1)&gt;</p>\n');
    expect(renderMarkdown('[x](https://example.org/a?b=1&c=2)')).toContain('href="https://example.org/a?b=1&amp;c=2"');
  });
});
