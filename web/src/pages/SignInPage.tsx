import { useEffect, useState } from 'preact/hooks';
import { ApiError, sessionApi } from '../api';
import type { SessionUser } from '../session';

/** Name and password, or the identity provider's button when the server has one; a used or expired link says so. */
export function SignInPage({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(new URLSearchParams(location.search).get('link') ? 'That sign-in link was used or has expired.' : '');
  const [provider, setProvider] = useState<string | null>(null);
  useEffect(() => {
    sessionApi.options().then(
      (o) => setProvider(o.open_id_connect),
      () => undefined,
    );
  }, []);
  return (
    <form
      class="card narrow sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        sessionApi.signIn(name.trim(), password).then(onSignedIn, (err) => setError(err instanceof ApiError ? err.detail : String(err)));
      }}
    >
      <h1>Sign in to Labelforge</h1>
      <label>
        User name <input name="name" autoFocus autoComplete="username" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit">Sign in</button>
      {provider && (
        <p>
          or <a href="/sign-in/oidc">sign in with {provider}</a>
        </p>
      )}
      <p class="hint">First run? Open the one-time sign-in link the server printed when it started.</p>
    </form>
  );
}
