// An endpoint's subscription: a JSON array of event types as stored.
import { EVENT_TYPES, isEventType, type EventType } from "../events/event-types";

export function parseEventTypes(stored: string): EventType[] {
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((v): v is EventType => typeof v === "string" && isEventType(v)) : [];
  } catch {
    return [];
  }
}

export function endpointWants(stored: string): (type: string) => boolean {
  const types = new Set<string>(parseEventTypes(stored));
  return (type) => types.has(type);
}

/** Stored in the catalogue's order, without repeats. */
export const storeEventTypes = (types: readonly EventType[]): string =>
  JSON.stringify(EVENT_TYPES.filter((t) => types.includes(t)));
