import { useEffect, useRef, useState } from 'preact/hooks';
import { setTokenPrompt } from '../api/token';

interface ConfirmRequest {
  title: string;
  /** What the action destroys, one item a line: the dialog names it before anything happens. */
  lose: string[];
  confirmLabel: string;
  resolve: (confirmed: boolean) => void;
}

let showConfirm: ((request: ConfirmRequest) => void) | null = null;

/** Asks before a destructive action; resolves true only when the person pressed the confirm button. */
export function confirmDanger(title: string, lose: string[], confirmLabel: string): Promise<boolean> {
  return new Promise((resolve) => (showConfirm ? showConfirm({ title, lose, confirmLabel, resolve }) : resolve(false)));
}

/** One modal <dialog>: focus moves into it (Cancel first), Escape cancels, focus returns afterwards. */
function useModal<T>(register: (show: ((request: T) => void) | null) => void) {
  const [request, setRequest] = useState<T | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    register(setRequest);
    return () => register(null);
  }, []);
  useEffect(() => {
    if (request && ref.current && !ref.current.open) ref.current.showModal();
  }, [request]);
  const finish = () => {
    ref.current?.close();
    setRequest(null);
  };
  return { request, ref, finish };
}

export function ConfirmHost() {
  const { request, ref, finish } = useModal<ConfirmRequest>((show) => (showConfirm = show));
  const close = (confirmed: boolean) => {
    request?.resolve(confirmed);
    finish();
  };
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby="confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        close(false);
      }}
    >
      {request && (
        <>
          <h2 id="confirm-title">{request.title}</h2>
          <p>This cannot be undone. It will be lost:</p>
          <ul class="lose">
            {request.lose.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div class="dialog-actions">
            <button type="button" autoFocus onClick={() => close(false)}>
              Cancel
            </button>
            <button type="button" class="danger" onClick={() => close(true)}>
              {request.confirmLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

interface TokenRequest {
  reason: string;
  resolve: (token: string | null) => void;
}

export function TokenHost() {
  const { request, ref, finish } = useModal<TokenRequest>((show) =>
    setTokenPrompt(show ? (reason) => new Promise((resolve) => show({ reason, resolve })) : null),
  );
  const [value, setValue] = useState('');
  const close = (token: string | null) => {
    request?.resolve(token);
    setValue('');
    finish();
  };
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby="token-title"
      onCancel={(event) => {
        event.preventDefault();
        close(null);
      }}
    >
      {request && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            close(value.trim() || null);
          }}
        >
          <h2 id="token-title">API token</h2>
          <p>{request.reason} This engine was started with SENTRACORE_API_TOKEN; enter that token. It is kept for this browser tab only.</p>
          <label for="token-input">Token</label>
          <input id="token-input" type="password" autoComplete="off" autoFocus value={value} onInput={(e) => setValue(e.currentTarget.value)} />
          <div class="dialog-actions">
            <button type="button" onClick={() => close(null)}>
              Cancel
            </button>
            <button type="submit" class="primary" disabled={!value.trim()}>
              Use token
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
