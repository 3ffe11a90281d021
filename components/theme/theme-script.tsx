// Runs before first paint (render it in <head>) so a dark-mode user never sees a light flash.
// Stored choice: "light" | "dark"; absent means "follow the system".
export const THEME_STORAGE_KEY = "theme";

const script = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=t==="dark"||(t!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);var e=document.documentElement;e.classList.toggle("dark",d);e.style.colorScheme=d?"dark":"light"}catch(_){}})()`;

/**
 * Put in the root layout's <head>; <html> needs suppressHydrationWarning since this edits its class.
 * `nonce`: the response's CSP nonce (proxy.ts), without which the browser refuses to run it.
 */
export function ThemeScript({ nonce }: { nonce?: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
