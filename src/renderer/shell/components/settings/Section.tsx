/** A titled settings section. */
import type { ComponentChildren } from 'preact';

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="settings-section" aria-labelledby={`settings-${id}-title`}>
      <h2 id={`settings-${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** A number field's text, and back (an empty or non-numeric entry stays invalid: NaN). */
export const numberText = (n: number): string => (Number.isFinite(n) ? String(n) : '');
export const textNumber = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));
