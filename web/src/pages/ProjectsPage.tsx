import { useEffect, useState } from 'preact/hooks';
import { api, type Project } from '../api';
import { splitLabelList } from '../labelPath';
import { Link } from 'wouter-preact';
import { TASK_TYPES, labelsWholeItems, type TaskType } from '../taskTypes';

function ProgressBar({ done, total }: { done: number; total: number }) {
  const pct = total === 0 ? 0 : Math.round((100 * done) / total);
  return (
    <div class="progress" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
      <div class="progress-fill" style={{ width: `${pct}%` }} />
      <span>
        {done} / {total}
      </span>
    </div>
  );
}

export function ProjectsPage() {
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [error, setError] = useState('');
  const [name, setName] = useState('');
  const [labels, setLabels] = useState('');
  const [multi, setMulti] = useState(false);
  const [taskType, setTaskType] = useState<TaskType>('text-classification');
  const wholeItems = labelsWholeItems(taskType);
  const load = () => api.projects().then(setProjects, (e) => setError(String(e)));
  useEffect(() => void load(), []);

  const create = async (e: Event) => {
    e.preventDefault();
    setError('');
    try {
      const list = splitLabelList(labels);
      await api.createProject(name.trim(), list, wholeItems && multi, taskType);
      setName('');
      setLabels('');
      await load();
    } catch (err) {
      setError(String(err));
    }
  };

  return (
    <div class="page">
      <h1>Projects</h1>
      {error && <p class="error">{error}</p>}
      <table class="grid">
        <thead>
          <tr>
            <th>Name</th>
            <th>Task</th>
            <th>Labels</th>
            <th>Progress</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {projects?.map((p) => (
            <tr key={p.id}>
              <td>
                <Link href={`/projects/${p.id}/progress`}>{p.name}</Link>
              </td>
              <td>
                {p.task_type}
                {p.multi_label ? ' · multi-label' : ''}
              </td>
              <td>{p.labels}</td>
              <td>
                <ProgressBar done={p.labeled_items} total={p.items} />
              </td>
              <td>
                <Link class="button" href={`/projects/${p.id}/annotate`}>
                  Annotate
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {projects?.length === 0 && <p class="muted">No projects yet: create one below.</p>}
      <form class="card" onSubmit={create}>
        <h2>New project</h2>
        <label>
          Name <input name="name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <fieldset class="task-types" role="radiogroup" aria-label="Task type">
          <legend>Task type</legend>
          {TASK_TYPES.map((t) => (
            <label key={t.value} class="inline">
              <input
                type="radio"
                name="task_type"
                value={t.value}
                checked={taskType === t.value}
                onChange={() => setTaskType(t.value)}
                data-testid={`task-type-${t.value}`}
              />{' '}
              {t.title} <span class="muted">({t.hint})</span>
            </label>
          ))}
        </fieldset>
        <label>
          Labels (comma-separated) <input name="labels" placeholder="ham, spam" value={labels} onInput={(e) => setLabels(e.currentTarget.value)} />
        </label>
        {wholeItems && (
          <label class="inline">
            <input type="checkbox" name="multi" checked={multi} onChange={(e) => setMulti(e.currentTarget.checked)} /> Multi-label
          </label>
        )}
        <button type="submit">Create project</button>
      </form>
    </div>
  );
}
