"use client";
/** Sign-in form: posts the shared token as JSON to /api/auth/sign-in, then goes to `next` (a same-site path). */
import { useState, type FormEvent } from "react";
import { safeNext } from "@/lib/api/safe-next";

/** The token form of the sign-in page. */
export function SignInForm({ next }: { next: string }) {
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/sign-in", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }) });
      if (res.ok) {
        window.location.assign(safeNext(next));
        return;
      }
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(body?.error?.message ?? `Sign-in failed (${res.status}).`);
    } catch {
      setError("The server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" aria-label="Sign in">
      <label className="block text-sm font-medium" htmlFor="token">
        Access token
      </label>
      <input
        id="token"
        type="password"
        autoComplete="current-password"
        className="w-full rounded border border-stone-300 p-2 text-sm"
        value={token}
        onChange={(e) => setToken(e.target.value)}
        data-testid="sign-in-token"
      />
      {error ? (
        <p className="text-sm text-red-700" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy || !token} className="rounded bg-stone-900 px-3 py-1.5 text-sm text-white disabled:opacity-50" data-testid="sign-in-submit">
        Sign in
      </button>
    </form>
  );
}
