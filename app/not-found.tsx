import Link from "next/link";

/** 404 page: what is missing and a way home (also for scenes that do not exist or were deleted). */
export default function NotFound() {
  return (
    <main className="mx-auto grid min-h-screen max-w-lg place-content-center gap-3 p-8 text-center" data-testid="not-found">
      <p className="text-5xl font-semibold text-stone-300">404</p>
      <h1 className="text-xl font-semibold">This page does not exist</h1>
      <p className="text-stone-600">The room may have been deleted, or the link is incomplete.</p>
      <Link href="/" data-testid="not-found-home" className="mx-auto rounded bg-stone-900 px-4 py-1.5 text-sm text-white">
        Back to your rooms
      </Link>
    </main>
  );
}
