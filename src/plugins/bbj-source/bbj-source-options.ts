import { z } from 'zod';

/** BBj file types found in real repositories: programs, BBjUnit tests, legacy `.src`, forms, Barista callpoints, SQL procedures, AddonSoftware programs. */
export const DEFAULT_EXTENSIONS = ['.bbj', '.src', '.bbjt', '.txt', '.arc', '.cdf', '.prc', '.aon'];
/** Vendored and build directories that are not the project's own code. */
export const DEFAULT_EXCLUDE = ['node_modules', '.git', 'build', 'dist'];

/** The `options` table of a `bbj-source` source. */
export const bbjSourceOptionsSchema = z
  .object({
    extensions: z
      .array(z.string().trim().min(1))
      .min(1)
      .default(DEFAULT_EXTENSIONS)
      .transform((list) => [...new Set(list.map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase()))]).describe('File extensions to read (with or without the dot, any case).'),
    exclude: z.array(z.string().trim().min(1)).default(DEFAULT_EXCLUDE).describe('Directory names (or relative paths below a configured path) that are not scanned.'),
    splitAboveLines: z.number().int().positive().default(60).describe('Programs with at least this many lines are split into class, method and label sections.'),
  })
  .strict();

/** Validated options of the `bbj-source` parser. */
export type BbjSourceOptions = z.output<typeof bbjSourceOptionsSchema>;
