// Files, self-assessment reports and certificate PDFs API (owner: helper C). Placeholder.
import type { Api } from '../platform/http/env.ts';

export function registerDocumentRoutes(_app: Api): void {}
