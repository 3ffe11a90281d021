// One page of a search, within its row budget (search-budget.ts):
// 1. a short walk of the sort index: a term matching one row in eight or more fills its page
//    here, without asking the index at all;
// 2. if the short walk found matches, the term is likely common: the rest of the walk's
//    budget first, then (if that ran out) the search index for at most the id budget's
//    matches; if it found none, the index first (a rare term is then an id list, read by
//    primary key and sorted), then the rest of the walk;
// 3. what neither reaches comes back as a partial page with a cursor at the last row examined.
import type { SelectQueryBuilder } from "kysely";
import type { Database } from "../../../db/types";
import type { Cursor } from "../../pagination/cursor";
import type { TenantScope } from "../../scope/tenant-scope";
import { readKeyset, type KeysetRequest } from "./keyset";
import { planSearch, scanPlan, type SearchPlan } from "./search";
import { QUICK_WALK_PER_ROW, type SearchBudget, type SearchTrace } from "./search-budget";
import { walkKeyset, type Walk } from "./search-walk";

type Base<O> = SelectQueryBuilder<Database, "connections", O>;
interface Rows<O> {
  rows: O[];
  stoppedAt: Cursor | null;
}

export async function readSearchRows<O>(
  scope: TenantScope,
  raw: string,
  req: KeysetRequest,
  budget: SearchBudget,
  trace: SearchTrace,
  query: (plan: SearchPlan) => Base<O>,
): Promise<Rows<O>> {
  const scan = await scanPlan(scope, raw);
  const walked = (w: Walk<O>) => {
    trace.walkRows += w.examined;
    trace.steps.push("walk");
    return w;
  };
  const quick = walked(
    await walkKeyset(scope, query(scan), req, Math.min(budget.walk, QUICK_WALK_PER_ROW * (req.limit + 1))),
  );
  if (!quick.stoppedAt) return quick;

  // The rest of the walk, from where the short walk stopped.
  const rest = async (): Promise<Rows<O>> => {
    const left = budget.walk - quick.examined;
    if (left <= 0) return quick;
    const more = walked(
      await walkKeyset(
        scope,
        query(scan),
        { ...req, cursor: quick.stoppedAt, limit: req.limit - quick.rows.length },
        left,
      ),
    );
    return { rows: [...quick.rows, ...more.rows], stoppedAt: more.stoppedAt };
  };
  // The index: an id list when the term has at most the id budget's matches.
  const byIds = async (): Promise<Rows<O> | null> => {
    const plan = await planSearch(scope, raw, budget.ids, trace);
    if (plan.kind !== "ids") return null;
    trace.idRows += plan.ids.length;
    trace.steps.push("ids");
    return { rows: await readKeyset(query(plan), req), stoppedAt: null };
  };

  let out: Rows<O>;
  if (quick.rows.length >= 2) {
    const walk = await rest();
    out = walk.stoppedAt ? ((await byIds()) ?? walk) : walk;
  } else {
    out = (await byIds()) ?? (await rest());
  }
  if (out.stoppedAt) trace.steps.push("partial");
  return out;
}
