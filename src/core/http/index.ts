import type { HttpClient } from '../contracts/http.js';
import type { HttpClientSettings } from './http-settings.js';
import { defaultHttpSettings } from './http-settings.js';
import { PoliteHttpClient } from './polite-http-client.js';

export type { HttpClientSettings, HttpScope } from './http-settings.js';
export { defaultHttpSettings, isInScope } from './http-settings.js';
export { PoliteHttpClient } from './polite-http-client.js';
export { decodeBody } from './charset.js';

/** Builds the polite client from settings; unspecified fields take `defaultHttpSettings`. */
export function createHttpClient(settings: Partial<HttpClientSettings> & Pick<HttpClientSettings, 'scope'>): HttpClient {
  return new PoliteHttpClient({ ...defaultHttpSettings, ...settings });
}
