/// <reference types="astro/client" />

/** Astro's `base` (BASE_PATH), written in by Vite (astro.config.mjs); undefined outside Vite. Read only by src/lib/paths.ts. */
declare const __BASE_PATH__: string | undefined;
