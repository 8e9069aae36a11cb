/**
 * Imported first by the entry: validation in this page runs under a CSP without 'unsafe-eval',
 * so zod must not probe `new Function` (the blocked probe is harmless but reported as a CSP
 * violation). Its own module, so it runs before any module that builds or uses a schema.
 */
import { z } from 'zod';

z.config({ jitless: true });
