import { useState } from 'preact/hooks';
import { ApiError, sessionApi } from '../api';
import type { SessionUser } from '../session';

/**
 * Who is signed in, a sign-out button, and for a user without a password (the first-run admin signed in by link) a
 * field to set one: the server listens beyond 127.0.0.1 only once an admin has a password.
 */
export function AccountBar({ user, onChange }: { user: SessionUser; onChange: (user: SessionUser | null) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  return (
    <span class="who">
      {!user.has_password && (
        <form
          class="set-password"
          onSubmit={(e) => {
            e.preventDefault();
            sessionApi.setPassword(password).then(onChange, (err) => setError(err instanceof ApiError ? err.detail : String(err)));
          }}
        >
          <input
            name="new-password"
            type="password"
            autoComplete="new-password"
            placeholder="Set a password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <button type="submit">Set password</button>
          {error && <span role="alert">{error}</span>}
        </form>
      )}
      Signed in as <strong>{user.name}</strong>
      <button type="button" class="link" onClick={() => void sessionApi.signOut().finally(() => onChange(null))}>
        Sign out
      </button>
    </span>
  );
}
