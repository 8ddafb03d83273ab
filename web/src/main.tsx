import { render } from 'preact';
import { useState } from 'preact/hooks';
import './styles.css';
import { annotatorName, setAnnotatorName } from './annotator';
import { Link, Redirect, Route, Switch } from 'wouter-preact';
import { ProjectsPage } from './pages/ProjectsPage';
import { AnnotateRoute } from './pages/AnnotateRoute';
import { FORMER_TABS, SetupPage, isSetupTab } from './pages/SetupPage';

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
  const [name, setName] = useState(annotatorName());
  if (!name) return <NamePrompt onDone={() => setName(annotatorName())} />;
  return (
    <>
      <header class="topbar">
        <Link href="/" class="brand">
          Labelforge
        </Link>
        <span class="who">
          Signed as <strong>{name}</strong>
        </span>
      </header>
      <main>
        <Switch>
          <Route path={/^\/projects\/(?<id>\d+)\/annotate\/?$/}>{({ id }) => <AnnotateRoute projectId={Number(id)} annotator={name} />}</Route>
          <Route path={/^\/projects\/(?<id>\d+)(?:\/(?<tab>[\w-]+))?\/?$/}>
            {({ id, tab = 'progress' }) =>
              isSetupTab(tab) ? (
                <SetupPage projectId={Number(id)} tab={tab} />
              ) : tab in FORMER_TABS ? (
                <Redirect to={`/projects/${id}/${FORMER_TABS[tab]}`} replace />
              ) : (
                <ProjectsPage />
              )
            }
          </Route>
          <Route>
            <ProjectsPage />
          </Route>
        </Switch>
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
