// A party's "add a red line" form: one or more conditions the outcome must meet, in words, checked
// here with a message at each field (web/src/logic/red-lines.ts); the red line joins the unsaved
// preferences, so the check panel previews it at once, and "Save a new version" stores it.
import { useId, useState } from 'react';
import type { Option } from '../api.js';
import {
  blankClause,
  type ClauseForm,
  type FormError,
  REQUIREMENT_LABELS,
  type RedLine,
  type RedLineForm,
  redLineFrom,
  requirementsFor,
  suggestId,
  withIssue,
} from '../logic/red-lines.js';

const emptyForm = (issues: readonly Option[]): RedLineForm => ({
  id: '',
  description: '',
  combine: 'all',
  clauses: issues[0] ? [blankClause(issues[0])] : [],
});

function FieldProblem({ id, errors, field }: { id: string; errors: readonly FormError[]; field: string }) {
  const mine = errors.filter((e) => e.field === field);
  if (mine.length === 0) return null;
  return (
    <span className="field-error" id={id} data-field={field}>
      {mine.map((e) => e.message).join('; ')}
    </span>
  );
}

export function AddRedLine(props: {
  issues: readonly Option[];
  party: string;
  /** Ids the form must not reuse: the party's own red lines and the shared constraints. */
  taken: readonly string[];
  onAdd: (line: RedLine) => void;
}) {
  const { issues, party, taken, onAdd } = props;
  const uid = useId();
  const [form, setForm] = useState<RedLineForm>(() => emptyForm(issues));
  const [errors, setErrors] = useState<readonly FormError[]>([]);
  const [added, setAdded] = useState('');
  const set = (patch: Partial<RedLineForm>) => setForm({ ...form, ...patch });
  const setClause = (i: number, c: ClauseForm) =>
    set({ clauses: form.clauses.map((x, j) => (j === i ? c : x)) });
  const err = (field: string) => errors.some((e) => e.field === field);
  const describedBy = (field: string) => (err(field) ? `${uid}-${field}` : undefined);
  const add = () => {
    const r = redLineFrom(form, issues, party, taken);
    if (!r.ok) {
      setErrors(r.errors);
      setAdded('');
      return;
    }
    onAdd(r.redLine);
    setErrors([]);
    setAdded(r.redLine.id);
    setForm(emptyForm(issues));
  };
  const suggested = suggestId(party, form.description, taken);

  return (
    <fieldset className="add-red-line" data-testid="add-red-line">
      <legend>Add a red line</legend>
      <p className="small muted">
        Conditions any deal must meet for you, whatever else it gives you. Private to you and the mediator.
      </p>
      <label>
        The red line in words
        <input
          value={form.description}
          onChange={(e) => set({ description: e.target.value })}
          aria-invalid={err('description')}
          aria-describedby={describedBy('description')}
          data-testid="red-line-description"
        />
      </label>
      <FieldProblem id={`${uid}-description`} errors={errors} field="description" />
      <label>
        Id (optional)
        <input
          value={form.id}
          placeholder={suggested}
          onChange={(e) => set({ id: e.target.value })}
          aria-invalid={err('id')}
          aria-describedby={describedBy('id')}
          data-testid="red-line-id"
        />
      </label>
      <FieldProblem id={`${uid}-id`} errors={errors} field="id" />
      {form.clauses.map((c, i) => {
        const issue = issues.find((x) => x.name === c.issue);
        const at = `clauses/${i}`;
        return (
          <fieldset key={i} className="clause" data-clause={i}>
            <legend>Condition {i + 1}</legend>
            <div className="controls">
              <label>
                Issue
                <select
                  value={c.issue}
                  onChange={(e) => {
                    const next = issues.find((x) => x.name === e.target.value);
                    if (next) setClause(i, withIssue(c, next));
                  }}
                  aria-invalid={err(`${at}/issue`)}
                  aria-describedby={describedBy(`${at}/issue`)}
                >
                  {issues.map((x) => (
                    <option key={x.name}>{x.name}</option>
                  ))}
                </select>
              </label>
              <label>
                Requirement
                <select
                  value={c.kind}
                  onChange={(e) => setClause(i, { ...c, kind: e.target.value as ClauseForm['kind'] })}
                  aria-invalid={err(`${at}/kind`)}
                  aria-describedby={describedBy(`${at}/kind`)}
                >
                  {(issue ? requirementsFor(issue) : []).map((k) => (
                    <option key={k} value={k}>
                      {REQUIREMENT_LABELS[k]}
                    </option>
                  ))}
                </select>
              </label>
              {issue && !issue.options && (
                <label>
                  Value
                  {issue.min !== undefined && issue.max !== undefined ? ` (${issue.min}–${issue.max})` : ''}
                  <input
                    inputMode="decimal"
                    value={c.value}
                    onChange={(e) => setClause(i, { ...c, value: e.target.value })}
                    aria-invalid={err(`${at}/value`)}
                    aria-describedby={describedBy(`${at}/value`)}
                  />
                </label>
              )}
            </div>
            {issue?.options && (
              <fieldset
                className="options"
                aria-invalid={err(`${at}/options`)}
                aria-describedby={describedBy(`${at}/options`)}
              >
                <legend>
                  {c.issue} {REQUIREMENT_LABELS[c.kind]}
                </legend>
                {issue.options.map((o) => (
                  <label key={o} className="check">
                    <input
                      type="checkbox"
                      checked={c.options.includes(o)}
                      onChange={(e) =>
                        setClause(i, {
                          ...c,
                          options: e.target.checked ? [...c.options, o] : c.options.filter((x) => x !== o),
                        })
                      }
                    />{' '}
                    {o}
                  </label>
                ))}
              </fieldset>
            )}
            {(['issue', 'kind', 'options', 'value'] as const).map((f) => (
              <FieldProblem key={f} id={`${uid}-${at}/${f}`} errors={errors} field={`${at}/${f}`} />
            ))}
            {form.clauses.length > 1 && (
              <button type="button" onClick={() => set({ clauses: form.clauses.filter((_, j) => j !== i) })}>
                Remove condition {i + 1}
              </button>
            )}
          </fieldset>
        );
      })}
      <FieldProblem id={`${uid}-clauses`} errors={errors} field="clauses" />
      <button
        type="button"
        disabled={issues.length === 0}
        onClick={() => issues[0] && set({ clauses: [...form.clauses, blankClause(issues[0])] })}
      >
        Add a condition
      </button>
      {form.clauses.length > 1 && (
        <fieldset className="combine">
          <legend>The conditions</legend>
          <label className="check">
            <input
              type="radio"
              name={`${uid}-combine`}
              checked={form.combine === 'all'}
              onChange={() => set({ combine: 'all' })}
            />{' '}
            all must hold
          </label>
          <label className="check">
            <input
              type="radio"
              name={`${uid}-combine`}
              checked={form.combine === 'any'}
              onChange={() => set({ combine: 'any' })}
            />{' '}
            at least one must hold
          </label>
        </fieldset>
      )}
      <div>
        <button type="button" onClick={add}>
          Add this red line
        </button>
      </div>
      {errors.length > 0 && (
        <p className="field-error" role="alert">
          Not added: {errors.length === 1 ? 'one field needs' : `${errors.length} fields need`} attention.
        </p>
      )}
      {added && (
        <p role="status">
          Added <code>{added}</code> to your unsaved preferences: the package check already uses it; save a
          new version to keep it.
        </p>
      )}
    </fieldset>
  );
}
