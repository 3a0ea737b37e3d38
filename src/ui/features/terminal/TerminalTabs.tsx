/**
 * TerminalTabs: several terminals on the same cluster and the same files, like several SSH
 * sessions to the control-plane node. Each tab is its own shell in the worker (own history,
 * directory and variables). Hidden tabs stay mounted so their scrollback survives.
 */
import { useState } from 'react';
import { useBridge } from '../../bridge/context.ts';
import { TerminalPanel } from './TerminalPanel.tsx';

export function TerminalTabs() {
  const bridge = useBridge();
  const [tabs, setTabs] = useState<string[]>(['1']);
  const [active, setActive] = useState('1');
  const add = () => {
    const id = String(Math.max(...tabs.map(Number)) + 1);
    setTabs([...tabs, id]);
    setActive(id);
  };
  const close = (id: string) => {
    bridge.send({ type: 'terminal.close', tab: id });
    const rest = tabs.filter((t) => t !== id);
    setTabs(rest);
    if (active === id) setActive(rest[rest.length - 1]);
  };
  return (
    <div className="terminal-tabs">
      <div className="terminal-tab-bar">
        <div role="tablist" aria-label="Terminals" className="terminal-tab-list">
          {tabs.map((id) => (
            <button key={id} type="button" role="tab" className={`terminal-tab ${id === active ? 'active' : ''}`} aria-selected={id === active} aria-controls={`terminal-${id}`} onClick={() => setActive(id)}>
              Terminal {id}
            </button>
          ))}
        </div>
        <button type="button" className="terminal-tab-add" aria-label="New terminal" onClick={add}>
          +
        </button>
        {tabs.length > 1 && (
          <button type="button" className="terminal-tab-close" aria-label={`Close terminal ${active}`} onClick={() => close(active)}>
            ×
          </button>
        )}
      </div>
      {tabs.map((id) => (
        <TerminalPanel key={id} tab={id} active={id === active} />
      ))}
    </div>
  );
}
