import type { FormEvent } from 'react';

/**
 * One labelled address box with its submit button and a hint line that turns
 * into the error (announced) when the address is refused. The options page has
 * three (dataset feed, team feed, site): one markup keeps their labels, hints
 * and error handling alike.
 */
export interface AddressFormProps {
  id: string;
  label: string;
  /** `url` for feed addresses; `text` where a bare host name is accepted too. */
  type: 'url' | 'text';
  placeholder: string;
  value: string;
  error: string | null;
  hint: string;
  submitLabel: string;
  onChange(value: string): void;
  onSubmit(event: FormEvent): void;
}

export function AddressForm({ id, label, type, placeholder, value, error, hint, submitLabel, onChange, onSubmit }: AddressFormProps) {
  const helpId = `${id}-help`;
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={value}
        aria-invalid={error !== null}
        aria-describedby={helpId}
        onChange={(event) => onChange(event.target.value)}
      />
      <button type="submit">{submitLabel}</button>
      <p id={helpId} className={error ? 'hint error-text' : 'hint'} role={error ? 'alert' : undefined}>
        {error ?? hint}
      </p>
    </form>
  );
}
