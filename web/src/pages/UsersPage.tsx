import { useEffect, useState } from 'preact/hooks';
import { ApiError, usersApi, type User } from '../api';

const describe = (e: unknown) => (e instanceof ApiError ? e.detail : String(e));

/**
 * The instance's users for admins: each user's instance role as a select (a change is saved at once, audit-logged
 * and ends that user's sessions; the last admin cannot be demoted) and a form to add a user. Project roles are set
 * per project (`labelforge project member add`, or the members API).
 */
export function UsersPage({ me }: { me: string }) {
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [draft, setDraft] = useState({ name: '', role: 'member', password: '' });
  const load = () => usersApi.list().then(setUsers, (e) => setError(describe(e)));
  useEffect(() => void load(), []);

  const setRole = async (user: User, role: string) => {
    try {
      const saved = await usersApi.setRole(user.name, role);
      setUsers((all) => all.map((u) => (u.name === saved.name ? saved : u)));
      setError('');
      setStatus(`${saved.name} is now ${saved.role}${saved.name === me ? '' : '; their sessions were ended'}.`);
    } catch (e) {
      setStatus('');
      setError(describe(e));
      setUsers((all) => [...all]); // the select shows the stored role again
    }
  };
  const add = async () => {
    try {
      const user = await usersApi.add(draft.name.trim(), draft.role, draft.password ? draft.password : null);
      setUsers((all) => [...all, user]);
      setDraft({ name: '', role: 'member', password: '' });
      setError('');
      setStatus(`Added ${user.name} (${user.role}${user.has_password ? '' : ', no password: they sign in with a token'}).`);
    } catch (e) {
      setStatus('');
      setError(describe(e));
    }
  };

  return (
    <section class="users page">
      <h1>Users</h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="muted" role="status" data-testid="users-status">
        {status}
      </p>
      <table class="grid" data-testid="users">
        <thead>
          <tr>
            <th>Name</th>
            <th>Instance role</th>
            <th>Password</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                {u.name}
                {u.name === me && <span class="chip">you</span>}
              </td>
              <td>
                <select aria-label={`Role of ${u.name}`} value={u.role} onChange={(e) => void setRole(u, e.currentTarget.value)}>
                  <option value="member">member</option>
                  <option value="admin">admin</option>
                </select>
              </td>
              <td>{u.has_password ? 'set' : <span class="muted">none (token or sign-in link)</span>}</td>
              <td class="muted">{new Date(u.created_at).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        class="card user-add"
        aria-label="Add a user"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <h2>Add a user</h2>
        <label>
          Name
          <input name="name" autoComplete="off" value={draft.name} onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
        </label>
        <label>
          Role
          <select name="role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value })}>
            <option value="member">member</option>
            <option value="admin">admin</option>
          </select>
        </label>
        <label>
          Password <span class="muted small">optional; at least 8 characters</span>
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onInput={(e) => setDraft({ ...draft, password: e.currentTarget.value })}
          />
        </label>
        <button type="submit" disabled={!draft.name.trim()}>
          Add user
        </button>
      </form>
      <p class="muted small">
        Members see only the projects they belong to; give them projects with <code>labelforge project member add PROJECT NAME --role annotator</code>.
      </p>
    </section>
  );
}
