import { z } from 'zod';

/** The `options` table of a `javadoc` source. */
export const javadocOptionsSchema = z
  .object({
    recursive: z.boolean().default(true).describe('Also read `*.json` in subdirectories. On by default: the BBj installation keeps them flat, but an exported or checked-out javadoc tree nests them, and a source that silently finds nothing is worse than one that looks one level deeper.'),
  })
  .strict();

/** Validated options of the `javadoc` parser. */
export type JavadocOptions = z.output<typeof javadocOptionsSchema>;
