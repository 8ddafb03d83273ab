import { useEffect, useState } from 'preact/hooks';
import { api, type Project } from '../api';
import { Link } from 'wouter-preact';
import { TaxonomyPanel } from './TaxonomyPanel';
import { GuidelinesPanel } from './GuidelinesPanel';
import { ImportPanel } from './ImportPanel';
import { DataPanel } from './DataPanel';
import { LabelingFunctionPage } from './LabelingFunctionPage';
import { LabelErrorsPanel } from './LabelErrorsPanel';
import { ProgressPanel } from './ProgressPanel';
import { AgreementPanel } from './AgreementPanel';
import { PrivacyPanel } from './PrivacyPanel';
import { AnnotatorsPanel } from './AnnotatorsPanel';
import { AdjudicationPanel } from './AdjudicationPanel';
import { TeamSettingsPanel } from './TeamSettingsPanel';

const TABS = [
  'progress',
  'taxonomy',
  'guidelines',
  'import',
  'data',
  'labeling-functions',
  'label-errors',
  'agreement',
  'annotators',
  'adjudication',
  'team',
  'privacy',
] as const;
const TAB_NAMES: Partial<Record<SetupTab, string>> = { 'labeling-functions': 'Labeling functions', 'label-errors': 'Label errors', team: 'Team settings' };
export type SetupTab = (typeof TABS)[number];

/** Project setup at /projects/{id}/{tab}: progress (the overview), taxonomy, guidelines, import, the data browser, labeling functions, label errors, agreement, annotator scorecards, adjudication, team settings (overlap, gold, consensus) and personal-data masking (privacy). */
export function SetupPage({ projectId, tab }: { projectId: number; tab: SetupTab }) {
  const [project, setProject] = useState<Project | null>(null);
  useEffect(() => void api.project(projectId).then(setProject, () => undefined), [projectId]);
  return (
    <div class="page">
      <div class="annotate-bar">
        <h1>{project?.name ?? '…'}</h1>
        <nav class="tabs">
          {TABS.map((t) => (
            <Link key={t} href={`/projects/${projectId}/${t}`} class={t === tab ? 'active' : ''}>
              {TAB_NAMES[t] ?? t[0].toUpperCase() + t.slice(1)}
            </Link>
          ))}
          <Link href={`/projects/${projectId}/annotate`}>Annotate →</Link>
        </nav>
      </div>
      {tab === 'progress' && <ProgressPanel projectId={projectId} />}
      {tab === 'taxonomy' && <TaxonomyPanel projectId={projectId} />}
      {tab === 'guidelines' && <GuidelinesPanel projectId={projectId} />}
      {tab === 'import' && <ImportPanel projectId={projectId} />}
      {tab === 'data' && <DataPanel projectId={projectId} />}
      {tab === 'labeling-functions' && <LabelingFunctionPage projectId={projectId} spans={project?.task_type === 'text-spans'} />}
      {tab === 'label-errors' && <LabelErrorsPanel projectId={projectId} />}
      {tab === 'agreement' && <AgreementPanel projectId={projectId} />}
      {tab === 'annotators' && <AnnotatorsPanel projectId={projectId} />}
      {tab === 'adjudication' && <AdjudicationPanel projectId={projectId} />}
      {tab === 'team' && <TeamSettingsPanel projectId={projectId} />}
      {tab === 'privacy' && <PrivacyPanel projectId={projectId} />}
    </div>
  );
}

export const isSetupTab = (t: string): t is SetupTab => (TABS as readonly string[]).includes(t);

/** Former tab names in links people kept, and the tab each now is. */
export const FORMER_TABS: Readonly<Record<string, SetupTab>> = { lf: 'labeling-functions', review: 'label-errors' };
