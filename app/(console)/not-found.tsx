import type { Metadata } from "next";
import { NotFoundBody } from "@/components/shell/not-found-body";

export const metadata: Metadata = { title: "Page not found" };

/**
 * notFound() in a console page: the console layout's shell is already around it. Without this
 * file the root not-found (which draws a shell of its own) would stand in here as well, a second
 * copy of the whole shell in every console page's payload.
 */
export default function ConsoleNotFound() {
  return <NotFoundBody signedIn />;
}
