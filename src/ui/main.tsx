/**
 * main: the page's entry. It starts the cluster worker, connects the stores, renders the
 * app, and registers the service worker that keeps the site usable offline.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createWorkerBridge } from './bridge/bridge.ts';
import { BridgeContext } from './bridge/context.ts';
import { connectStores } from './state/connect.ts';
import './styles.css';

const bridge = createWorkerBridge();
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
