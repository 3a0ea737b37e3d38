/**
 * main: the page's entry. It starts the cluster worker, connects the stores, renders the
 * app, and registers the service worker that keeps the site usable offline.
 */
// First: start the cluster worker before anything else evaluates (startBridge.ts says why).
import { bridge } from './bridge/startBridge.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { BridgeContext } from './bridge/context.ts';
import { connectStores } from './state/connect.ts';
import './styles.css';

connectStores(bridge);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BridgeContext.Provider value={bridge}>
      <App />
    </BridgeContext.Provider>
  </StrictMode>,
);

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  });
}
