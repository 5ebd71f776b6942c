import { z } from 'zod';

/** The `options` table of a `javadoc` source. */
export const javadocOptionsSchema = z
  .object({
    /** Also read `*.json` in subdirectories (the BBj installation keeps them flat). */
    recursive: z.boolean().default(false),
  })
  .strict();

/** Validated options of the `javadoc` parser. */
export type JavadocOptions = z.output<typeof javadocOptionsSchema>;
