/**
 * "Call +19005550199 with Sales US?": a link (a vendor page, a frame in it, another app) asks to
 * place a call, and nothing is dialled until the agent chooses Call. A modal <dialog>: the rest
 * of the shell is inert while it is open, focus starts on Cancel (a stray Enter dials nothing),
 * Tab stays inside, Escape is Cancel; focus goes back where it was when the question closes.
 * main hides the vendor views while it asks, so no page can cover or imitate the question.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DialQuestion, ShellApi } from '../../../shared/ipc/shell-protocol';
import { failure } from './Outcome';

export function DialQuestionDialog({ api, question }: { api: ShellApi; question: DialQuestion }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const answered = useRef(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!el.open) el.showModal();
    cancel.current?.focus();
    return () => {
      // main withdrew the question (answered, expired): closing here is no answer of the agent's.
      answered.current = true;
      if (el.open) el.close();
      if (before?.isConnected) before.focus();
    };
  }, []);

  const send = (answer: 'call' | 'cancel') => {
    if (answered.current) return;
    answered.current = true;
    api.answerDial(question.id, answer).then(
      (outcome) => {
        if (!outcome.ok) setError(outcome.reason);
      },
      (err: unknown) => {
        const outcome = failure(err);
        setError(outcome.ok ? null : outcome.reason);
      },
    );
  };

  return (
    <dialog
      ref={dialog}
      class="dial-question"
      aria-labelledby="dial-question-title"
      aria-describedby="dial-question-source"
      // Escape (the dialog's cancel), or any other way it closes without a button: Cancel.
      onClose={() => send('cancel')}
    >
      <h2 id="dial-question-title">
        Call {question.number} with {question.profileName}?
      </h2>
      <p id="dial-question-source">
        Asked by {question.source}. Nothing is dialled unless you choose Call.
        {question.extension ? ` Key in extension ${question.extension} when the call connects.` : ''}
      </p>
      {error && (
        <p class="outcome failed" role="alert">
          {error}
        </p>
      )}
      <div class="dial-question-actions">
        <button ref={cancel} type="button" class="secondary" onClick={() => send('cancel')}>
          Cancel
        </button>
        <button type="button" class="primary" onClick={() => send('call')}>
          Call
        </button>
      </div>
    </dialog>
  );
}
