import { z } from "zod";
import { deleteView, getTablePrefs, listSavedViews, saveView, setTablePrefs, shareView } from "../views/saved-views";
import {
  ZDeleteViewRequestSchema,
  ZListViewsRequestSchema,
  ZSavedViewSchema,
  ZSaveViewRequestSchema,
  ZSetTablePrefsRequestSchema,
  ZShareViewRequestSchema,
  ZTablePrefsSchema,
} from "../views/views.types";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const viewsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZListViewsRequestSchema)
    .output(z.array(ZSavedViewSchema))
    .query(({ ctx, input }) => listSavedViews(ctx.scope, input.table)),
  save: protectedProcedure
    .input(ZSaveViewRequestSchema)
    .output(ZSavedViewSchema)
    .mutation(({ ctx, input }) => saveView(ctx.scope, input)),
  share: protectedProcedure
    .input(ZShareViewRequestSchema)
    .output(ZSavedViewSchema)
    .mutation(({ ctx, input }) => shareView(ctx.scope, input.id, input.shared)),
  remove: protectedProcedure
    .input(ZDeleteViewRequestSchema)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await deleteView(ctx.scope, input.id);
      return { ok: true as const };
    }),
  prefs: protectedProcedure
    .input(ZListViewsRequestSchema)
    .output(ZTablePrefsSchema)
    .query(({ ctx, input }) => getTablePrefs(ctx.scope, input.table)),
  setPrefs: protectedProcedure
    .input(ZSetTablePrefsRequestSchema)
    .output(ZTablePrefsSchema)
    .mutation(({ ctx, input }) =>
      setTablePrefs(ctx.scope, input.table, { hiddenColumns: input.hiddenColumns, density: input.density }),
    ),
});
