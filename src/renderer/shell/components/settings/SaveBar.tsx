/** Save and Revert, with what the last save attempt came to (an error summary when invalid). */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  /** lines: the problems not shown at a field. */
  | { kind: 'invalid'; count: number; lines: string[] }
  | { kind: 'failed'; reason: string };

export function SaveBar({ state, onRevert }: { state: SaveState; onRevert(): void }) {
  return (
    <div class="save-bar">
      <div class="save-buttons">
        <button type="submit" class="primary" disabled={state.kind === 'saving'}>
          Save settings
        </button>
        <button type="button" class="secondary" onClick={onRevert}>
          Revert changes
        </button>
      </div>
      {state.kind === 'invalid' ? (
        <div class="error-summary" role="alert">
          <p>
            {state.count === 1 ? '1 problem to fix before saving' : `${state.count} problems to fix before saving`}
            {state.lines.length < state.count ? ': see the marked fields.' : ':'}
          </p>
          {state.lines.length > 0 && (
            <ul>
              {state.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      ) : state.kind === 'failed' ? (
        <p class="outcome failed" role="alert">
          Not saved: {state.reason}
        </p>
      ) : (
        <p class="outcome ok" role="status">
          {state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? 'Settings saved.' : ''}
        </p>
      )}
    </div>
  );
}
