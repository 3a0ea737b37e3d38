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
      <div className="tab-bar" role="tablist" aria-label="Terminals">
        {tabs.map((id) => (
          <span key={id} className={`tab ${id === active ? 'active' : ''}`}>
            <button type="button" role="tab" aria-selected={id === active} aria-controls={`terminal-${id}`} onClick={() => setActive(id)}>
              Terminal {id}
            </button>
            {tabs.length > 1 && (
              <button type="button" className="tab-close" aria-label={`Close terminal ${id}`} onClick={() => close(id)}>
                ×
              </button>
            )}
          </span>
        ))}
        <button type="button" className="tab-add" aria-label="New terminal" onClick={add}>
          +
        </button>
      </div>
      {tabs.map((id) => (
        <TerminalPanel key={id} tab={id} active={id === active} />
      ))}
    </div>
  );
}
