import { z } from 'zod';

/** One option of a parser's or embedder's `options` table, as `bbj parsers NAME` shows it. */
export interface OptionDoc {
  /** Key in the `options` table. */
  name: string;
  /** Readable type: `string`, `integer >= 1`, `"md" | "mdx"`, `string[]`. */
  type: string;
  /** Default as TOML-ish text, when the option has one. */
  default?: string;
  /** True when the option has no default and must be given. */
  required: boolean;
  /** What it does (the schema's `.describe()` text). */
  description: string;
}

/** JSON Schema fragment, as much of it as the descriptions below read. */
interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  format?: string;
  additionalProperties?: JsonSchema | boolean;
}

/**
 * The JSON Schema of an options schema (`z.toJSONSchema`, input side, so options with a
 * default are optional). A plugin's schema comes from its own copy of zod; zod 4 reads the
 * schema's internals, which any zod 4 copy has.
 */
export function optionsJsonSchema(schema: unknown): Record<string, unknown> {
  return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** Every option of an options schema, in declaration order. */
export function describeOptions(schema: unknown): OptionDoc[] {
  const json = optionsJsonSchema(schema) as JsonSchema;
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    type: typeText(prop),
    default: prop.default === undefined ? undefined : valueText(prop.default),
    required: required.has(name) && prop.default === undefined,
    description: prop.description ?? '',
  }));
}

function typeText(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map(typeText).join(' | ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
  if (type === 'array') return `${s.items ? typeText(s.items) : 'any'}[]`;
  if (type === 'object') return 'table';
  if (type === 'string' && s.format) return `string (${s.format})`;
  if (type === 'integer' || type === 'number') {
    const low = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (type === 'integer' ? 1 : 0) : undefined);
    const bounds = [low !== undefined && low > Number.MIN_SAFE_INTEGER ? `>= ${low}` : '', s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER ? `<= ${s.maximum}` : ''].filter(Boolean);
    return bounds.length ? `${type} ${bounds.join(', ')}` : type;
  }
  return type ?? 'any';
}

function valueText(v: unknown): string {
  return JSON.stringify(v);
}
