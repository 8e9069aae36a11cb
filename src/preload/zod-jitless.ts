/**
 * Imported first by each preload: zod probes whether eval is allowed (`new Function`) to compile
 * faster parsers. In a page with a strict CSP that probe is reported as a violation — to our own
 * pages, and worse, to a vendor's report-uri. Plain (jitless) parsing is fast enough here.
 */
import { z } from 'zod';

z.config({ jitless: true });
