// Types of what pages hand to the middleware (src/middleware.ts).
declare namespace App {
  interface Locals {
    /** A translated lecture's heading ids → the English page's ids at the same positions. */
    sectionIdRenames?: ReadonlyMap<string, string>;
  }
}
