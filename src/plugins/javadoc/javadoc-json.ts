import { z } from 'zod';

// Lenient on purpose: optional members default to empty, unknown members are ignored, so one
// odd entry does not cost a whole package file.
const ParamSchema = z.object({ name: z.string().default(''), type: z.string().optional() });
const MemberSchema = z.object({
  name: z.string().default(''),
  docu: z.string().default(''),
  params: z.array(ParamSchema).default([]),
});
const ClassSchema = z.object({
  name: z.string().default(''),
  docu: z.string().default(''),
  fields: z.array(MemberSchema).default([]),
  constructors: z.array(MemberSchema).default([]),
  methods: z.array(MemberSchema).default([]),
});

/** One package file of the BBj javadoc JSON (`$BBJ_HOME/documentation/javadoc/<package>.json`). */
export const JavadocPackageSchema = z.object({
  name: z.string().optional(),
  version: z.string().optional(),
  docu: z.string().optional(),
  classes: z.array(ClassSchema).default([]),
});

/** A parsed package file. */
export type JavadocPackage = z.output<typeof JavadocPackageSchema>;
/** A class entry. */
export type JavadocClass = JavadocPackage['classes'][number];
/** A method, constructor or field entry. */
export type JavadocMember = JavadocClass['methods'][number];

/** Parameter list as written in a signature: `int p_id, BBjString p_text` (names only when the JSON has no types). */
export function paramList(member: JavadocMember): string {
  return member.params.map((p) => (p.type ? `${p.type} ${p.name}` : p.name).trim()).join(', ');
}
