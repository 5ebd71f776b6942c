/**
 * Base64 payloads of `data:` URIs (images pasted into a page, as Google Docs exports do) are
 * dropped before parsing: they are not text anyone searches for, micromark holds a few hundred
 * bytes per character while parsing them (one 1 MB page with 11 images took 280 MB of heap),
 * and each payload became hundreds of chunks of noise to embed. Only payloads of at least
 * {@link MIN_PAYLOAD} characters go; the URI keeps its media type, so the reference stays.
 */
const MIN_PAYLOAD = 256;
const DATA_URI_PAYLOAD = new RegExp(`(data:[\\w.+-]+/[\\w.+-]+(?:;[\\w.+-]+=[\\w.+-]+)*;base64,)[A-Za-z0-9+/]{${MIN_PAYLOAD},}={0,2}`, 'g');

/** `text` with every long base64 payload of a data URI removed (`data:image/png;base64,` stays). */
export function dropDataUriPayloads(text: string): string {
  return text.includes(';base64,') ? text.replace(DATA_URI_PAYLOAD, '$1') : text;
}
