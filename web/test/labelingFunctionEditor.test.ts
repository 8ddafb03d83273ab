import { describe, expect, it } from 'vitest';
import { indent, lineCount, lineOfOffset, offsetOf, problemsByLine } from '../src/labelingFunctionEditor';

const yaml = 'labels: [a, b]\nfunctions:\n  - name: x\n    kind: regex\n';

describe('lines and offsets', () => {
  it('maps offsets to 1-based lines and back', () => {
    expect(lineOfOffset(yaml, 0)).toBe(1);
    expect(lineOfOffset(yaml, yaml.indexOf('functions'))).toBe(2);
    expect(offsetOf(yaml, 3, 5)).toBe(yaml.indexOf('name'));
    expect(lineCount(yaml)).toBe(5);
  });

  it('clamps a column past the line end and a line past the text', () => {
    expect(offsetOf(yaml, 2, 99)).toBe(yaml.indexOf('\n  - name'));
    expect(offsetOf(yaml, 40)).toBe(yaml.length);
  });
});

describe('problemsByLine', () => {
  it('groups problems on YAML lines and leaves out unplaced ones and other files', () => {
    const byLine = problemsByLine([
      { line: 4, column: 11, message: 'bad kind' },
      { line: 4, column: 1, message: 'second' },
      { line: 0, column: 0, message: 'duplicate name' },
      { line: 2, column: 3, file: 'lfs/custom.cs', message: 'CS0103' },
    ]);
    expect([...byLine.keys()]).toEqual([4]);
    expect(byLine.get(4)!.map((p) => p.message)).toEqual(['bad kind', 'second']);
  });
});

describe('indent', () => {
  it('inserts two spaces at the cursor without a selection', () => {
    expect(indent('ab', 1, 1, false)).toEqual({ text: 'a  b', start: 3, end: 3 });
  });

  it('indents and outdents every selected line, keeping the selection on them', () => {
    const text = 'a\nb\nc';
    const more = indent(text, 0, 3, false);
    expect(more.text).toBe('  a\n  b\nc');
    expect(more.text.slice(more.start, more.end)).toBe('a\n  b');
    const less = indent(more.text, more.start, more.end, true);
    expect(less.text).toBe(text);
  });

  it('outdents a line with one leading space and leaves unindented lines alone', () => {
    expect(indent(' x\ny', 0, 4, true).text).toBe('x\ny');
  });
});
