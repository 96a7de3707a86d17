import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNext } from "@/lib/api/safe-next";

export const dynamic = "force-dynamic";

/** Sign-in page: the shared token (ROOMCODE_AUTH_TOKEN) -> session cookie, then back to `?next=`. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return (
    <main className="mx-auto max-w-md space-y-4 p-8">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Roomcode</h1>
      <p className="text-sm text-stone-600">This editor is protected. Enter the access token the server was started with (ROOMCODE_AUTH_TOKEN).</p>
      <SignInForm next={safeNext(typeof next === "string" ? next : null)} />
    </main>
  );
}
