import { render } from 'preact';
import { useState } from 'preact/hooks';
import './styles.css';
import { annotatorName, setAnnotatorName } from './annotator';
import { usePath, onLink } from './router';
import { ProjectsPage } from './pages/ProjectsPage';
import { AnnotatePage } from './pages/AnnotatePage';
import { SetupPage, isSetupTab, type SetupTab } from './pages/SetupPage';

function NamePrompt({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  return (
    <form
      class="card narrow"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) {
          setAnnotatorName(name);
          onDone();
        }
      }}
    >
      <h1>Welcome to Labelforge</h1>
      <p>Pick the name your labels are signed with. It is kept in this browser.</p>
      <label>
        Your name <input name="annotator" autoFocus value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <button type="submit">Continue</button>
    </form>
  );
}

function App() {
  const path = usePath();
  const [name, setName] = useState(annotatorName());
  if (!name) return <NamePrompt onDone={() => setName(annotatorName())} />;
  const annotate = /^\/projects\/(\d+)\/annotate\/?$/.exec(path);
  const setup = /^\/projects\/(\d+)(?:\/(\w+))?\/?$/.exec(path);
  const tab = setup?.[2] ?? 'progress';
  const page = annotate ? (
    <AnnotatePage projectId={Number(annotate[1])} annotator={name} />
  ) : setup && isSetupTab(tab) ? (
    <SetupPage projectId={Number(setup[1])} tab={tab as SetupTab} />
  ) : (
    <ProjectsPage />
  );
  return (
    <>
      <header class="topbar">
        <a href="/" class="brand" onClick={(e) => onLink(e, '/')}>
          Labelforge
        </a>
        <span class="who">
          Signed as <strong>{name}</strong>
        </span>
      </header>
      <main>{page}</main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
