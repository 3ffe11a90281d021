// Providers natural to each platform, used by the demo data and the integrations table.
import type { Platform } from "../../db/types";

export interface CatalogProvider {
  provider: string;
  displayName: string;
  platform: Platform;
  category: string;
  /** Codat source type, Unified categories, Workiva source/destination type... */
  sourceType: string;
  scopes: string[];
  permissions: string[];
  integrationKey: string;
}

const p = (
  platform: Platform,
  provider: string,
  displayName: string,
  category: string,
  sourceType: string,
  integrationKey: string,
  scopes: string[],
  permissions: string[] = [],
): CatalogProvider => ({ platform, provider, displayName, category, sourceType, integrationKey, scopes, permissions });

export const CATALOG: CatalogProvider[] = [
  p("codat", "xero", "Xero", "accounting", "Accounting", "gbol", [
    "accounting.transactions.read",
    "accounting.contacts.read",
    "offline_access",
  ]),
  p("codat", "quickbooks-online", "QuickBooks Online", "accounting", "Accounting", "qhyg", [
    "com.intuit.quickbooks.accounting",
  ]),
  p("codat", "oracle-netsuite", "Oracle NetSuite", "accounting", "Accounting", "akxx", ["rest_webservices"]),
  p("codat", "pandle", "Pandle", "accounting", "Accounting", "vjms", ["read"]),
  p("codat", "basiq", "Basiq", "banking", "Banking", "dfxm", ["accounts.read", "transactions.read"]),
  p("codat", "plaid", "Plaid", "banking", "Banking", "plad", ["transactions", "auth"]),
  p("codat", "shopify", "Shopify", "commerce", "Commerce", "lqai", ["read_orders", "read_products"]),
  p(
    "unified",
    "salesforce",
    "Salesforce",
    "crm",
    "crm",
    "sfdc",
    ["api", "refresh_token", "offline_access"],
    ["crm_contact_read", "crm_contact_write", "crm_deal_read", "crm_company_read", "crm_lead_read", "crm_lead_write"],
  ),
  p(
    "unified",
    "hubspot",
    "HubSpot",
    "crm",
    "crm",
    "hbsp",
    ["crm.objects.contacts.read", "crm.objects.deals.read"],
    ["crm_contact_read", "crm_deal_read", "crm_pipeline_read", "crm_event_read"],
  ),
  p(
    "unified",
    "bamboohr",
    "BambooHR",
    "hris",
    "hris",
    "bmbo",
    ["employees.read"],
    ["hris_employee_read", "hris_group_read", "hris_timeoff_read", "hris_location_read"],
  ),
  p(
    "unified",
    "workday",
    "Workday",
    "hris",
    "hris",
    "wday",
    ["workers.read"],
    ["hris_employee_read", "hris_employee_write", "hris_payslip_read", "hris_company_read"],
  ),
  p(
    "unified",
    "greenhouse",
    "Greenhouse",
    "ats",
    "ats",
    "grnh",
    ["harvest.read"],
    ["ats_candidate_read", "ats_application_read", "ats_job_read", "ats_interview_read", "ats_scorecard_read"],
  ),
  p(
    "unified",
    "lever",
    "Lever",
    "ats",
    "ats",
    "levr",
    ["candidates:read:admin", "offline_access"],
    ["ats_candidate_read", "ats_candidate_write", "ats_job_read"],
  ),
  p("workiva", "wdata-spreadsheet", "Workiva Spreadsheets", "storage", "spreadsheet", "wkss", [
    "file:read",
    "file:write",
  ]),
  p("workiva", "wdata-table", "Workiva Wdata Tables", "storage", "wdata_table", "wktb", ["data:read", "data:write"]),
  p("workiva", "wdata-query", "Workiva Wdata Queries", "storage", "wdata_query", "wkqy", ["data:read"]),
  p("generic", "zendesk", "Zendesk", "Ticketing", "Ticketing", "zndk", ["read", "write"]),
  p("generic", "google-drive", "Google Drive", "Storage", "Storage", "gdrv", [
    "https://www.googleapis.com/auth/drive.readonly",
  ]),
  p("generic", "snowflake", "Snowflake", "Warehouse", "Warehouse", "snow", ["session:role:analyst"]),
  p("generic", "stripe", "Stripe", "Payments", "Payments", "strp", ["read_only"]),
];

export const TENANTS = [
  { slug: "acme", name: "Acme Corporation", time_zone: "America/New_York", weight: 30 },
  { slug: "globex", name: "Globex", time_zone: "Europe/London", weight: 25 },
  { slug: "initech", name: "Initech", time_zone: "America/Chicago", weight: 20 },
  { slug: "umbrella", name: "Umbrella Health", time_zone: "Europe/Berlin", weight: 10 },
  { slug: "hooli", name: "Hooli", time_zone: "America/Los_Angeles", weight: 8 },
  { slug: "wayne", name: "Wayne Enterprises", time_zone: "UTC", weight: 7 },
] as const;

export const ERROR_SAMPLES = [
  {
    code: "401",
    text: "Unauthorized",
    message: "invalid_grant: refresh token has been revoked or has expired",
    auth: true,
  },
  {
    code: "401",
    text: "Unauthorized",
    message: "The access token provided is expired, revoked, malformed or invalid.",
    auth: true,
  },
  {
    code: "403",
    text: "Forbidden",
    message: "The user no longer has permission to access this company file.",
    auth: true,
  },
  { code: "400", text: "Bad Request", message: "invalid_client: client authentication failed", auth: true },
  {
    code: "429",
    text: "Too Many Requests",
    message: "Rate limit exceeded: 60 requests per minute. Retry after 42 seconds.",
    auth: false,
  },
  {
    code: "500",
    text: "Internal Server Error",
    message: "Upstream platform returned an unexpected error while fetching invoices.",
    auth: false,
  },
  { code: "502", text: "Bad Gateway", message: "Upstream platform unavailable (maintenance window).", auth: false },
  {
    code: "504",
    text: "Gateway Timeout",
    message: "Timed out after 30s waiting for the source platform.",
    auth: false,
  },
  {
    code: "422",
    text: "Unprocessable Entity",
    message: "Field 'TaxRateRef' references a tax rate that does not exist.",
    auth: false,
  },
] as const;
