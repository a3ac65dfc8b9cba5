import { type FormEvent, useState } from 'react';
import { api } from '../api/client';

/** Asks for an API key once; the server starts a session and gives this browser its id in an HttpOnly cookie. */
export function SignInPage({ error, onSignedIn }: { error?: string | undefined; onSignedIn: () => void }) {
  const [key, setKey] = useState('');
  const [message, setMessage] = useState(error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    api.signIn(key).then(onSignedIn, (e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
  };
  return (
    <main className="page signin">
      <h1>finkg</h1>
      <form onSubmit={submit}>
        <label>
          API key
          <input
            type="password"
            name="apiKey"
            autoComplete="current-password"
            value={key}
            onChange={(e) => setKey(e.target.value)}
          />
        </label>
        <button type="submit" disabled={!key}>
          Sign in
        </button>
        {message && <p className="error">{message}</p>}
      </form>
    </main>
  );
}
