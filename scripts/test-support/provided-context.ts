// Values a vitest global setup hands to the tests of its project (`project.provide` → `inject`).
declare module 'vitest' {
  export interface ProvidedContext {
    /** The local Worker the `browser-worker` project's extension tests talk to. */
    spendprintApiUrl?: string;
  }
}
export {};
