/**
 * Module resolution hook (node:module register): `electron` and its subpath aliases resolve to
 * the model, everything else resolves as usual. Runs on Node's loader thread.
 */
let electronUrl = '';

export function initialize(data: { electron: string }): void {
  electronUrl = data.electron;
}

type Next = (specifier: string, context: unknown) => Promise<{ url: string }>;

export async function resolve(specifier: string, context: unknown, next: Next): Promise<{ url: string; shortCircuit?: boolean; format?: string }> {
  if (specifier === 'electron' || specifier === 'electron/main' || specifier === 'electron/common') return { url: electronUrl, shortCircuit: true, format: 'module' };
  return next(specifier, context);
}
