import { afterEach, describe, expect, it, vi } from 'vitest';
import { CSRF_HEADER, onSignedOut, requestHeaders, setSession, signedOut } from '../src/session';

const user = { name: 'alice', role: 'member', has_password: true, csrf_token: 'tok-1' };

describe('session', () => {
  afterEach(() => setSession(null));

  it('sends the CSRF token on writes only, and only when signed in', () => {
    setSession(user);
    expect(requestHeaders('POST', true)).toEqual({ 'content-type': 'application/json', [CSRF_HEADER]: 'tok-1' });
    expect(requestHeaders('delete', false)).toEqual({ [CSRF_HEADER]: 'tok-1' });
    expect(requestHeaders('GET', false)).toEqual({});
    setSession(null);
    expect(requestHeaders('PUT', true)).toEqual({ 'content-type': 'application/json' });
  });

  it('tells the app when the session ended', () => {
    const listener = vi.fn();
    const off = onSignedOut(listener);
    setSession(user);
    signedOut();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(requestHeaders('POST', false)).toEqual({});
    off();
    signedOut();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
