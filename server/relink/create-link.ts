// Creating a relink link for one connection the user may see (NOT_FOUND otherwise).
import type { DB } from "../../db";
import type { SessionUser } from "../auth/session-user";
import { actorOf } from "../audit/write-audit";
import { relinkDefaultTtlHours } from "../env";
import { NotFoundError } from "../errors";
import { scopedConnections } from "../tenant-scope";
import { issueLink } from "./issue-link";
import type { IssuedLink } from "./relink.types";

export interface CreateLinkInput {
  connectionId: string;
  recipientEmail?: string | null;
  expiresInHours?: number;
  revokeOpen: boolean;
}

export async function createRelinkLink(
  db: DB,
  user: SessionUser,
  input: CreateLinkInput,
  origin: string,
  note?: string,
): Promise<IssuedLink> {
  return db.transaction().execute(async (trx) => {
    const connection = await scopedConnections(trx, user)
      .select(["connections.id", "connections.tenant_id", "connections.provider"])
      .where("connections.id", "=", input.connectionId)
      .executeTakeFirst();
    if (!connection) throw new NotFoundError();
    return issueLink(trx, {
      connection,
      actor: actorOf(user),
      recipientEmail: input.recipientEmail ?? null,
      expiresInHours: input.expiresInHours ?? relinkDefaultTtlHours(),
      revokeOpen: input.revokeOpen,
      origin,
      note,
    });
  });
}
