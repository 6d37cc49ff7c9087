import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { groupFacts } from '@/lib/comparison-view';
import { draftOf, PinDraftSchema, type PinDraft } from '@/lib/pin-edit';
import { NO_PRIORITIES, NOTE_MAX, PRIORITY_KEYS, PRIORITY_LABELS, PRIORITY_MAX, TITLE_MAX, type Pin } from '@/lib/pins';
import type { Comparison, Engine } from '@/lib/schema';

const PRIORITY_WORDS = ['does not matter', 'matters a little', 'matters', 'matters most'];

export interface PinEditorProps {
  comparison: Comparison;
  engines: readonly Engine[];
  /** The pin being edited; absent to create one. */
  pin?: Pin;
  /** Whether the edited pin is the active one (or, for a new pin, whether none is). */
  active: boolean;
  onSave(draft: PinDraft, options: { active: boolean }): Promise<void>;
  onCancel(): void;
}

function toggle(list: readonly string[], id: string, on: boolean): string[] {
  return on ? (list.includes(id) ? [...list] : [...list, id]) : list.filter((x) => x !== id);
}

/**
 * Creates or edits a pin: title, team, the rows that matter (chosen from the
 * comparison's key differences and facts), seven priorities 0-3, the pick
 * (or undecided) and a plain-text note. Esc cancels.
 */
export function PinEditor({ comparison, engines, pin, active: initiallyActive, onSave, onCancel }: PinEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState<PinDraft>(() =>
    pin
      ? draftOf(pin)
      : { title: comparison.title, team: '', rows: { differences: [], facts: [] }, priorities: { ...NO_PRIORITIES }, pick: null, note: '' },
  );
  const [active, setActive] = useState(initiallyActive);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<PinDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = PinDraftSchema.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(issue?.path[0] === 'title' ? `The title needs 1 to ${TITLE_MAX} characters.` : (issue?.message ?? 'Check the form.'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave(parsed.data, { active });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  const factSections = groupFacts(comparison.facts);
  const chosenFacts = draft.rows.facts.length;
  return (
    <form className="pin-editor" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
      <h3 id={`${id}-title`}>{pin ? `Edit “${pin.title}”` : 'Pin this comparison'}</h3>
      <div className="pin-field">
        <label htmlFor={`${id}-name`}>Title</label>
        <input
          id={`${id}-name`}
          autoFocus
          required
          maxLength={TITLE_MAX}
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
        />
      </div>
      <div className="pin-field">
        <label htmlFor={`${id}-team`}>Team (optional)</label>
        <input id={`${id}-team`} maxLength={80} value={draft.team} onChange={(e) => set({ team: e.target.value })} />
      </div>

      <fieldset className="pin-pick">
        <legend>The team’s pick</legend>
        {[...engines.map((e) => ({ value: e.id as string | null, label: e.name })), { value: null, label: 'Undecided' }].map((option) => (
          <label key={option.value ?? 'undecided'}>
            <input
              type="radio"
              name={`${id}-pick`}
              checked={draft.pick === option.value}
              onChange={() => set({ pick: option.value })}
            />
            {option.label}
          </label>
        ))}
      </fieldset>

      <fieldset className="pin-priorities">
        <legend>How much each matters to the team (0–{PRIORITY_MAX})</legend>
        {PRIORITY_KEYS.map((key) => (
          <div key={key} className="pin-priority">
            <label htmlFor={`${id}-p-${key}`}>{PRIORITY_LABELS[key]}</label>
            <select
              id={`${id}-p-${key}`}
              value={draft.priorities[key]}
              onChange={(e) => set({ priorities: { ...draft.priorities, [key]: Number(e.target.value) } })}
            >
              {PRIORITY_WORDS.map((word, value) => (
                <option key={value} value={value}>
                  {value} — {word}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>

      <fieldset className="pin-choose">
        <legend>Key differences that matter ({draft.rows.differences.length} chosen)</legend>
        {comparison.keyDifferences.map((d) => (
          <label key={d.id}>
            <input
              type="checkbox"
              checked={draft.rows.differences.includes(d.id)}
              onChange={(e) => set({ rows: { ...draft.rows, differences: toggle(draft.rows.differences, d.id, e.target.checked) } })}
            />
            {d.title}
          </label>
        ))}
      </fieldset>

      <details className="pin-choose" open={chosenFacts > 0}>
        <summary>Facts and figures that matter ({chosenFacts} chosen)</summary>
        {factSections.map((section) => (
          <fieldset key={section.group}>
            <legend>{section.label}</legend>
            {section.facts.map((f) => (
              <label key={f.id}>
                <input
                  type="checkbox"
                  checked={draft.rows.facts.includes(f.id)}
                  onChange={(e) => set({ rows: { ...draft.rows, facts: toggle(draft.rows.facts, f.id, e.target.checked) } })}
                />
                {f.metric}
              </label>
            ))}
          </fieldset>
        ))}
      </details>

      <div className="pin-field">
        <label htmlFor={`${id}-note`}>Note (plain text)</label>
        <textarea
          id={`${id}-note`}
          rows={4}
          maxLength={NOTE_MAX}
          value={draft.note}
          aria-describedby={`${id}-note-count`}
          onChange={(e) => set({ note: e.target.value.slice(0, NOTE_MAX) })}
        />
        <span id={`${id}-note-count`} className="hint">
          {draft.note.length.toLocaleString('en')} / {NOTE_MAX.toLocaleString('en')} characters
        </span>
      </div>

      <label className="pin-active">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        Active pin: its pick and note lead the hover card and the popup
      </label>

      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      <div className="pin-actions">
        <button type="submit" className="primary" disabled={saving}>
          Save pin
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
