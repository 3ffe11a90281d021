import { z } from "zod";

export const TABLE_KEYS = ["connections"] as const;
export const DENSITIES = ["comfortable", "compact"] as const;
const ZTableKey = z.enum(TABLE_KEYS);

/** 'tenant': every user of the owner's tenant; 'staff': every support user; null: the owner only. */
export const SHARE_TARGETS = ["tenant", "staff"] as const;
const ZShared = z.enum(SHARE_TARGETS, { message: "shared: 'tenant', 'staff' or null." }).nullable();

export const ZSavedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  query: z.string(),
  updated_at: z.string(),
  shared: ZShared,
  /** true: the caller's own view (only the owner changes or deletes it) */
  mine: z.boolean(),
  /** who shared it (e-mail), for a view someone else shared */
  owner: z.string().nullable(),
});
export type SavedView = z.infer<typeof ZSavedViewSchema>;

export const ZListViewsRequestSchema = z.object({ table: ZTableKey });
export const ZSaveViewRequestSchema = z.object({
  table: ZTableKey,
  name: z.string().trim().min(1, "Give the view a name.").max(80),
  /** the table's URL query string, without the leading "?" */
  query: z
    .string()
    .max(4000)
    .refine((q) => !q.startsWith("?"), "query: without the leading ?"),
  /** absent: keep the view's sharing as it is (a new view is private) */
  shared: ZShared.optional(),
});
export const ZShareViewRequestSchema = z.object({ id: z.string().min(1).max(100), shared: ZShared });
export const ZDeleteViewRequestSchema = z.object({ id: z.string().min(1) });

export const ZTablePrefsSchema = z.object({
  hiddenColumns: z.array(z.string().max(60)).max(50),
  density: z.enum(DENSITIES),
});
export type TablePrefs = z.infer<typeof ZTablePrefsSchema>;
export const ZSetTablePrefsRequestSchema = ZTablePrefsSchema.extend({ table: ZTableKey });
