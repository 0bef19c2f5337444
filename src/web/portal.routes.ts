// Every page of the public portal, under /kk, /ru and /en.
import type { Api } from '../platform/http/env.ts';
import { registerSearchPages } from './search.page.tsx';

export function registerPortalPages(app: Api): void {
  registerSearchPages(app);
}
