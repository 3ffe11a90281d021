import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

export default function ConnectionNotFound() {
  return (
    <div className="mx-auto max-w-md space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Connection not found</h1>
      <p className="text-muted-foreground">It does not exist, or it belongs to a tenant you cannot see.</p>
      <Link href="/connections" className={buttonClassName("default")}>
        Back to connections
      </Link>
    </div>
  );
}
