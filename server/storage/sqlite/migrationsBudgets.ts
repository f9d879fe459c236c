/**
 * Migrations of the storage budgets (issue 12, item 6), to be appended to the list in
 * `migrations.ts`. Append only: never edit a released step.
 */
export const migrationsBudgets: readonly string[] = [
  `
  -- A hash of each version's content (the document as Tiptap JSON, keys sorted), so a version
  -- identical to the one before it is not kept twice. NULL for versions made before this step:
  -- their hash is computed from their state when it is needed.
  ALTER TABLE document_versions ADD COLUMN content_hash TEXT;
  `,
];
