import { useState } from 'react';
import type { EnvironmentState } from '../../tryit/index.ts';

interface Props {
  uid: string;
  apiTitle: string;
  state: EnvironmentState;
  onSwitch: (name: string) => void;
  /** Saves the form's server and path/query/header values under the name (new or existing). */
  onSave: (name: string) => void;
  onDelete: (name: string) => void;
}

/** Named sets of values for every page of one API: pick one, save the form into one, delete one. */
export function EnvironmentBar({ uid, apiTitle, state, onSwitch, onSave, onDelete }: Props) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    onSave(trimmed);
    setNaming(false);
    setName('');
  };
  return (
    <div className="tryit-env" role="group" aria-label="Environments">
      <label htmlFor={`tryit-env-${uid}`}>Environment</label>
      <select id={`tryit-env-${uid}`} value={state.active} onChange={(e) => onSwitch(e.currentTarget.value)}>
        <option value="">None (this page’s values)</option>
        {state.list.map((env) => <option key={env.name} value={env.name}>{env.name}</option>)}
      </select>
      {state.active && <button type="button" className="tryit-small" onClick={() => onSave(state.active)}>Save values into “{state.active}”</button>}
      {state.active && <button type="button" className="tryit-small" onClick={() => onDelete(state.active)}>Delete</button>}
      {naming ? (
        <span className="tryit-row">
          <label className="tryit-sr" htmlFor={`tryit-env-name-${uid}`}>New environment name</label>
          <input id={`tryit-env-name-${uid}`} type="text" placeholder="e.g. Staging" value={name} autoFocus
            onChange={(e) => setName(e.currentTarget.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); save(); } }} />
          <button type="button" className="tryit-small" onClick={save}>Save</button>
        </span>
      ) : (
        <button type="button" className="tryit-small" onClick={() => setNaming(true)}>New from these values</button>
      )}
      <small className="tryit-hint">Server and parameter values, shared by every {apiTitle} page; its key stays in this tab unless remembered.</small>
    </div>
  );
}
