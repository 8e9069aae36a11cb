/** The page's one polite announcer (profile switches, DND toggles, ringing). */
export function LiveRegion({ text, seq }: { text: string; seq: number }) {
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-seq={seq}>
      {text}
    </div>
  );
}
