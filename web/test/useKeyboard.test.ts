import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { useKeyboard } from '../src/hooks/useKeyboard';

function Keys({ handler }: { handler: (key: string) => boolean }) {
  useKeyboard(handler);
  return h('input', { 'data-testid': 'field' });
}

const press = (init: KeyboardEventInit, target: EventTarget = document.body) => {
  const e = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
};

describe('useKeyboard', () => {
  const root = document.createElement('div');
  document.body.appendChild(root);
  afterEach(() => render(null, root));

  it('hands the handler the key, single characters lower-cased, and prevents the default of handled keys', () => {
    const seen: string[] = [];
    act(() => render(h(Keys, { handler: (k) => (seen.push(k), k !== 'x') }), root));
    expect(press({ key: 'A' }).defaultPrevented).toBe(true);
    expect(press({ key: 'Enter' }).defaultPrevented).toBe(true);
    expect(press({ key: 'x' }).defaultPrevented).toBe(false);
    expect(seen).toEqual(['a', 'Enter', 'x']);
  });

  it('leaves chords and keys typed into inputs to the browser', () => {
    const seen: string[] = [];
    act(() => render(h(Keys, { handler: (k) => (seen.push(k), true) }), root));
    press({ key: 's', ctrlKey: true });
    press({ key: 's', metaKey: true });
    press({ key: 's', altKey: true });
    press({ key: 's' }, root.querySelector('input')!);
    expect(seen).toEqual([]);
  });

  it("calls the latest render's handler and stops listening on unmount", () => {
    const seen: string[] = [];
    act(() => render(h(Keys, { handler: () => (seen.push('first'), true) }), root));
    act(() => render(h(Keys, { handler: () => (seen.push('second'), true) }), root));
    press({ key: '1' });
    act(() => render(null, root));
    press({ key: '1' });
    expect(seen).toEqual(['second']);
  });
});
