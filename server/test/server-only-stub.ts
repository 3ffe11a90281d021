// Vitest runs server modules outside React's server runtime; `server-only` would throw there.
export {};
