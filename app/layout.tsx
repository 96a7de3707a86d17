import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Roomcode",
  description: "Turn a top-down room image or a description into an editable 3D room, one Blender program per object.",
};

/** Root layout. */
export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-full bg-stone-50 text-stone-900 antialiased">{children}</body>
    </html>
  );
}
