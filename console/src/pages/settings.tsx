import { useEffect, useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { Preferences } from '../api/schema';
import { messagesFor } from '../lib/errors';
import { Notice, Section } from '../ui/common';
import { useLoad } from '../ui/use-load';

type Draft = Omit<Preferences, 'safeguard_process_names'> & { safeguard_process_names: string };

const THRESHOLDS: { key: 'alert_cpu_percent' | 'alert_memory_percent' | 'alert_disk_pressure'; label: string }[] = [
  { key: 'alert_cpu_percent', label: 'Alert when CPU pressure reaches (%)' },
  { key: 'alert_memory_percent', label: 'Alert when memory pressure reaches (%)' },
  { key: 'alert_disk_pressure', label: 'Alert when disk pressure reaches (%)' },
];

const toDraft = (p: Preferences): Draft => ({ ...p, safeguard_process_names: p.safeguard_process_names.join('\n') });
const names = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((n) => n.trim())
    .filter(Boolean);

/** A field's messages from the API's last refusal, shown under the field and tied to it for screen readers. */
function FieldError({ id, messages }: { id: string; messages: string[] }) {
  return messages.length > 0 ? (
    <p class="field-error" id={id}>
      {messages.join('; ')}
    </p>
  ) : null;
}

export function Settings() {
  const loaded = useLoad(() => call('The preferences', () => api.GET('/api/v1/preferences')), []);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'danger'; text: string } | null>(null);
  useEffect(() => {
    if (loaded.data && !draft) setDraft(toDraft(loaded.data));
  }, [loaded.data]);

  if (loaded.failure && !draft) return <Notice tone="warn">{loaded.failure.message}</Notice>;
  if (!draft) return <Notice>Loading the preferences…</Notice>;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const errorsOf = (field: string) => (result?.tone === 'danger' ? messagesFor(field, result.text.replace(/^Saving the preferences: /, '')) : []);

  const save = async () => {
    setSaving(true);
    const body = { ...draft, safeguard_process_names: names(draft.safeguard_process_names) };
    const outcome = await call('Saving the preferences', () => api.PUT('/api/v1/preferences', { body }));
    setSaving(false);
    if (outcome.ok) {
      setDraft(toDraft(outcome.data.preferences));
      setResult({ tone: 'ok', text: 'Preferences saved; the engine uses them from its next cycle.' });
      await loaded.reload();
    } else setResult({ tone: 'danger', text: outcome.message });
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Section id="alerts-settings" title="Alerts">
        {THRESHOLDS.map(({ key, label }) => (
          <div class="field" key={key}>
            <label for={key}>{label}</label>
            <input
              id={key}
              name={key}
              type="number"
              step="any"
              value={Number.isNaN(draft[key]) ? '' : draft[key]}
              aria-describedby={`${key}-error`}
              aria-invalid={errorsOf(key).length > 0}
              onInput={(e) => set(key, e.currentTarget.valueAsNumber)}
            />
            <FieldError id={`${key}-error`} messages={errorsOf(key)} />
          </div>
        ))}
        <div class="field">
          <label for="anomaly_sensitivity">Anomaly sensitivity</label>
          <select
            id="anomaly_sensitivity"
            value={draft.anomaly_sensitivity}
            onChange={(e) => set('anomaly_sensitivity', e.currentTarget.value as Draft['anomaly_sensitivity'])}
          >
            <option value="lenient">lenient (fewer anomalies)</option>
            <option value="normal">normal</option>
            <option value="strict">strict (more anomalies)</option>
          </select>
        </div>
        <p class="muted">Thresholds outside 1–100 are clamped by the engine.</p>
      </Section>
      <Section id="safeguard-settings" title="Safeguard">
        <div class="field checkbox">
          <input id="safeguard_enabled" type="checkbox" checked={draft.safeguard_enabled} onChange={(e) => set('safeguard_enabled', e.currentTarget.checked)} />
          <label for="safeguard_enabled">End the listed processes when an alert fires</label>
        </div>
        <div class="field">
          <label for="safeguard_process_names">Processes the safeguard may end (one per line)</label>
          <textarea
            id="safeguard_process_names"
            rows={4}
            value={draft.safeguard_process_names}
            aria-describedby="safeguard_process_names-error"
            aria-invalid={errorsOf('safeguard_process_names').length > 0}
            onInput={(e) => set('safeguard_process_names', e.currentTarget.value)}
          />
          <FieldError id="safeguard_process_names-error" messages={errorsOf('safeguard_process_names')} />
        </div>
      </Section>
      <div class="toolbar">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save preferences'}
        </button>
        <button type="button" disabled={saving || !loaded.data} onClick={() => loaded.data && setDraft(toDraft(loaded.data))}>
          Discard changes
        </button>
      </div>
      {result && <Notice tone={result.tone}>{result.text}</Notice>}
    </form>
  );
}
