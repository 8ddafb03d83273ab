import { useEffect, useState } from 'preact/hooks';
import { api, type ProjectDetail } from '../api';
import { AnnotatePage } from './AnnotatePage';
import { SpanAnnotatePage } from './SpanAnnotatePage';
import { ObjectAnnotatePage } from './ObjectAnnotatePage';

/** The annotate page for the project's task type: spans and image objects get their own editors, classification the label page. */
export function AnnotateRoute({ projectId, annotator }: { projectId: number; annotator: string }) {
  const [project, setProject] = useState<ProjectDetail | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.project(projectId).then(setProject, (e) => setError(String(e)));
  }, [projectId]);
  if (error) return <p class="error">{error}</p>;
  if (!project) return <p class="muted">Loading…</p>;
  if (project.task_type === 'text-spans') return <SpanAnnotatePage projectId={projectId} annotator={annotator} project={project} />;
  if (project.task_type === 'image-objects') return <ObjectAnnotatePage projectId={projectId} annotator={annotator} project={project} />;
  return <AnnotatePage projectId={projectId} annotator={annotator} />;
}
