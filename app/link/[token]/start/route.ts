import type { NextRequest } from "next/server";
import { handleRelinkStart } from "@/server/oauth/http-handlers";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  return handleRelinkStart(request, (await params).token);
}
