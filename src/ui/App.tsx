/**
 * App lays out the playground: a toolbar (time and cluster controls, display settings) over
 * resizable panels: terminal and editor on the left, topology over inspector and events on
 * the right. Panels are features (src/ui/features/*); the layout only places them.
 */
import { ClusterControls } from './features/controls/ClusterControls.tsx';
import { DisplayControls } from './features/controls/DisplayControls.tsx';
import { Notices } from './features/controls/Notices.tsx';
import { TimeControls } from './features/controls/TimeControls.tsx';
import { EditorPanel } from './features/editor/EditorPanel.tsx';
import { EventsPanel } from './features/events/EventsPanel.tsx';
import { InspectorPanel } from './features/inspector/InspectorPanel.tsx';
import { TerminalTabs } from './features/terminal/TerminalTabs.tsx';
import { TopologyPanel } from './features/topology/TopologyPanel.tsx';
import { SplitPane } from './layout/SplitPane.tsx';
import { useAppStore } from './state/appStore.ts';

export function App() {
  const theme = useAppStore((s) => s.theme);
  const fontScale = useAppStore((s) => s.fontScale);
  return (
    <div className="app" data-theme={theme} style={{ fontSize: `${fontScale * 100}%` }}>
      <header className="toolbar">
        <h1 className="brand">kubeplay</h1>
        <TimeControls />
        <ClusterControls />
        <DisplayControls />
      </header>
      <Notices />
      <main className="workspace">
        <SplitPane id="main" direction="row" initial={55} label="Resize the left and right columns">
          <SplitPane id="left" direction="column" initial={60} label="Resize the terminal and the editor">
            <section className="panel" aria-label="Terminal">
              <TerminalTabs />
            </section>
            <section className="panel" aria-label="Editor">
              <EditorPanel />
            </section>
          </SplitPane>
          <SplitPane id="right" direction="column" initial={60} label="Resize the topology and the details">
            <section className="panel" aria-label="Topology">
              <TopologyPanel />
            </section>
            <SplitPane id="details" direction="row" initial={50} label="Resize the inspector and the events">
              <section className="panel" aria-label="Inspector">
                <InspectorPanel />
              </section>
              <section className="panel" aria-label="Events">
                <EventsPanel />
              </section>
            </SplitPane>
          </SplitPane>
        </SplitPane>
      </main>
    </div>
  );
}
